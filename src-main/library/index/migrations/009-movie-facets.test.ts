import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/fixtures.js';
import { writeIndexAtVersion } from '../../test-support/index-at-version.js';
import { openIndexDatabase, type WritableDB } from '../db.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

const FOLDER = 'FFFFFFFFFFFFFFFFFFFFFF';
const id = (n: number) => `M${String(n).padStart(21, '0')}`;

/** Movies of every kind of facet as the release at schema 8 left them: years and none, widths and none, watched, an extra, an episode. */
const VERSION_EIGHT_ROWS = `
  INSERT INTO folders (id, path, kind, added_at) VALUES ('${FOLDER}', '/media', 'mixed', 0);
  INSERT INTO items (id, folder_id, rel_path, kind, title, year, width, watched, mime, size, mtime_ms, scanned_at) VALUES
    ('${id(1)}', '${FOLDER}', 'a.mp4', 'movie', 'A', 1998, 1920, 0, 'video/mp4', 1, 1, 0),
    ('${id(2)}', '${FOLDER}', 'b.mp4', 'movie', 'B', 1994, 1920, 1, 'video/mp4', 1, 1, 0),
    ('${id(3)}', '${FOLDER}', 'c.mp4', 'movie', 'C', NULL, NULL, 0, 'video/mp4', 1, 1, 0),
    ('${id(4)}', '${FOLDER}', 'd.mp4', 'movie', 'D', 2021, 3840, 0, 'video/mp4', 1, 1, 0),
    ('${id(5)}', '${FOLDER}', 'e.mp4', 'episode', 'E', 2021, 1280, 0, 'video/mp4', 1, 1, 0);
  INSERT INTO items (id, folder_id, rel_path, kind, title, year, width, watched, extra_type, mime, size, mtime_ms, scanned_at) VALUES
    ('${id(6)}', '${FOLDER}', 'A-trailer.mp4', 'movie', 'A', 1998, 1920, 0, 'trailer', 'video/mp4', 1, 1, 0);
`;

function migratedIndex(): WritableDB {
  const file = path.join(temp.dir, 'library.db');
  writeIndexAtVersion(file, 8, VERSION_EIGHT_ROWS);
  return openIndexDatabase(file);
}

/** The kept counts, and the same counted from the rows, both without empty keys. */
function keptAndCounted(db: WritableDB) {
  const kept = db.prepare('SELECT decade, watched, width, n FROM movie_facets WHERE n != 0 ORDER BY 1, 2, 3').all();
  const counted = db
    .prepare(
      `SELECT coalesce(year, 0) / 10 * 10 AS decade, watched, coalesce(width, -1) AS width, count(*) AS n FROM items
       WHERE kind = 'movie' AND extra_type IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    )
    .all();
  return { kept, counted };
}

describe('migration 009: movie counts kept per decade, watched mark and width', () => {
  it('fills the counts from the movies the index holds, extras and episodes aside', () => {
    const db = migratedIndex();
    try {
      const { kept, counted } = keptAndCounted(db);
      expect(kept).toEqual([
        { decade: 0, watched: 0, width: -1, n: 1 },
        { decade: 1990, watched: 0, width: 1920, n: 1 },
        { decade: 1990, watched: 1, width: 1920, n: 1 },
        { decade: 2020, watched: 0, width: 3840, n: 1 },
      ]);
      expect(kept).toEqual(counted);
    } finally {
      db.close();
    }
  });

  it('keeps them through inserts, deletes and every change of kind, extra, year, watched mark and width', () => {
    const db = migratedIndex();
    const insert = db.prepare(`INSERT INTO items (id, folder_id, rel_path, kind, title, year, width, watched, mime, size, mtime_ms, scanned_at)
      VALUES (@id, '${FOLDER}', @id, @kind, 'T', @year, @width, @watched, 'video/mp4', 1, 1, 0)`);
    const kinds = ['movie', 'movie', 'movie', 'episode', 'track'];
    const years = [null, 1950, 1999, 2000, 2024, 1700];
    const widths = [null, 720, 1280, 1920, 3840];
    // A fixed sequence of pseudo-random steps (no randomness between runs): every kind of write, many times.
    let seed = 7;
    const pick = <T>(xs: readonly T[]): T => xs[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % xs.length]!;
    try {
      for (let step = 0; step < 600; step++) {
        const target = id(pick([1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15]));
        switch (step % 6) {
          case 0:
            insert.run({ id: id(100 + step), kind: pick(kinds), year: pick(years), width: pick(widths), watched: pick([0, 1]) });
            break;
          case 1:
            db.prepare('UPDATE items SET watched = 1 - watched, state_at = ? WHERE id = ?').run(step, target);
            break;
          case 2:
            db.prepare('UPDATE items SET year = ?, width = ? WHERE id = ?').run(pick(years), pick(widths), target);
            break;
          case 3:
            db.prepare('UPDATE items SET kind = ?, extra_type = ? WHERE id = ?').run(pick(kinds), pick([null, null, 'trailer']), target);
            break;
          case 4:
            db.prepare('UPDATE items SET title = ? WHERE id = ?').run(`T${step}`, target); // not a counted column
            break;
          default:
            db.prepare('DELETE FROM items WHERE id = (SELECT id FROM items ORDER BY id LIMIT 1 OFFSET ?)').run(step % 7);
        }
        if (step % 50 === 0) insert.run({ id: id(10 + (step / 50) % 6), kind: 'movie', year: 2001, width: 1920, watched: 0 });
      }
      const { kept, counted } = keptAndCounted(db);
      expect(kept).toEqual(counted);
    } finally {
      db.close();
    }
  });
});
