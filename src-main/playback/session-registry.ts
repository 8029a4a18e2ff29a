import fs from 'node:fs';
import { AppError, type TranscodeState, type TranscodeStatus } from '../contract/index.js';
import type { Clock, TimerHandle } from '../ports.js';
import type { HlsSession } from './hls-session.js';
import { SESSION_ENDED_MESSAGE } from './stream-file.js';

/** What the registry drives of a session's HLS stream. */
export type HlsControl = Pick<HlsSession, 'state' | 'speed' | 'message' | 'encoding' | 'idle' | 'stop'>;

/** What the registry needs of a session. */
export interface RegisteredSession {
  readonly id: string;
  /** Null for direct play. */
  readonly hls: HlsControl | null;
  /** The session's folder in the transcode cache: deleted when the session ends. */
  readonly dir: string;
}

export interface RegistryOptions<S> {
  clock: Clock;
  /** HLS sessions at once; making room for one more ends the oldest. */
  maxTranscodes: number;
  /** ffmpeg is stopped after this long without a request (the session can restart it). */
  idleMs: number;
  /** A session nobody asked anything of for this long is ended and its files deleted. */
  expireMs: number;
  /** Pushes a session's transcoder status (at most one a second unless its state changed). */
  emit: (status: TranscodeStatus) => void;
  /** Called once as a session ends, before its stream stops (so its figures are still there). */
  onEnd: (s: S) => void;
}

/** Sessions at once, direct play included: making room for one more ends the oldest. */
const MAX_SESSIONS = 64;
/** ffmpeg reports its speed twice a second; the info panel needs at most one a second. */
const STATUS_INTERVAL_MS = 1000;

interface Entry<S> {
  session: S;
  idle: TimerHandle | null;
  expire: TimerHandle | null;
  lastEmit: number;
  lastState: TranscodeState | null;
}

/**
 * The live playback sessions by id, oldest first, with their limits (transcodes and sessions at once), idle
 * and expiry timers on the Clock port, and the throttled push of their transcoder status.
 */
export class SessionRegistry<S extends RegisteredSession> {
  /** Oldest first: a Map iterates in insertion order. */
  private readonly entries = new Map<string, Entry<S>>();

  constructor(private readonly o: RegistryOptions<S>) {}

  /** The live session `id`; a not-found AppError when it has ended. */
  get(id: string): S {
    const s = this.find(id);
    if (!s) throw new AppError('not-found', SESSION_ENDED_MESSAGE);
    return s;
  }

  find(id: string): S | null {
    return this.entries.get(id)?.session ?? null;
  }

  /** Registers a session and starts its timers. Call `makeRoom` first. */
  add(s: S): void {
    this.entries.set(s.id, { session: s, idle: null, expire: null, lastEmit: 0, lastState: null });
    this.touch(s);
  }

  /** Someone asked something of `s`: its idle and expiry timers start again. */
  touch(s: S): void {
    const e = this.entries.get(s.id);
    if (e?.session !== s) return;
    e.idle?.cancel();
    e.expire?.cancel();
    e.idle = s.hls ? this.o.clock.setTimeout(() => s.hls?.idle(), this.o.idleMs) : null;
    e.expire = this.o.clock.setTimeout(() => void this.end(s), this.o.expireMs);
  }

  status(s: S): TranscodeStatus {
    if (!s.hls) return { sessionId: s.id, state: 'direct', speed: null, message: null };
    return { sessionId: s.id, state: s.hls.state, speed: s.hls.speed, message: s.hls.message };
  }

  /**
   * The status callback for session `id`'s HLS stream, which may start before the session is registered:
   * it pushes nothing until then. A change of state goes out at once, so the player never misses "running"
   * or an error; speed alone at most once a second.
   */
  statusListener(id: string): () => void {
    return () => {
      const e = this.entries.get(id);
      if (!e) return;
      const now = this.o.clock.now();
      const state = e.session.hls?.state ?? null;
      if (state === e.lastState && now - e.lastEmit < STATUS_INTERVAL_MS) return;
      e.lastEmit = now;
      e.lastState = state;
      this.o.emit(this.status(e.session));
    };
  }

  /** Ends the oldest sessions so that one more, with an HLS stream, stays within both limits. */
  async makeRoom(): Promise<void> {
    const sessions = [...this.entries.values()].map((e) => e.session);
    const ending = new Set([...oldest(sessions.filter((s) => s.hls), this.o.maxTranscodes - 1), ...oldest(sessions, MAX_SESSIONS - 1)]);
    await Promise.all([...ending].map((s) => this.end(s)));
  }

  /** Ends a session: timers cancelled, `onEnd`, its stream stopped, its folder deleted. Once. */
  async end(s: S): Promise<void> {
    const e = this.entries.get(s.id);
    if (e?.session !== s) return;
    this.entries.delete(s.id);
    e.idle?.cancel();
    e.expire?.cancel();
    this.o.onEnd(s);
    await s.hls?.stop();
    await fs.promises.rm(s.dir, { recursive: true, force: true, maxRetries: 3 });
  }

  async endAll(): Promise<void> {
    await Promise.all([...this.entries.values()].map((e) => this.end(e.session)));
  }

  /** Sessions whose ffmpeg runs now. */
  get transcodes(): number {
    return [...this.entries.values()].filter((e) => e.session.hls?.encoding).length;
  }
}

/** The first (oldest) of `list` beyond the `keep` newest. */
function oldest<T>(list: readonly T[], keep: number): T[] {
  return list.slice(0, Math.max(0, list.length - keep));
}
