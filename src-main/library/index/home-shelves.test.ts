import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, HomeShelves, LibraryPageRequest, type ShelfEntry } from '../../contract/index.js';
import { makeTempDir } from '../test-support/fixtures.js';
import { episodeRecord, movieRecord, trackRecord } from '../test-support/records.js';
import { openIndexDatabase, type WritableDB } from './db.js';
import { insertFolder } from './folder-rows.js';
import { homeShelves } from './home-shelves.js';
import type { ItemRecord } from './item-record.js';
import { upsertItem } from './item-writes.js';
import { libraryDetail } from './library-detail.js';
import { libraryPage } from './library-pages.js';
import { saveProgress } from './user-state.js';
import { setWatched } from './watched-marks.js';

const art = { art: (id: string | null): string | null => (id === null ? null : `/art/${id}`), thumb: (id: string | null): string | null => (id === null ? null : `/thumb/${id}`) };
let temp: ReturnType<typeof makeTempDir>;
let indexes = 0;
beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => temp.cleanup());

/** A fresh, migrated index with one folder, and a way to add records to it at a given time. */
function freshIndex(): { db: WritableDB; add: (record: ItemRecord, now?: number) => string } {
  const n = ++indexes;
  const db = openIndexDatabase(path.join(temp.dir, `library-${n}.db`));
  const folderId = insertFolder(db, path.join(temp.dir, `folder-${n}`), 'mixed', 0).id;
  return { db, add: (record, now = 0) => upsertItem(db, folderId, record, now) };
}

/** The shelves, checked against the contract as the renderer would receive them. */
const shelves = (db: WritableDB): HomeShelves => HomeShelves.parse(calls['library.home'].output.parse(homeShelves(db, art)));
const entryId = (entry: ShelfEntry): string => (entry.kind === 'movie' ? entry.movie.id : entry.episode.id);
const idsOf = (entries: ShelfEntry[]): string[] => entries.map(entryId);
const resumeAt = (db: WritableDB, id: string, now: number): void => void saveProgress(db, id, 20, now);

describe('Home on an empty library', () => {
  it('has every shelf empty', () => {
    const { db } = freshIndex();
    expect(shelves(db)).toEqual({ continueWatching: [], upNext: [], recentlyAdded: { movies: [], episodes: [], albums: [] } });
    db.close();
  });
});

describe('Continue watching', () => {
  it('lists movies and episodes with a resume point, most recently played first, at most 24 of 100', () => {
    const { db, add } = freshIndex();
    const movies = Array.from({ length: 100 }, (_, i) => add(movieRecord(`Movie ${i}`, 2000)));
    movies.forEach((id, i) => resumeAt(db, id, 1_000 + i));
    const episode = add(episodeRecord('Harbour Lights', 1, 2, 'The Storm'));
    resumeAt(db, episode, 5_000);
    const { continueWatching } = shelves(db);
    expect(idsOf(continueWatching)).toEqual([episode, ...movies.slice(-23).reverse()]);
    expect(continueWatching[0]).toMatchObject({ kind: 'episode', episode: { title: 'The Storm', resumeSec: 20 }, show: { title: 'Harbour Lights', thumbUrl: null } });
    expect(continueWatching[1]).toMatchObject({ kind: 'movie', movie: { title: 'Movie 99', resumeSec: 20, thumbUrl: null } });
    db.close();
  });

  it('never lists a track, an extra or the later part of a movie, and lists a movie in parts once with both', () => {
    const { db, add } = freshIndex();
    const group = 'Long Walk\u0000long walk\u00002001';
    const lead = add(movieRecord('Long Walk', 2001, { part: { number: 1, group } }));
    const follower = add(movieRecord('Long Walk', 2001, { part: { number: 2, group } }));
    const trailer = add(movieRecord('Long Walk', 2001, { extra: { type: 'trailer', owner: 'Long Walk' } }));
    const track = add(trackRecord('Halo', 'Beyoncé', 'I Am'));
    resumeAt(db, lead, 1);
    // Playback never keeps these; an older index or a hand-edited one might.
    db.prepare('UPDATE items SET resume_sec = 30, state_at = 9 WHERE id IN (?, ?, ?)').run(follower, trailer, track);
    const { continueWatching } = shelves(db);
    expect(idsOf(continueWatching)).toEqual([lead]);
    expect(continueWatching[0]).toMatchObject({ kind: 'movie', movie: { parts: 2, durationSec: 120 } });
    db.close();
  });
});

describe('Up next', () => {
  /** A show's episodes by "SxEy" code. */
  function addShow(add: (r: ItemRecord) => string, show: string, codes: string[]): Record<string, string> {
    return Object.fromEntries(
      codes.map((code) => {
        const [, s, e, end] = /^S(\d+)E(\d+)(?:E(\d+))?$/.exec(code)!;
        const record = { ...episodeRecord(show, Number(s), Number(e), code), episodeEnd: end === undefined ? null : Number(end) };
        return [code, add(record)];
      }),
    );
  }
  const watch = (db: WritableDB, ids: string[], now: number): void => ids.forEach((id) => setWatched(db, { kind: 'item', id, watched: true }, now));

  it('gives each show played lately the first unwatched episode after the one watched last, most recently played first', () => {
    const { db, add } = freshIndex();
    const a = addShow(add, 'Alder', ['S1E1', 'S1E2', 'S1E3', 'S2E1']);
    watch(db, [a.S1E1!, a.S1E2!], 10);
    const b = addShow(add, 'Birch', ['S1E1', 'S1E2']);
    watch(db, [b.S1E1!], 20);
    resumeAt(db, b.S1E2!, 21); // something to resume: Continue watching has it, not Up next
    const c = addShow(add, 'Cedar', ['S1E1', 'S1E2']);
    setWatched(db, { kind: 'show', id: showIdOf(db, c.S1E1!), watched: true }, 30); // finished
    const d = addShow(add, 'Dogwood', ['S0E1', 'S1E1E2', 'S1E3', 'S1E4']);
    watch(db, [d.S1E4!], 35);
    watch(db, [d.S1E1E2!], 40); // watched again after the last one: what follows it, unwatched, is next
    const e = addShow(add, 'Elm', ['S1E1', 'S1E2', 'S2E1']);
    watch(db, [e.S1E1!, e.S1E2!], 50);
    addShow(add, 'Fir', ['S1E1', 'S1E2']); // never played
    const { upNext, continueWatching } = shelves(db);
    expect(idsOf(upNext)).toEqual([e.S2E1, d.S1E3, a.S1E3]);
    expect(upNext[0]).toMatchObject({ kind: 'episode', episode: { season: 2, episode: 1, watched: false }, show: { title: 'Elm' } });
    expect(idsOf(continueWatching)).toEqual([b.S1E2]);
    db.close();
  });

  it('holds at most 24 of 100 shows played lately', () => {
    const { db, add } = freshIndex();
    const shows = Array.from({ length: 100 }, (_, i) => addShow(add, `Show ${i}`, ['S1E1', 'S1E2']));
    shows.forEach((show, i) => watch(db, [show.S1E1!], 100 + i));
    expect(idsOf(shelves(db).upNext)).toEqual(shows.slice(-24).reverse().map((show) => show.S1E2));
    db.close();
  });
});

function showIdOf(db: WritableDB, episodeId: string): string {
  return (db.prepare('SELECT show_id FROM items WHERE id = ?').get(episodeId) as { show_id: string }).show_id;
}

describe('Recently added', () => {
  it('lists the newest movies, episodes and albums first, at most 24 of each, never an extra or a later part', () => {
    const { db, add } = freshIndex();
    const movies = Array.from({ length: 30 }, (_, i) => add(movieRecord(`Movie ${i}`, 2000), 1_000 + i));
    const episodes = Array.from({ length: 30 }, (_, i) => add(episodeRecord('Harbour Lights', 1, i + 1, null), 1_000 + i));
    for (let i = 0; i < 30; i++) add(trackRecord('Song', 'Artist', `Album ${i}`), 1_000 + i);
    const group = 'split\u0000split\u00002001';
    const split = add(movieRecord('Split', 2001, { part: { number: 1, group } }), 5_000);
    add(movieRecord('Split', 2001, { part: { number: 2, group } }), 6_000);
    add(movieRecord('Split', 2001, { extra: { type: 'trailer', owner: 'Split' } }), 7_000);
    const { recentlyAdded } = shelves(db);
    expect(idsOf(recentlyAdded.movies)).toEqual([split, ...movies.slice(-23).reverse()]);
    expect(idsOf(recentlyAdded.episodes)).toEqual(episodes.slice(-24).reverse());
    expect(recentlyAdded.albums.map((a) => a.title)).toEqual(Array.from({ length: 24 }, (_, i) => `Album ${29 - i}`));
    expect(recentlyAdded.albums[0]).toMatchObject({ artist: 'Artist', trackCount: 1, thumbUrl: null });
    // The shelf is the grid's first page by date added: the same entries, built the same way.
    const page = libraryPage(db, LibraryPageRequest.parse({ section: 'movies', sort: 'added', direction: 'desc', limit: 24 }), art);
    expect(recentlyAdded.movies.map((e) => (e.kind === 'movie' ? e.movie : null))).toEqual(page.items);
    db.close();
  });
});

describe('hostile titles', () => {
  it('come back as the same text, never interpreted', () => {
    const { db, add } = freshIndex();
    const titles = ['<img src=x onerror="alert(1)">', "'); DROP TABLE items; --", '\u202Egnp.exe'];
    const ids = titles.map((title, i) => add(movieRecord(title, null), i));
    ids.forEach((id, i) => resumeAt(db, id, i));
    const { continueWatching, recentlyAdded } = shelves(db);
    expect(continueWatching.map((e) => (e.kind === 'movie' ? e.movie.title : null))).toEqual([...titles].reverse());
    expect(recentlyAdded.movies).toHaveLength(3);
    db.close();
  });
});

describe("an episode's next", () => {
  it('is the next in its season, else the first of the next season, after every episode its file holds; none at the end', () => {
    const { db, add } = freshIndex();
    const ids = ['S1E1E2', 'S1E3', 'S2E1', 'S2E2'].map((code) => {
      const [, s, e, end] = /^S(\d+)E(\d+)(?:E(\d+))?$/.exec(code)!;
      return add({ ...episodeRecord('Harbour Lights', Number(s), Number(e), `Title ${code}`), episodeEnd: end === undefined ? null : Number(end) });
    });
    const next = (id: string) => {
      const detail = libraryDetail(db, { kind: 'item', id }, art);
      return detail.kind === 'episode' ? detail.next : 'not an episode';
    };
    expect(next(ids[0]!)).toEqual({ id: ids[1], season: 1, episode: 3, title: 'Title S1E3' });
    expect(next(ids[1]!)).toEqual({ id: ids[2], season: 2, episode: 1, title: 'Title S2E1' });
    expect(next(ids[3]!)).toBeNull();
    calls['library.detail'].output.parse(libraryDetail(db, { kind: 'item', id: ids[0]! }, art));
    db.close();
  });
});
