import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryPageRequest } from '../../contract/index.js';
import { makeTempDir } from '../test-support/fixtures.js';
import { episodeRecord, movieRecord } from '../test-support/records.js';
import { openIndexDatabase, type WritableDB } from './db.js';
import { insertFolder } from './folder-rows.js';
import { upsertItem } from './item-writes.js';
import { libraryPage } from './library-pages.js';
import { saveProgress } from './user-state.js';
import { setWatched } from './watched-marks.js';

let temp: ReturnType<typeof makeTempDir>;
let db: WritableDB;
let movie: string;
let episodes: string[];
let showId: string;

beforeAll(() => {
  temp = makeTempDir();
  db = openIndexDatabase(path.join(temp.dir, 'library.db'));
  const folderId = insertFolder(db, temp.dir, 'mixed', 0).id;
  movie = upsertItem(db, folderId, movieRecord('Night Train', 1998), 0);
  episodes = [1, 2, 3].map((e) => upsertItem(db, folderId, episodeRecord('Harbour Lights', 1, e, null), 0));
  showId = (db.prepare('SELECT show_id AS id FROM items WHERE id = ?').get(episodes[0]) as { id: string }).id;
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

const state = (id: string) => db.prepare('SELECT watched, resume_sec AS resumeSec, state_at AS stateAt FROM items WHERE id = ?').get(id);
const notFound = expect.objectContaining({ name: 'AppError', code: 'not-found' });
const unwatchedOfShow = (): number => {
  const page = libraryPage(db, LibraryPageRequest.parse({ section: 'shows' }), { art: () => null, thumb: () => null });
  return page.section === 'shows' ? page.items[0]!.unwatchedCount : -1;
};

describe('library.setWatched', () => {
  it('marks a movie watched, clearing its resume point, and says what changed only when something did', () => {
    saveProgress(db, movie, 20, 5);
    expect(setWatched(db, { kind: 'item', id: movie, watched: true }, 10)).toEqual({ ids: [movie], kinds: ['movie'] });
    expect(state(movie)).toEqual({ watched: 1, resumeSec: null, stateAt: 10 });
    expect(setWatched(db, { kind: 'item', id: movie, watched: true }, 11)).toEqual({ ids: [], kinds: [] });
    expect(state(movie)).toMatchObject({ stateAt: 10 });
  });

  it('marks unwatched too, and an unwatched item with a resume point loses it', () => {
    expect(setWatched(db, { kind: 'item', id: movie, watched: false }, 12)).toEqual({ ids: [movie], kinds: ['movie'] });
    saveProgress(db, episodes[0]!, 20, 13);
    expect(setWatched(db, { kind: 'item', id: episodes[0]!, watched: false }, 14)).toEqual({ ids: [episodes[0]], kinds: ['episode'] });
    expect(state(episodes[0]!)).toEqual({ watched: 0, resumeSec: null, stateAt: 14 });
  });

  it('marks every episode of a show, naming those that changed, and the show counts them', () => {
    setWatched(db, { kind: 'item', id: episodes[1]!, watched: true }, 15);
    expect(unwatchedOfShow()).toBe(2);
    const change = setWatched(db, { kind: 'show', id: showId, watched: true }, 16);
    expect(change.ids.sort()).toEqual([episodes[0], episodes[2]].sort());
    expect(change.kinds).toEqual(['episode']);
    expect(unwatchedOfShow()).toBe(0);
    expect(setWatched(db, { kind: 'show', id: showId, watched: false }, 17).ids).toHaveLength(3);
    expect(unwatchedOfShow()).toBe(3);
  });

  it('refuses ids that are not there, or not of the kind asked, changing nothing', () => {
    expect(() => setWatched(db, { kind: 'item', id: 'AAAAAAAAAAAAAAAAAAAAAA', watched: true }, 20)).toThrow(notFound);
    expect(() => setWatched(db, { kind: 'show', id: movie, watched: true }, 20)).toThrow(notFound);
    expect(() => setWatched(db, { kind: 'item', id: showId, watched: true }, 20)).toThrow(notFound);
    expect(state(movie)).toMatchObject({ watched: 0, stateAt: 12 });
  });
});
