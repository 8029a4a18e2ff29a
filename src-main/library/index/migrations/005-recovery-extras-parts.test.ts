import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupPath } from '../../../sqlite/index.js';
import { openIndexDatabase } from '../db.js';
import { makeTempDir } from '../../test-support/fixtures.js';
import { MIGRATIONS } from './index.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** A version-4 index with a plain movie and one part of a split movie, as the previous release left them. */
function versionFourIndex(file: string): void {
  const db = new Database(file);
  for (const step of MIGRATIONS.slice(0, 4)) step(db);
  db.pragma('user_version = 4');
  db.exec(`
    INSERT INTO folders (id, path, kind, added_at) VALUES ('FFFFFFFFFFFFFFFFFFFFFF', '/media', 'movies', 0);
    INSERT INTO items (id, folder_id, rel_path, kind, title, year, mime, size, mtime_ms, scanned_at)
      VALUES ('MMMMMMMMMMMMMMMMMMMMMM', 'FFFFFFFFFFFFFFFFFFFFFF', 'Night Train (1998).mp4', 'movie', 'Night Train', 1998, 'video/mp4', 10, 5, 0);
    INSERT INTO items (id, folder_id, rel_path, kind, title, year, mime, size, mtime_ms, scanned_at)
      VALUES ('PPPPPPPPPPPPPPPPPPPPPP', 'FFFFFFFFFFFFFFFFFFFFFF', 'Long Walk (2001)/Long Walk (2001) - cd1.mp4', 'movie', 'Long Walk', 2001, 'video/mp4', 10, 5, 0);
  `);
  db.close();
}

describe('migration 005: salvaged state, extras and parts', () => {
  it('backs the index up, and makes movies that may be parts look changed so the next scan joins them', () => {
    const file = path.join(temp.dir, 'library.db');
    versionFourIndex(file);
    const db = openIndexDatabase(file);
    const backup = new Database(backupPath(file, 4), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(4);
    backup.close();

    const mtimes = db.prepare('SELECT id, mtime_ms FROM items ORDER BY id').all();
    expect(mtimes).toEqual([
      { id: 'MMMMMMMMMMMMMMMMMMMMMM', mtime_ms: 5 },
      { id: 'PPPPPPPPPPPPPPPPPPPPPP', mtime_ms: -1 },
    ]);
    const columns = (db.prepare('PRAGMA table_info(items)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['extra_type', 'extra_owner', 'part', 'part_group']));
    expect(db.prepare('SELECT count(*) AS n FROM salvaged_state').get()).toEqual({ n: 0 });
    db.close();
  });

  it('keeps extras and later parts out of search, and refuses a part without its group', () => {
    const db = openIndexDatabase(path.join(temp.dir, 'library.db'));
    db.exec(`
      INSERT INTO folders (id, path, kind, added_at) VALUES ('FFFFFFFFFFFFFFFFFFFFFF', '/media', 'movies', 0);
      INSERT INTO items (id, folder_id, rel_path, kind, title, mime, size, mtime_ms, scanned_at, extra_type)
        VALUES ('EEEEEEEEEEEEEEEEEEEEEE', 'FFFFFFFFFFFFFFFFFFFFFF', 'a-trailer.mp4', 'movie', 'a-trailer', 'video/mp4', 1, 1, 0, 'trailer');
      INSERT INTO items (id, folder_id, rel_path, kind, title, mime, size, mtime_ms, scanned_at, part, part_group)
        VALUES ('AAAAAAAAAAAAAAAAAAAAAA', 'FFFFFFFFFFFFFFFFFFFFFF', 'a cd1.mp4', 'movie', 'Walk', 'video/mp4', 1, 1, 0, 1, 'g');
      INSERT INTO items (id, folder_id, rel_path, kind, title, mime, size, mtime_ms, scanned_at, part, part_group)
        VALUES ('BBBBBBBBBBBBBBBBBBBBBB', 'FFFFFFFFFFFFFFFFFFFFFF', 'a cd2.mp4', 'movie', 'Walk', 'video/mp4', 1, 1, 0, 2, 'g');
    `);
    expect(db.prepare('SELECT ref FROM search_docs').all()).toEqual([{ ref: 'AAAAAAAAAAAAAAAAAAAAAA' }]);
    expect(() =>
      db.exec(`INSERT INTO items (id, folder_id, rel_path, kind, title, mime, size, mtime_ms, scanned_at, part)
        VALUES ('CCCCCCCCCCCCCCCCCCCCCC', 'FFFFFFFFFFFFFFFFFFFFFF', 'b cd1.mp4', 'movie', 'B', 'video/mp4', 1, 1, 0, 1)`),
    ).toThrow(/CHECK constraint/);
    db.close();
  });
});
