import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { PlaybackSource } from '../../../api';
import type { Preloader } from '../model/preloader';
import { pendingView } from '../model/reopen';
import { usePlaybackSource, type SessionHooks } from './usePlaybackSource';
import { useProgressReports } from './useProgressReports';
import { useReopen } from './useReopen';
import { useTranscodeStatus } from './useTranscodeStatus';

interface PlayerSessionOptions {
  itemId: string;
  /** Changes when the same item is chosen again, to start a fresh session. */
  nonce: number;
  /** Where the item was left last time: the first session starts there. */
  resumeSec: number | null;
  /** Where a session for the item may already be open (the next track, preloaded). */
  preloader: Preloader | undefined;
  /** A session ended: its final progress was reported and it was stopped. */
  onSessionEnd: ((source: PlaybackSource) => void) | undefined;
  /** The user's preferred audio language, for main to choose the audio track by. */
  language?: string | null | undefined;
}

/**
 * The item's sessions from open to stop: one per choice of the item and per reopen (another audio track, a
 * picture subtitle burned in), taken over from the preloader where it has one, its transcoder's status
 * followed, its progress reported as it plays, and stopped only once the final report is in.
 */
export function usePlayerSession(mediaRef: RefObject<HTMLMediaElement | null>, { itemId, nonce, resumeSec, preloader, onSessionEnd, language }: PlayerSessionOptions) {
  const { reopen, withAudio, withBurnIn } = useReopen(resumeSec);
  // Read when a session starts or ends, so new callbacks never reopen anything.
  const latest = useRef<{ preloader?: Preloader; onSessionEnd?: (s: PlaybackSource) => void; final?: (id: string) => Promise<unknown> | undefined }>({ preloader, onSessionEnd });
  const sessionHooks = useRef<SessionHooks>({
    take: (id) => latest.current.preloader?.take(id) ?? null,
    beforeStop: (id) => latest.current.final?.(id),
    afterStop: (s) => latest.current.onSessionEnd?.(s),
  });
  const { source, error: openError, previous } = usePlaybackSource(itemId, nonce, reopen, sessionHooks, language);
  // What the panel and the stage show: the live session, or while a reopen opens, the one it replaces with
  // the new choice already made. Hooks that talk to main or drive the stream take `source` only.
  const shown = useMemo(() => source ?? (previous ? pendingView(previous, reopen) : null), [source, previous, reopen]);
  const status = useTranscodeStatus(source);
  const progress = useProgressReports(mediaRef, source);
  useEffect(() => {
    latest.current = { preloader, onSessionEnd, final: progress.final };
  });
  return { reopen, withAudio, withBurnIn, source, openError, shown, status, progress: progress.handlers };
}
