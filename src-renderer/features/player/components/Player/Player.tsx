import { useEffect, useMemo, useRef, useState, type CSSProperties, type SyntheticEvent } from 'react';
import type { Chapter, PlaybackSource } from '../../../../api';
import { Button, Icon, createStore, cx, useStore } from '../../../../ui';
import { useAutoplay } from '../../hooks/useAutoplay';
import { useControlsShown } from '../../hooks/useControlsShown';
import { useCurrentChapter } from '../../hooks/useCurrentChapter';
import { useFrameHold } from '../../hooks/useFrameHold';
import { useHls } from '../../hooks/useHls';
import type { ItemDetails } from '../../model/details';
import { useKeyBindings } from '../../hooks/useKeyBindings';
import { useMediaSession } from '../../hooks/useMediaSession';
import { useNotice } from '../../hooks/useNotice';
import { usePlaybackReports } from '../../hooks/usePlaybackReports';
import { usePlaybackSource, type SessionHooks } from '../../hooks/usePlaybackSource';
import { usePreloadNext } from '../../hooks/usePreloadNext';
import { useProgressReports } from '../../hooks/useProgressReports';
import { usePlayQueueNavigation } from '../../hooks/usePlayQueueNavigation';
import { useRefocus } from '../../hooks/useRefocus';
import { useReopen } from '../../hooks/useReopen';
import { useResumePoint } from '../../hooks/useResumePoint';
import { useSubtitleChoice } from '../../hooks/useSubtitleChoice';
import { useTranscodeStatus } from '../../hooks/useTranscodeStatus';
import { runAction } from '../../model/actions';
import { FAIL_MESSAGE, MEDIA_ERROR } from '../../model/failures';
import type { PreloadState, Preloader } from '../../model/preloader';
import { EMPTY_PLAY_QUEUE, currentEntry, type PlayQueue, type PlayQueueState } from '../../model/playQueue';
import { pendingView, switchingLabel } from '../../model/reopen';
import { AudioPlayer } from '../AudioPlayer/AudioPlayer';
import { ChapterList } from '../ChapterList/ChapterList';
import { InfoPanel } from '../InfoPanel/InfoPanel';
import { ShortcutsDialog } from '../ShortcutsDialog/ShortcutsDialog';
import { TrackMenus } from '../TrackMenus/TrackMenus';
import { VideoSurface, type MediaProps } from '../VideoSurface/VideoSurface';
import '../../player.css';

const NO_PLAY_QUEUE = createStore<PlayQueueState>(EMPTY_PLAY_QUEUE);
const NO_PRELOAD = createStore<PreloadState>(null);
const NO_CHAPTERS: readonly Chapter[] = [];
/** Until the picture's shape is known: the common one. */
const WIDESCREEN = 9 / 16;

export interface PlayerProps {
  itemId: string;
  /** Changes when the same item is chosen again, to start a fresh session. */
  nonce?: number;
  onClose: () => void;
  /** A small corner player while another screen is shown; the same element keeps playing. */
  compact?: boolean;
  /** Next and previous in a queue, where there is one (n and p); a `playQueue` takes precedence. */
  onNext?: () => void;
  onPrevious?: () => void;
  /** Where the item was left last time: playback resumes there, with a way to start over. */
  resumeSec?: number | null;
  /** The music play queue this item plays from: shown, and followed at the end of each track. */
  playQueue?: PlayQueue;
  /** Opens the next track ahead of time; its session is taken over when that track starts. */
  preloader?: Preloader;
  /** A session ended: its final progress was reported and it was stopped. */
  onSessionEnd?: (source: PlaybackSource) => void;
  /** The library's plot, subtitle languages and picture size for a movie or episode; null for music. */
  details?: ItemDetails | null;
}

/**
 * Plays one item: opens a session, wires the media element to the hooks that report, resume, preload and
 * take keys, and lays out the stage and the info panel. The pieces live in their own components and hooks.
 */
export function Player({ itemId, nonce = 0, onClose, compact = false, onNext, onPrevious, resumeSec = null, playQueue, preloader, onSessionEnd, details = null }: PlayerProps) {
  const { reopen, withAudio, withBurnIn } = useReopen(resumeSec);
  // Read when a session starts or ends, so new callbacks never reopen anything.
  const latest = useRef<{ preloader?: Preloader; onSessionEnd?: (s: PlaybackSource) => void; final?: (id: string) => Promise<unknown> | undefined }>({ preloader, onSessionEnd });
  const sessionHooks = useRef<SessionHooks>({
    take: (id) => latest.current.preloader?.take(id) ?? null,
    beforeStop: (id) => latest.current.final?.(id),
    afterStop: (s) => latest.current.onSessionEnd?.(s),
  });
  const { source, error: openError, previous } = usePlaybackSource(itemId, nonce, reopen, sessionHooks);
  // What the panel and the stage show: the live session, or while a reopen opens, the one it replaces with
  // the new choice already made. Hooks that talk to main or drive the stream take `source` only.
  const shown = useMemo(() => source ?? (previous ? pendingView(previous, reopen) : null), [source, previous, reopen]);
  const status = useTranscodeStatus(source);
  const mediaRef = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const progress = useProgressReports(mediaRef, source);
  useEffect(() => {
    latest.current = { preloader, onSessionEnd, final: progress.final };
  });
  const queueState = useStore(playQueue ?? NO_PLAY_QUEUE);
  const preloaded = useStore(preloader ?? NO_PRELOAD);
  const reports = usePlaybackReports(source);
  const autoplay = useAutoplay(mediaRef, source, { generation: reopen.generation, stayPaused: reopen.paused ?? false });
  const subtitles = useSubtitleChoice(mediaRef, shown);
  const resume = useResumePoint(mediaRef, source, reopen, resumeSec);
  const { goNext, goPrevious } = usePlayQueueNavigation(mediaRef, playQueue, onNext, onPrevious);
  const preloadNearEnd = usePreloadNext(playQueue, preloader, source);
  const refocus = useRefocus(sectionRef, source?.sessionId ?? null);
  const chapter = useCurrentChapter(mediaRef, shown?.chapters ?? NO_CHAPTERS);
  const controls = useControlsShown();
  const [aspect, setAspect] = useState<number | null>(null);
  const [help, setHelp] = useState(false);
  const [notice, flash] = useNotice();

  const isHls = source ? /mpegurl/i.test(source.mime) : false;
  const entry = playQueue ? currentEntry(queueState) : null;
  const queueEntry = entry && entry.itemId === itemId ? entry : null;

  useMediaSession(
    mediaRef,
    shown ? { title: queueEntry?.title ?? shown.title, artist: queueEntry?.artist ?? null, album: queueEntry?.album ?? null } : null,
    { ...(goNext ? { onNext: goNext } : {}), ...(goPrevious ? { onPrevious: goPrevious } : {}) },
  );
  useHls(mediaRef, source?.url ?? null, source?.mime ?? null, reports.fail, source?.startSec ?? 0);

  // ffmpeg's own words beat a generic "network error" from hls.js.
  const message = openError ?? (status?.state === 'failed' ? status.message : null) ?? (reports.failure ? FAIL_MESSAGE[reports.failure] : null);
  const frame = useFrameHold(mediaRef, source?.startSec ?? null, message !== null);
  const paused = () => mediaRef.current?.paused ?? false;

  function chooseAudio(index: number, atSec: number) {
    const track = shown?.audioTracks.find((t) => t.index === index);
    if (track) flash(`Audio: ${track.label}`);
    // Read before the hold pauses the old stream.
    const wasPaused = paused();
    frame.hold(switchingLabel('audio'));
    withAudio(index, atSec, wasPaused);
  }
  function burnIn(index: number, burn: boolean, atSec: number) {
    const wasPaused = paused();
    frame.hold(switchingLabel(burn ? 'burn' : 'unburn'));
    withBurnIn(burn ? index : undefined, atSec, wasPaused);
  }
  const at = () => mediaRef.current?.currentTime ?? 0;

  useKeyBindings(mediaRef, {
    enabled: !compact,
    onClose,
    run: (action, el) =>
      runAction(action, el, {
        durationSec: shown?.durationSec ?? null,
        textTracks: subtitles.textTracks,
        subtitle: subtitles.subtitle,
        setSubtitle: subtitles.setSubtitle,
        audioTracks: shown?.audioTracks ?? [],
        chooseAudio,
        next: goNext,
        previous: goPrevious,
        fullscreenTarget: sectionRef.current,
        showHelp: () => setHelp(true),
        flash,
      }),
  });

  const isVideo = shown !== null && shown.kind !== 'track';
  const media: MediaProps = {
    ref: mediaRef,
    controls: isVideo ? controls.shown && frame.label === null : true,
    ...(isVideo ? controls.video : {}),
    src: source && !isHls ? source.url : undefined,
    onPlaying: (e) => {
      progress.handlers.onPlaying(e);
      reports.started();
    },
    onError: (e: SyntheticEvent<HTMLMediaElement>) => reports.fail(MEDIA_ERROR[e.currentTarget.error?.code ?? 0] ?? 'unknown'),
    onLoadedMetadata: (e) => {
      resume.onLoadedMetadata(e);
      const el = e.currentTarget as HTMLVideoElement;
      if (el.videoWidth > 0 && el.videoHeight > 0) setAspect(el.videoHeight / el.videoWidth);
    },
    onTimeUpdate: (e) => {
      progress.handlers.onTimeUpdate(e);
      preloadNearEnd(e);
    },
    onEnded: (e) => {
      progress.handlers.onEnded(e);
      playQueue?.next(true);
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
      <section ref={sectionRef} className={cx('player', compact && 'is-compact', shown?.kind === 'track' && 'is-audio')} aria-label="Player" tabIndex={-1}>
        <div className="player-stage" {...(isVideo ? controls.stage : {})}>
          {shown ? (
            shown.kind === 'track' ? (
              <AudioPlayer media={media} entry={queueEntry} playQueue={playQueue} showQueue={queueState.entries.length > 0} onNext={goNext ?? (() => {})} onPrevious={goPrevious ?? (() => {})} />
            ) : (
              <VideoSurface source={shown} textTracks={subtitles.textTracks} media={media} ratio={aspect ?? ratioOf(details) ?? WIDESCREEN} holding={frame.label} heldFrameRef={frame.canvasRef} />
            )
          ) : details ? (
            <div className="video-surface" style={{ '--ratio': ratioOf(details) ?? WIDESCREEN } as CSSProperties}>
              <div className="player-opening">{openError ? null : 'Opening…'}</div>
            </div>
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

        <InfoPanel
          source={shown}
          openError={openError}
          message={message}
          status={status}
          details={details}
          resumedAt={resume.resumedAt}
          onStartOver={resume.startOver}
          onClose={onClose}
          onHelp={() => setHelp(true)}
        >
          {shown && shown.kind !== 'track' ? (
            <TrackMenus
              textTracks={subtitles.textTracks}
              subtitle={subtitles.subtitle}
              onSubtitle={subtitles.setSubtitle}
              audioTracks={shown.audioTracks}
              onAudio={(index) => {
                refocus.mark('audio');
                chooseAudio(index, at());
              }}
              imageTracks={subtitles.imageTracks}
              onBurnIn={(index, burn) => {
                // The same button stays through the reopen; should it be replaced, focus comes back to it.
                refocus.mark(`burn-${index}`);
                burnIn(index, burn, at());
              }}
            />
          ) : null}
          {shown ? <ChapterList chapters={shown.chapters} current={chapter} onSeek={(sec) => mediaRef.current && (mediaRef.current.currentTime = sec)} /> : null}
        </InfoPanel>
        {help ? <ShortcutsDialog onClose={() => setHelp(false)} /> : null}
      </section>
      {/* Outside the region on purpose: it is not the player, only the next track's file warming up. */}
      {preloadUrl ? <audio className="preload" preload="auto" src={preloadUrl} muted hidden aria-hidden="true" /> : null}
    </>
  );
}

/** Height over width from the library's facts, where it knows them. */
function ratioOf(details: { width: number | null; height: number | null } | null): number | null {
  return details?.width && details.height ? details.height / details.width : null;
}
