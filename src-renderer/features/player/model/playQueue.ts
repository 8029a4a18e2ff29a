import { createStore, type Store } from '../../../ui';

/** A track as the play queue shows it and the Media Session announces it. */
export interface PlayQueueTrack {
  itemId: string;
  title: string;
  artist: string | null;
  album: string | null;
  durationSec: number | null;
  /** The album's cover for the now-playing bar: its small picture (`thumbUrl`) where there is one, else the full one. */
  thumbUrl?: string | null;
  coverUrl?: string | null;
}

/** One place in the play queue; the same track may be queued twice, so entries have their own key. */
export interface PlayQueueEntry extends PlayQueueTrack {
  key: string;
  /** Insertion order, restored when shuffle is turned off. */
  seq: number;
}

type Repeat = 'off' | 'all' | 'one';

/** The music play queue (not the telemetry queue of "What we collect"): its entries, which plays, and how it goes on. */
export interface PlayQueueState {
  entries: readonly PlayQueueEntry[];
  /** The entry playing now, or -1 when the queue is idle. */
  index: number;
  shuffle: boolean;
  repeat: Repeat;
  /**
   * Bumped whenever playback must (re)start, even on the same entry (repeat one, or a jump to the current
   * track): the player is keyed by it.
   */
  epoch: number;
  /** Next key and seq to hand out. */
  counter: number;
}

export const EMPTY_PLAY_QUEUE: PlayQueueState = { entries: [], index: -1, shuffle: false, repeat: 'off', epoch: 0, counter: 0 };

const REPEAT_ORDER: readonly Repeat[] = ['off', 'all', 'one'];

function entriesFrom(state: PlayQueueState, tracks: readonly PlayQueueTrack[]): { entries: PlayQueueEntry[]; counter: number } {
  let counter = state.counter;
  const entries = tracks.map((t) => {
    counter++;
    return { ...t, key: `q${counter}`, seq: counter };
  });
  return { entries, counter };
}

/** Fisher–Yates on a copy, with an injectable random source so tests are deterministic. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The entry playing now. */
export function currentEntry(state: PlayQueueState): PlayQueueEntry | null {
  return state.entries[state.index] ?? null;
}

/**
 * Replaces the queue with `tracks` and plays the one at `start` (a track chosen in an album plays the album
 * from it, with the tracks before it still there for Previous). With shuffle on, the chosen track plays first
 * and the others follow in random order.
 */
export function playFrom(state: PlayQueueState, tracks: readonly PlayQueueTrack[], random: () => number = Math.random, start = 0): PlayQueueState {
  if (tracks.length === 0) return clear(state);
  const { entries, counter } = entriesFrom(state, tracks);
  const at = Math.min(Math.max(0, Math.trunc(start)), entries.length - 1);
  if (!state.shuffle) return { ...state, entries, index: at, epoch: state.epoch + 1, counter };
  const others = entries.filter((_, i) => i !== at);
  return { ...state, entries: [entries[at]!, ...shuffled(others, random)], index: 0, epoch: state.epoch + 1, counter };
}

/** Appends a track; an idle queue starts playing it. */
export function append(state: PlayQueueState, track: PlayQueueTrack): PlayQueueState {
  const { entries, counter } = entriesFrom(state, [track]);
  const next = { ...state, entries: [...state.entries, ...entries], counter };
  return state.index < 0 ? { ...next, index: next.entries.length - 1, epoch: state.epoch + 1 } : next;
}

/** Moves an entry one place up (-1) or down (+1); the playing entry stays the one playing. */
export function move(state: PlayQueueState, key: string, delta: -1 | 1): PlayQueueState {
  const from = state.entries.findIndex((e) => e.key === key);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= state.entries.length) return state;
  const entries = [...state.entries];
  [entries[from], entries[to]] = [entries[to]!, entries[from]!];
  const index = state.index === from ? to : state.index === to ? from : state.index;
  return { ...state, entries, index };
}

/** Removes an entry other than the one playing (that one is left with Next or Close). */
export function remove(state: PlayQueueState, key: string): PlayQueueState {
  const at = state.entries.findIndex((e) => e.key === key);
  if (at < 0 || at === state.index) return state;
  const entries = state.entries.filter((e) => e.key !== key);
  return { ...state, entries, index: at < state.index ? state.index - 1 : state.index };
}

/** Plays the entry with `key` now. */
export function jump(state: PlayQueueState, key: string): PlayQueueState {
  const at = state.entries.findIndex((e) => e.key === key);
  return at < 0 ? state : { ...state, index: at, epoch: state.epoch + 1 };
}

/** Where Next (or the end of a track, when `auto`) goes: the index, or null to stop. */
function nextIndex(state: PlayQueueState, auto: boolean): number | null {
  if (state.index < 0) return null;
  if (auto && state.repeat === 'one') return state.index;
  if (state.index + 1 < state.entries.length) return state.index + 1;
  return state.repeat === 'off' ? null : 0;
}

/** Next: the following entry, wrapping with repeat all; at the end of a track, repeat one plays it again. */
export function next(state: PlayQueueState, auto = false): PlayQueueState {
  const to = nextIndex(state, auto);
  return to === null ? state : { ...state, index: to, epoch: state.epoch + 1 };
}

/** Previous: the entry before, wrapping to the last with repeat all; at the start, nothing changes. */
export function previous(state: PlayQueueState): PlayQueueState {
  if (state.index > 0) return { ...state, index: state.index - 1, epoch: state.epoch + 1 };
  if (state.index === 0 && state.repeat !== 'off' && state.entries.length > 1) return { ...state, index: state.entries.length - 1, epoch: state.epoch + 1 };
  return state;
}

/** The entry to preload: the one a track's end leads to, unless that is the same track again. */
export function upcoming(state: PlayQueueState): PlayQueueEntry | null {
  const to = nextIndex(state, true);
  return to === null || to === state.index ? null : (state.entries[to] ?? null);
}

/** Shuffle on: the entries after the playing one are put in random order. Off: back in the order they were added. */
export function setShuffle(state: PlayQueueState, on: boolean, random: () => number = Math.random): PlayQueueState {
  if (on === state.shuffle) return state;
  const head = state.entries.slice(0, state.index + 1);
  const rest = state.entries.slice(state.index + 1);
  const reordered = on ? shuffled(rest, random) : [...rest].sort((a, b) => a.seq - b.seq);
  return { ...state, shuffle: on, entries: [...head, ...reordered] };
}

/** off → all → one → off. */
export function cycleRepeat(state: PlayQueueState): PlayQueueState {
  const at = REPEAT_ORDER.indexOf(state.repeat);
  return { ...state, repeat: REPEAT_ORDER[(at + 1) % REPEAT_ORDER.length]! };
}

/** Empties the play queue, keeping its shuffle and repeat choices. */
export function clear(state: PlayQueueState): PlayQueueState {
  return state.entries.length === 0 && state.index < 0 ? state : { ...EMPTY_PLAY_QUEUE, shuffle: state.shuffle, repeat: state.repeat, epoch: state.epoch + 1, counter: state.counter };
}

/** The music play queue: pure transitions above, held in a store that outlives the player. */
export interface PlayQueue extends Pick<Store<PlayQueueState>, 'get' | 'subscribe'> {
  /** Replaces the queue and plays from `start` (0 by default). */
  playFrom(tracks: readonly PlayQueueTrack[], start?: number): void;
  add(track: PlayQueueTrack): void;
  move(key: string, delta: -1 | 1): void;
  remove(key: string): void;
  jump(key: string): void;
  /** Returns false when there was nowhere to go. */
  next(auto?: boolean): boolean;
  previous(): boolean;
  setShuffle(on: boolean): void;
  cycleRepeat(): void;
  clear(): void;
}

/** A play queue held in a store; `random` is injectable so shuffles are deterministic in tests. */
export function createPlayQueue(random: () => number = Math.random): PlayQueue {
  const store = createStore<PlayQueueState>(EMPTY_PLAY_QUEUE);
  function moved(fn: (s: PlayQueueState) => PlayQueueState): boolean {
    const before = store.get();
    store.set(fn);
    return store.get().epoch !== before.epoch;
  }
  return {
    get: store.get,
    subscribe: store.subscribe,
    playFrom: (tracks, start = 0) => store.set((s) => playFrom(s, tracks, random, start)),
    add: (track) => store.set((s) => append(s, track)),
    move: (key, delta) => store.set((s) => move(s, key, delta)),
    remove: (key) => store.set((s) => remove(s, key)),
    jump: (key) => store.set((s) => jump(s, key)),
    next: (auto = false) => moved((s) => next(s, auto)),
    previous: () => moved(previous),
    setShuffle: (on) => store.set((s) => setShuffle(s, on, random)),
    cycleRepeat: () => store.set(cycleRepeat),
    clear: () => store.set(clear),
  };
}
