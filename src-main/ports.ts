import type { ChildProcess, SpawnOptions } from 'node:child_process';

/**
 * Ports for time, network and process spawning, so retries, review windows and idle timers are tested
 * without sleeping (tldraw bans raw timers in library code for the same reason). Only the composition root
 * and tests choose implementations.
 */

export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `fn` after `ms`; the handle cancels it. Timers never keep the process alive. */
  setTimeout(fn: () => void, ms: number): TimerHandle;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref();
    return { cancel: () => clearTimeout(t) };
  },
};

/** A clock tests move by hand: `advance(ms)` fires due timers in order. */
export class ManualClock implements Clock {
  private timers: { at: number; fn: () => void; seq: number }[] = [];
  private seq = 0;

  constructor(private time = Date.UTC(2026, 0, 1, 12, 0, 0)) {}

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const timer = { at: this.time + Math.max(0, ms), fn, seq: this.seq++ };
    this.timers.push(timer);
    return { cancel: () => (this.timers = this.timers.filter((t) => t !== timer)) };
  }

  /** Moves time forward, running every timer that falls due, earliest first. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = end;
  }

  pending(): number {
    return this.timers.length;
  }
}

/** The only way main-side code reaches the network: a fetch-shaped function, injected. */
export type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

/** Node's own fetch in the shape of the Fetch port; redirects refused. Only the composition root hands it out. */
export const nodeFetch: Fetch = async (url, init) => {
  const res = await fetch(url, { method: init.method, headers: init.headers, body: init.body ?? null, signal: init.signal ?? null, redirect: 'error' });
  return { status: res.status, headers: res.headers, text: () => res.text() };
};

/** The process-spawning port: node's `spawn` in the app and in tests (real ffmpeg); argv arrays, never a shell. */
export type Spawn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

/**
 * What a probe of a media file tells: the facts the library indexes and playback decides with. Declared here
 * because it crosses from the library to playback through the item-resolving function services.ts hands over.
 */
export interface MediaFacts {
  durationSec: number | null;
  container: string | null;
  videoCodec: string | null;
  audioCodec: string | null;
  width: number | null;
  height: number | null;
}
