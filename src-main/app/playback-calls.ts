import { AppError } from '../contract/index.js';
import type { HistoryService } from '../history/index.js';
import type { LibraryService } from '../library/index.js';
import type { PlaybackService } from '../playback/index.js';
import type { CallsOf } from './calls.js';
import type { EventHub } from './event-hub.js';
import type { LibraryChanges } from './library-changes.js';
import type { Jobs } from './jobs.js';

export interface PlaybackCallsDeps {
  playback: PlaybackService;
  library: LibraryService;
  history: HistoryService;
  events: EventHub;
  changes: LibraryChanges;
  jobs: Jobs;
}

/** At most this many plays are remembered: a renderer that never says stop must not grow the map. */
const MAX_PLAYS = 64;

/** Playback session → its row in the local history ("Your stats"), so time watched adds to the right play. */
export class Plays {
  private readonly rows = new Map<string, number>();

  constructor(private readonly history: HistoryService) {}

  start(sessionId: string, kind: Parameters<HistoryService['startPlay']>[0], mode: Parameters<HistoryService['startPlay']>[1]): void {
    if (this.rows.has(sessionId)) return;
    this.rows.set(sessionId, this.history.startPlay(kind, mode));
    // Forget the oldest beyond the bound.
    if (this.rows.size > MAX_PLAYS) this.rows.delete(this.rows.keys().next().value as string);
  }

  addWatched(sessionId: string, seconds: number): void {
    const row = this.rows.get(sessionId);
    if (row !== undefined) this.history.addWatched(row, seconds);
  }

  end(sessionId: string): void {
    this.rows.delete(sessionId);
  }
}

export function playbackCalls(deps: PlaybackCallsDeps): CallsOf<'playback'> {
  const { playback, library, changes, jobs } = deps;
  const plays = new Plays(deps.history);
  return {
    'playback.open': async (input) => jobs.track(playback.open(input)),
    'playback.status': async ({ sessionId }) => playback.status(sessionId),
    'playback.stop': async ({ sessionId }) => {
      plays.end(sessionId);
      await playback.stop(sessionId);
      return {};
    },
    'playback.reportStarted': async ({ sessionId }) => {
      playback.reportStarted(sessionId);
      const info = playback.info(sessionId);
      if (info) plays.start(sessionId, info.kind, info.mode);
      return {};
    },
    'playback.reportProgress': async ({ sessionId, positionSec, playedSec }) => {
      const info = playback.info(sessionId);
      if (!info) throw new AppError('not-found', 'This playback session has ended.');
      const change = library.saveProgress(info.itemId, positionSec);
      if (change) changes.progress(info.itemId, change);
      plays.addWatched(sessionId, playedSec);
      return {};
    },
    'playback.reportFailed': async ({ sessionId, error }) => (playback.reportFailed(sessionId, error), {}),
  };
}
