import type { RefObject } from 'react';
import type { PlaybackSource } from '../../../api';
import { mediaProps } from '../components/Player/mediaProps';
import { failureMessage } from '../model/failures';
import type { PlayQueue } from '../model/playQueue';
import type { Preloader } from '../model/preloader';
import { useAutoplay } from './useAutoplay';
import { useHls } from './useHls';
import { useMediaSession } from './useMediaSession';
import { usePlaybackReports } from './usePlaybackReports';
import { usePlayerSession } from './usePlayerSession';
import { usePlayQueueTrack } from './usePlayQueueTrack';
import { useResumePoint } from './useResumePoint';

export interface PlayerCoreOptions {
  itemId: string;
  /** Changes when the same item is chosen again, to start a fresh session. */
  nonce: number;
  resumeSec: number | null;
  /** The user's preferred audio language, sent with the first open. */
  language?: string | null | undefined;
  /** The title the OS media controls show when the queue has none (a movie's, an episode's). */
  title?: string | undefined;
  playQueue?: PlayQueue | undefined;
  preloader?: Preloader | undefined;
  onNext?: (() => void) | undefined;
  onPrevious?: (() => void) | undefined;
  onSessionEnd?: ((source: PlaybackSource) => void) | undefined;
  /** The end of the item, and playing again after it. */
  end?: { onEnded(): void; onPlaying(): void } | undefined;
}

/**
 * What every player has, video or music: the item's sessions, its place in the play queue, start and failure
 * reports, autoplay, the resume point, the OS media controls, hls.js, and the props of its one media element.
 */
export function usePlayerCore(mediaRef: RefObject<(HTMLVideoElement & HTMLAudioElement) | null>, o: PlayerCoreOptions) {
  const session = usePlayerSession(mediaRef, { itemId: o.itemId, nonce: o.nonce, resumeSec: o.resumeSec, preloader: o.preloader, onSessionEnd: o.onSessionEnd, language: o.language });
  const { source, shown, reopen } = session;
  const track = usePlayQueueTrack(mediaRef, { itemId: o.itemId, playQueue: o.playQueue, preloader: o.preloader, source, onNext: o.onNext, onPrevious: o.onPrevious });
  const reports = usePlaybackReports(source);
  const autoplay = useAutoplay(mediaRef, source, { generation: reopen.generation, stayPaused: reopen.paused ?? false });
  const resume = useResumePoint(mediaRef, source, reopen, o.resumeSec);
  const entry = track.entry;
  useMediaSession(
    mediaRef,
    shown ? { title: entry?.title ?? o.title ?? shown.title, artist: entry?.artist ?? null, album: entry?.album ?? null } : null,
    { onNext: track.goNext, onPrevious: track.goPrevious },
  );
  useHls(mediaRef, source?.url ?? null, source?.mime ?? null, reports.fail, source?.startSec ?? 0);
  const message = failureMessage(session.openError, session.status, reports.failure);
  const media = { ref: mediaRef, ...mediaProps(source, { progress: session.progress, reports, resume, track, autoplay, end: o.end }) };
  return { session, track, autoplay, resume, message, media };
}
