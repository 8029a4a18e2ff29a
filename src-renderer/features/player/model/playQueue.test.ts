import { describe, expect, it } from 'vitest';
import { EMPTY_PLAY_QUEUE, append, clear, createPlayQueue, currentEntry, cycleRepeat, jump, move, next, playFrom, previous, remove, setShuffle, upcoming, type PlayQueueState, type PlayQueueTrack } from './playQueue';

const track = (title: string): PlayQueueTrack => ({ itemId: `${title.toLowerCase()}`.padEnd(22, 'x'), title, artist: 'Glass Harbour', album: 'Low Tide', durationSec: 4 });
const ALBUM = ['First Light', 'Undertow', 'Lantern'].map(track);
const titles = (s: PlayQueueState) => s.entries.map((e) => e.title);
/** A random source that always picks the first candidate: Fisher–Yates then rotates deterministically. */
const zero = () => 0;

describe('play queue', () => {
  it('queues the album from the chosen track on and plays its first entry', () => {
    const s = playFrom(EMPTY_PLAY_QUEUE, ALBUM.slice(1));
    expect(titles(s)).toEqual(['Undertow', 'Lantern']);
    expect(currentEntry(s)?.title).toBe('Undertow');
    expect(s.epoch).toBe(1);
  });

  it('plays from a chosen track, keeping the ones before it for Previous; with shuffle, the chosen one first', () => {
    const s = playFrom(EMPTY_PLAY_QUEUE, ALBUM, zero, 1);
    expect(titles(s)).toEqual(['First Light', 'Undertow', 'Lantern']);
    expect(currentEntry(s)?.title).toBe('Undertow');
    expect(currentEntry(previous(s))?.title).toBe('First Light');
    const shuffledFrom = playFrom({ ...EMPTY_PLAY_QUEUE, shuffle: true }, ALBUM, zero, 2);
    expect(currentEntry(shuffledFrom)?.title).toBe('Lantern');
    expect(shuffledFrom.index).toBe(0);
    expect(new Set(titles(shuffledFrom))).toEqual(new Set(titles(s)));
  });

  it('appends to the end, and an idle queue starts playing what is added', () => {
    const idle = append(EMPTY_PLAY_QUEUE, ALBUM[2]!);
    expect(currentEntry(idle)?.title).toBe('Lantern');
    const busy = append(playFrom(EMPTY_PLAY_QUEUE, ALBUM.slice(0, 1)), ALBUM[1]!);
    expect(titles(busy)).toEqual(['First Light', 'Undertow']);
    expect(currentEntry(busy)?.title).toBe('First Light');
    // The same track twice is two entries.
    const twice = append(busy, ALBUM[1]!);
    expect(new Set(twice.entries.map((e) => e.key)).size).toBe(3);
  });

  it('moves entries up and down and keeps the playing one playing', () => {
    const s = playFrom(EMPTY_PLAY_QUEUE, ALBUM);
    const [a, b, c] = s.entries;
    const down = move(s, a!.key, 1);
    expect(titles(down)).toEqual(['Undertow', 'First Light', 'Lantern']);
    expect(currentEntry(down)?.title).toBe('First Light');
    expect(down.epoch).toBe(s.epoch);
    expect(titles(move(s, c!.key, -1))).toEqual(['First Light', 'Lantern', 'Undertow']);
    expect(move(s, a!.key, -1)).toBe(s);
    expect(move(s, c!.key, 1)).toBe(s);
    expect(currentEntry(move(s, b!.key, -1))?.title).toBe('First Light');
  });

  it('removes entries but never the one playing', () => {
    const s = next(playFrom(EMPTY_PLAY_QUEUE, ALBUM));
    const [a, b] = s.entries;
    expect(remove(s, b!.key)).toBe(s);
    const r = remove(s, a!.key);
    expect(titles(r)).toEqual(['Undertow', 'Lantern']);
    expect(currentEntry(r)?.title).toBe('Undertow');
  });

  it.each([
    // [repeat, from index, manual next, automatic next (end of track), previous]
    ['off', 0, 1, 1, 0],
    ['off', 2, 2, 2, 1],
    ['all', 2, 0, 0, 1],
    ['all', 0, 1, 1, 2],
    ['one', 1, 2, 1, 0],
    ['one', 2, 0, 2, 1],
  ] as const)('repeat %s at %i: next → %i, end of track → %i, previous → %i', (repeat, from, manual, auto, prev) => {
    let s = playFrom(EMPTY_PLAY_QUEUE, ALBUM);
    s = { ...s, repeat, index: from };
    expect(next(s).index).toBe(manual);
    expect(next(s, true).index).toBe(auto);
    expect(previous(s).index).toBe(prev);
  });

  it('bumps the epoch when playback must restart, even on the same entry', () => {
    const s = { ...playFrom(EMPTY_PLAY_QUEUE, ALBUM), repeat: 'one' as const };
    expect(next(s, true).epoch).toBe(s.epoch + 1);
    expect(next({ ...s, repeat: 'off', index: 2 }).epoch).toBe(s.epoch);
    expect(jump(s, s.entries[2]!.key).index).toBe(2);
  });

  it('preloads what the end of the track leads to, never the same track again', () => {
    const s = playFrom(EMPTY_PLAY_QUEUE, ALBUM);
    expect(upcoming(s)?.title).toBe('Undertow');
    expect(upcoming({ ...s, index: 2 })).toBeNull();
    expect(upcoming({ ...s, index: 2, repeat: 'all' })?.title).toBe('First Light');
    expect(upcoming({ ...s, repeat: 'one' })).toBeNull();
  });

  it('shuffles only what comes after the playing entry, and restores the order when turned off', () => {
    const s = playFrom(EMPTY_PLAY_QUEUE, [...ALBUM, track('Foghorn')]);
    const on = setShuffle(s, true, zero);
    expect(on.shuffle).toBe(true);
    expect(titles(on)[0]).toBe('First Light');
    expect(titles(on)).not.toEqual(titles(s));
    expect([...titles(on)].sort()).toEqual([...titles(s)].sort());
    expect(titles(setShuffle(on, false))).toEqual(titles(s));
  });

  it('cycles repeat off → all → one → off, and clear keeps the modes', () => {
    const s = cycleRepeat(EMPTY_PLAY_QUEUE);
    expect(s.repeat).toBe('all');
    expect(cycleRepeat(s).repeat).toBe('one');
    expect(cycleRepeat(cycleRepeat(s)).repeat).toBe('off');
    const cleared = clear({ ...playFrom(s, ALBUM), shuffle: true });
    expect(cleared.entries).toEqual([]);
    expect(cleared.index).toBe(-1);
    expect(cleared.repeat).toBe('all');
  });

  it('the store says whether next and previous went anywhere', () => {
    const q = createPlayQueue(zero);
    q.playFrom(ALBUM.slice(1));
    expect(q.previous()).toBe(false);
    expect(q.next()).toBe(true);
    expect(currentEntry(q.get())?.title).toBe('Lantern');
    expect(q.next(true)).toBe(false);
  });
});
