import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import type { Chapter, PlaybackSource } from '../../../../api';
import { Button, Icon, createStore, cx, useStore } from '../../../../ui';
import { useAutoplay } from '../../hooks/useAutoplay';
import { useCurrentChapter } from '../../hooks/useCurrentChapter';
import { useHls } from '../../hooks/useHls';
import { useKeyBindings } from '../../hooks/useKeyBindings';
import { useMediaSession } from '../../hooks/useMediaSession';
import { useNotice } from '../../hooks/useNotice';
import { usePlaybackReports } from '../../hooks/usePlaybackReports';
import { usePlaybackSource, type SessionHooks } from '../../hooks/usePlaybackSource';
import { usePreloadNext } from '../../hooks/usePreloadNext';
import { useProgressReports } from '../../hooks/useProgressReports';
import { useQueueNavigation } from '../../hooks/useQueueNavigation';
import { useRefocus } from '../../hooks/useRefocus';
import { useReopen } from '../../hooks/useReopen';
import { useResumePoint } from '../../hooks/useResumePoint';
import { useSubtitleChoice } from '../../hooks/useSubtitleChoice';
import { useTranscodeStatus } from '../../hooks/useTranscodeStatus';
import { runAction } from '../../model/actions';
import { FAIL_MESSAGE, MEDIA_ERROR } from '../../model/failures';
import type { PreloadState, Preloader } from '../../model/preloader';
import { EMPTY_QUEUE, currentEntry, type PlayQueue, type QueueState } from '../../model/queue';
import { AudioPlayer } from '../AudioPlayer/AudioPlayer';
import { ChapterList } from '../ChapterList/ChapterList';
import { InfoPanel } from '../InfoPanel/InfoPanel';
import { ShortcutsDialog } from '../ShortcutsDialog/ShortcutsDialog';
import { TrackMenus } from '../TrackMenus/TrackMenus';
import { VideoSurface, type MediaProps } from '../VideoSurface/VideoSurface';
import '../../player.css';

const NO_QUEUE = createStore<QueueState>(EMPTY_QUEUE);
const NO_PRELOAD = createStore<PreloadState>(null);
const NO_CHAPTERS: readonly Chapter[] = [];

export interface PlayerProps {
  itemId: string;
  /** Changes when the same item is chosen again, to start a fresh session. */
  nonce?: number;
  onClose: () => void;
  /** A small corner player while another screen is shown; the same element keeps playing. */
  compact?: boolean;
  /** Next and previous in a queue, where there is one (n and p); a `queue` takes precedence. */
  onNext?: () => void;
  onPrevious?: () => void;
  /** Where the item was left last time: playback resumes there, with a way to start over. */
  resumeSec?: number | null;
  /** The music queue this item plays from: shown, and followed at the end of each track. */
  queue?: PlayQueue;
  /** Opens the next track ahead of time; its session is taken over when that track starts. */
  preloader?: Preloader;
  /** A session ended: its final progress was reported and it was stopped. */
  onSessionEnd?: (source: PlaybackSource) => void;
}

/**
 * Plays one item: opens a session, wires the media element to the hooks that report, resume, preload and
 * take keys, and lays out the stage and the info panel. The pieces live in their own components and hooks.
 */
export function Player({ itemId, nonce = 0, onClose, compact = false, onNext, onPrevious, resumeSec = null, queue, preloader, onSessionEnd }: PlayerProps) {
  const { reopen, withAudio, withBurnIn } = useReopen(resumeSec);
  // Read when a session starts or ends, so new callbacks never reopen anything.
  const latest = useRef<{ preloader?: Preloader; onSessionEnd?: (s: PlaybackSource) => void; final?: (id: string) => Promise<unknown> | undefined }>({ preloader, onSessionEnd });
  const sessionHooks = useRef<SessionHooks>({
    take: (id) => latest.current.preloader?.take(id) ?? null,
    beforeStop: (id) => latest.current.final?.(id),
    afterStop: (s) => latest.current.onSessionEnd?.(s),
  });
  const { source, error: openError } = usePlaybackSource(itemId, nonce, reopen, sessionHooks);
  const status = useTranscodeStatus(source);
  const mediaRef = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const progress = useProgressReports(mediaRef, source);
  useEffect(() => {
    latest.current = { preloader, onSessionEnd, final: progress.final };
  });
  const queueState = useStore(queue ?? NO_QUEUE);
  const preloaded = useStore(preloader ?? NO_PRELOAD);
  const reports = usePlaybackReports(source);
  const autoplay = useAutoplay(mediaRef, source);
  const subtitles = useSubtitleChoice(mediaRef, source);
  const resume = useResumePoint(mediaRef, source, reopen, resumeSec);
  const { goNext, goPrevious } = useQueueNavigation(mediaRef, queue, onNext, onPrevious);
  const preloadNearEnd = usePreloadNext(queue, preloader, source);
  const refocus = useRefocus(sectionRef, source?.sessionId ?? null);
  const chapter = useCurrentChapter(mediaRef, source?.chapters ?? NO_CHAPTERS);
  const [help, setHelp] = useState(false);
  const [notice, flash] = useNotice();

  const isHls = source ? /mpegurl/i.test(source.mime) : false;
  const entry = queue ? currentEntry(queueState) : null;
  const queueEntry = entry && entry.itemId === itemId ? entry : null;

  useMediaSession(
    mediaRef,
    source ? { title: queueEntry?.title ?? source.title, artist: queueEntry?.artist ?? null, album: queueEntry?.album ?? null } : null,
    { ...(goNext ? { onNext: goNext } : {}), ...(goPrevious ? { onPrevious: goPrevious } : {}) },
  );
  useHls(mediaRef, source?.url ?? null, source?.mime ?? null, reports.fail);

  function chooseAudio(index: number, atSec: number) {
    const track = source?.audioTracks.find((t) => t.index === index);
    if (track) flash(`Audio: ${track.label}`);
    withAudio(index, atSec);
  }
  const at = () => mediaRef.current?.currentTime ?? 0;

  useKeyBindings(mediaRef, {
    enabled: !compact,
    onClose,
    run: (action, el) =>
      runAction(action, el, {
        durationSec: source?.durationSec ?? null,
        textTracks: subtitles.textTracks,
        subtitle: subtitles.subtitle,
        setSubtitle: subtitles.setSubtitle,
        audioTracks: source?.audioTracks ?? [],
        chooseAudio,
        next: goNext,
        previous: goPrevious,
        fullscreenTarget: sectionRef.current,
        showHelp: () => setHelp(true),
        flash,
      }),
  });

  // ffmpeg's own words beat a generic "network error" from hls.js.
  const message = openError ?? (status?.state === 'failed' ? status.message : null) ?? (reports.failure ? FAIL_MESSAGE[reports.failure] : null);
  const media: MediaProps = {
    ref: mediaRef,
    controls: true,
    src: source && !isHls ? source.url : undefined,
    onPlaying: (e) => {
      progress.handlers.onPlaying(e);
      reports.started();
    },
    onError: (e: SyntheticEvent<HTMLMediaElement>) => reports.fail(MEDIA_ERROR[e.currentTarget.error?.code ?? 0] ?? 'unknown'),
    onLoadedMetadata: resume.onLoadedMetadata,
    onTimeUpdate: (e) => {
      progress.handlers.onTimeUpdate(e);
      preloadNearEnd(e);
    },
    onEnded: (e) => {
      progress.handlers.onEnded(e);
      queue?.next(true);
    },
    onPause: progress.handlers.onPause,
    onSeeking: progress.handlers.onSeeking,
    onSeeked: progress.handlers.onSeeked,
    onVolumeChange: autoplay.onVolumeChange,
    preload: 'auto',
  };
  const preloadUrl = preloaded?.source && !/mpegurl/i.test(preloaded.source.mime) ? preloaded.source.url : null;

  return (
    <>
      <section ref={sectionRef} className={cx('player', compact && 'is-compact', source?.kind === 'track' && 'is-audio')} aria-label="Player" tabIndex={-1}>
        <div className="player-stage">
          {source ? (
            source.kind === 'track' ? (
              <AudioPlayer media={media} entry={queueEntry} queue={queue} showQueue={queueState.entries.length > 0} onNext={goNext ?? (() => {})} onPrevious={goPrevious ?? (() => {})} />
            ) : (
              <VideoSurface source={source} textTracks={subtitles.textTracks} media={media} />
            )
          ) : (
            <div className="player-loading">{openError ? null : 'Opening…'}</div>
          )}
          {autoplay.mutedByPolicy ? (
            <Button className="unmute" variant="primary" size="sm" icon={<Icon.Volume />} onClick={autoplay.unmute}>
              Unmute
            </Button>
          ) : null}
          {notice ? (
            <div className="player-notice" role="status">
              {notice}
            </div>
          ) : null}
        </div>

        <InfoPanel source={source} openError={openError} message={message} status={status} resumedAt={resume.resumedAt} onStartOver={resume.startOver} onClose={onClose} onHelp={() => setHelp(true)}>
          {source && source.kind !== 'track' ? (
            <TrackMenus
              textTracks={subtitles.textTracks}
              subtitle={subtitles.subtitle}
              onSubtitle={subtitles.setSubtitle}
              audioTracks={source.audioTracks}
              onAudio={(index) => {
                refocus.mark('audio');
                chooseAudio(index, at());
              }}
              imageTracks={subtitles.imageTracks}
              onBurnIn={(index, burn) => {
                // The same button comes back with the new session, now offering the opposite.
                refocus.mark(`burn-${index}`);
                withBurnIn(burn ? index : undefined, at());
              }}
            />
          ) : null}
          {source ? <ChapterList chapters={source.chapters} current={chapter} onSeek={(sec) => mediaRef.current && (mediaRef.current.currentTime = sec)} /> : null}
        </InfoPanel>
        {help ? <ShortcutsDialog onClose={() => setHelp(false)} /> : null}
      </section>
      {/* Outside the region on purpose: it is not the player, only the next track's file warming up. */}
      {preloadUrl ? <audio className="preload" preload="auto" src={preloadUrl} muted hidden aria-hidden="true" /> : null}
    </>
  );
}
