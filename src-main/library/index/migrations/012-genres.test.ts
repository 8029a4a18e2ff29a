import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/fixtures.js';
import { writeIndexAtVersion } from '../../test-support/index-at-version.js';
import { openIndexDatabase, type WritableDB } from '../db.js';
import { up as genres } from './012-genres.js';
import { MIGRATIONS } from './index.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** The schema version just before this migration, wherever it ends up in the list. */
const BEFORE = MIGRATIONS.indexOf(genres);
const MOVIES = 'FFFFFFFFFFFFFFFFFFFFF1';
const MUSIC = 'FFFFFFFFFFFFFFFFFFFFF2';
const id = (n: number) => `M${String(n).padStart(21, '0')}`;

/** A movie folder and a music folder, each with a sidecar signature, and a few items. */
const EARLIER_ROWS = `
  INSERT INTO folders (id, path, kind, added_at) VALUES ('${MOVIES}', '/media/movies', 'mixed', 0), ('${MUSIC}', '/media/music', 'music', 0);
  INSERT INTO sidecar_dirs (folder_id, rel_dir, signature) VALUES ('${MOVIES}', 'Dusk', 'a'), ('${MOVIES}', '', 'b'), ('${MUSIC}', 'Album', 'c');
  INSERT INTO items (id, folder_id, rel_path, kind, title, mime, size, mtime_ms, scanned_at) VALUES
    ('${id(1)}', '${MOVIES}', 'a.mp4', 'movie', 'A', 'video/mp4', 1, 1, 0),
    ('${id(2)}', '${MOVIES}', 'b.mp4', 'movie', 'B', 'video/mp4', 1, 1, 0),
    ('${id(3)}', '${MOVIES}', 'c.mp4', 'episode', 'C', 'video/mp4', 1, 1, 0);
`;

function migratedIndex(): WritableDB {
  const file = path.join(temp.dir, 'library.db');
  writeIndexAtVersion(file, BEFORE, EARLIER_ROWS);
  return openIndexDatabase(file);
}

/** The kept counts, and the same counted from the rows (movies, extras aside), keyed case-insensitively. */
function keptAndCounted(db: WritableDB) {
  const kept = db.prepare('SELECT lower(genre) AS genre, n FROM genre_counts ORDER BY 1').all();
  const counted = db
    .prepare(
      `SELECT lower(x.genre) AS genre, count(*) AS n FROM item_genres x JOIN items i ON i.id = x.item_id
       WHERE i.kind = 'movie' AND i.extra_type IS NULL GROUP BY 1 ORDER BY 1`,
    )
    .all();
  return { kept, counted };
}

describe('migration 012: genres, with counts kept per genre', () => {
  it('starts with no genres and forgets the sidecar signatures of movie folders, so their nfo files are read again', () => {
    const db = migratedIndex();
    try {
      expect(db.prepare('SELECT count(*) AS n FROM item_genres').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT folder_id, rel_dir FROM sidecar_dirs').all()).toEqual([{ folder_id: MUSIC, rel_dir: 'Album' }]);
    } finally {
      db.close();
    }
  });

  it('treats genres that differ only in case as one, in an item and in the counts', () => {
    const db = migratedIndex();
    const add = db.prepare('INSERT OR IGNORE INTO item_genres (item_id, genre, position) VALUES (?, ?, ?)');
    try {
      add.run(id(1), 'Drama', 0);
      add.run(id(1), 'DRAMA', 1);
      add.run(id(2), 'drama', 0);
      add.run(id(3), 'Drama', 0); // an episode: stored, not counted
      expect(db.prepare('SELECT genre, n FROM genre_counts').all()).toEqual([{ genre: 'Drama', n: 2 }]);
      expect(db.prepare("SELECT count(*) AS n FROM item_genres WHERE genre = 'dRaMa'").get()).toEqual({ n: 3 });
    } finally {
      db.close();
    }
  });

  it('keeps them through genre writes, item inserts and deletes, changes of kind and extra, and a folder removed', () => {
    const db = migratedIndex();
    const insertItem = db.prepare(`INSERT INTO items (id, folder_id, rel_path, kind, title, extra_type, mime, size, mtime_ms, scanned_at)
      VALUES (@id, '${MOVIES}', @id, @kind, 'T', @extra, 'video/mp4', 1, 1, 0)`);
    const addGenre = db.prepare('INSERT OR IGNORE INTO item_genres (item_id, genre, position) SELECT @id, @genre, 0 WHERE EXISTS (SELECT 1 FROM items WHERE id = @id)');
    const names = ['Drama', 'drama', 'Crime', 'Sci-Fi', 'Animation', 'CRIME'];
    const kinds = ['movie', 'movie', 'episode', 'track'];
    // A fixed sequence of pseudo-random steps (no randomness between runs): every kind of write, many times.
    let seed = 11;
    const pick = <T>(xs: readonly T[]): T => xs[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % xs.length]!;
    try {
      for (let step = 0; step < 900; step++) {
        const target = id(pick([1, 2, 3, 10, 11, 12, 13, 14, 15, 16]));
        switch (step % 6) {
          case 0:
            insertItem.run({ id: id(100 + step), kind: pick(kinds), extra: pick([null, null, 'trailer']) });
            addGenre.run({ id: id(100 + step), genre: pick(names) });
            break;
          case 1:
          case 2:
            addGenre.run({ id: target, genre: pick(names) });
            break;
          case 3:
            db.prepare('DELETE FROM item_genres WHERE item_id = ? AND genre = ?').run(target, pick(names));
            break;
          case 4:
            db.prepare('UPDATE items SET kind = ?, extra_type = ? WHERE id = ?').run(pick(kinds), pick([null, null, 'trailer']), target);
            break;
          default:
            db.prepare('DELETE FROM items WHERE id = (SELECT id FROM items ORDER BY id LIMIT 1 OFFSET ?)').run(step % 5);
        }
        if (step % 40 === 0) insertItem.run({ id: id(10 + ((step / 40) % 7)), kind: 'movie', extra: null });
        if (step % 100 === 0) expect(keptAndCounted(db).kept).toEqual(keptAndCounted(db).counted);
      }
      const { kept, counted } = keptAndCounted(db);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept).toEqual(counted);
      expect(db.prepare('SELECT count(*) AS n FROM item_genres WHERE item_id NOT IN (SELECT id FROM items)').get()).toEqual({ n: 0 });
      db.prepare('DELETE FROM folders WHERE id = ?').run(MOVIES);
      expect(db.prepare('SELECT count(*) AS n FROM item_genres').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM genre_counts').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
