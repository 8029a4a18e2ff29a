import { useRef, useState } from 'react';
import type { Chapter, PlaybackSource } from '../../../../api';
import { cx } from '../../../../ui';
import { useAutoplay } from '../../hooks/useAutoplay';
import { useCurrentChapter } from '../../hooks/useCurrentChapter';
import { useHls } from '../../hooks/useHls';
import { useKeyBindings } from '../../hooks/useKeyBindings';
import { useMediaSession } from '../../hooks/useMediaSession';
import { useNotice } from '../../hooks/useNotice';
import { usePlaybackReports } from '../../hooks/usePlaybackReports';
import { usePlayerSession } from '../../hooks/usePlayerSession';
import { usePlayQueueTrack } from '../../hooks/usePlayQueueTrack';
import { useRefocus } from '../../hooks/useRefocus';
import { useResumePoint } from '../../hooks/useResumePoint';
import { useStreamSwitch } from '../../hooks/useStreamSwitch';
import { useSubtitleChoice } from '../../hooks/useSubtitleChoice';
import { runAction } from '../../model/actions';
import type { ItemDetails } from '../../model/details';
import { failureMessage } from '../../model/failures';
import type { PlayQueue } from '../../model/playQueue';
import type { Preloader } from '../../model/preloader';
import { ChapterList } from '../ChapterList/ChapterList';
import { InfoPanel } from '../InfoPanel/InfoPanel';
import { PlayerStage } from '../PlayerStage/PlayerStage';
import { ShortcutsDialog } from '../ShortcutsDialog/ShortcutsDialog';
import { TrackMenus } from '../TrackMenus/TrackMenus';
import { mediaProps } from './mediaProps';
import '../../player.css';

const NO_CHAPTERS: readonly Chapter[] = [];
const NOTHING = () => {};

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
  const mediaRef = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const session = usePlayerSession(mediaRef, { itemId, nonce, resumeSec, preloader, onSessionEnd });
  const { source, shown, reopen } = session;
  const track = usePlayQueueTrack(mediaRef, { itemId, playQueue, preloader, source, onNext, onPrevious });
  const reports = usePlaybackReports(source);
  const autoplay = useAutoplay(mediaRef, source, { generation: reopen.generation, stayPaused: reopen.paused ?? false });
  const subtitles = useSubtitleChoice(mediaRef, shown);
  const resume = useResumePoint(mediaRef, source, reopen, resumeSec);
  const refocus = useRefocus(sectionRef, source?.sessionId ?? null);
  const chapter = useCurrentChapter(mediaRef, shown?.chapters ?? NO_CHAPTERS);
  const [help, setHelp] = useState(false);
  const [notice, flash] = useNotice();
  const entry = track.entry;
  useMediaSession(
    mediaRef,
    shown ? { title: entry?.title ?? shown.title, artist: entry?.artist ?? null, album: entry?.album ?? null } : null,
    { onNext: track.goNext, onPrevious: track.goPrevious },
  );
  useHls(mediaRef, source?.url ?? null, source?.mime ?? null, reports.fail, source?.startSec ?? 0);
  const message = failureMessage(session.openError, session.status, reports.failure);
  const streams = useStreamSwitch(mediaRef, { ...session, failed: message !== null, flash, refocus });
  useKeyBindings(mediaRef, {
    enabled: !compact,
    onClose,
    run: (action, el) =>
      runAction(action, el, {
        ...subtitles,
        durationSec: shown?.durationSec ?? null,
        audioTracks: shown?.audioTracks ?? [],
        chooseAudio: streams.chooseAudio,
        next: track.goNext,
        previous: track.goPrevious,
        fullscreenTarget: sectionRef.current,
        showHelp: () => setHelp(true),
        flash,
      }),
  });
  const media = { ref: mediaRef, ...mediaProps(source, { progress: session.progress, reports, resume, track, autoplay }) };
  const music = { entry, playQueue, showQueue: track.hasEntries, onNext: track.goNext ?? NOTHING, onPrevious: track.goPrevious ?? NOTHING };

  return (
    <>
      <section ref={sectionRef} className={cx('player', compact && 'is-compact', shown?.kind === 'track' && 'is-audio')} aria-label="Player" tabIndex={-1}>
        <PlayerStage shown={shown} details={details} openError={session.openError} media={media} textTracks={subtitles.textTracks} frame={streams.frame} music={music} autoplay={autoplay} notice={notice} />
        <InfoPanel
          source={shown}
          openError={session.openError}
          message={message}
          status={session.status}
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
              onAudio={streams.onAudio}
              imageTracks={subtitles.imageTracks}
              onBurnIn={streams.onBurnIn}
            />
          ) : null}
          {shown ? <ChapterList chapters={shown.chapters} current={chapter} onSeek={(sec) => mediaRef.current && (mediaRef.current.currentTime = sec)} /> : null}
        </InfoPanel>
        {help ? <ShortcutsDialog onClose={() => setHelp(false)} /> : null}
      </section>
      {/* Outside the region on purpose: it is not the player, only the next track's file warming up. */}
      {track.preloadUrl ? <audio className="preload" preload="auto" src={track.preloadUrl} muted hidden aria-hidden="true" /> : null}
    </>
  );
}
