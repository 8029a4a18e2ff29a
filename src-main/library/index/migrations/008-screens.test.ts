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
const OTHER = 'GGGGGGGGGGGGGGGGGGGGGG';
const SHOW = 'SSSSSSSSSSSSSSSSSSSSSS';

/** Two folders, a movie and a show with two episodes played at 50 and 70, as the release at schema 7 left them. */
const VERSION_SEVEN_ROWS = `
  INSERT INTO folders (id, path, kind, added_at) VALUES ('${FOLDER}', '/media', 'mixed', 0), ('${OTHER}', '/more', 'mixed', 1);
  INSERT INTO shows (id, title_key, title) VALUES ('${SHOW}', 'harbour lights', 'Harbour Lights');
  INSERT INTO items (id, folder_id, rel_path, kind, title, year, mime, size, mtime_ms, scanned_at)
    VALUES ('MMMMMMMMMMMMMMMMMMMMMM', '${FOLDER}', 'Night Train (1998).mp4', 'movie', 'Night Train', 1998, 'video/mp4', 10, 5, 0);
  INSERT INTO items (id, folder_id, rel_path, kind, title, show_id, show_title, season, episode, mime, size, mtime_ms, scanned_at, watched, state_at)
    VALUES ('EEEEEEEEEEEEEEEEEEEEE1', '${FOLDER}', 'S01E01.mkv', 'episode', 'Pilot', '${SHOW}', 'Harbour Lights', 1, 1, 'video/x-matroska', 10, 5, 0, 1, 70),
           ('EEEEEEEEEEEEEEEEEEEEE2', '${FOLDER}', 'S01E02.mkv', 'episode', 'Storm', '${SHOW}', 'Harbour Lights', 1, 2, 'video/x-matroska', 10, 5, 0, 0, 50);
`;

function migratedIndex(): WritableDB {
  const file = path.join(temp.dir, 'library.db');
  writeIndexAtVersion(file, 7, VERSION_SEVEN_ROWS);
  return openIndexDatabase(file);
}

const itemCounts = (db: WritableDB) => db.prepare('SELECT id, item_count AS n FROM folders ORDER BY id').all();
const playedAt = (db: WritableDB) => (db.prepare('SELECT played_at AS t FROM shows WHERE id = ?').get(SHOW) as { t: number | null }).t;

describe('migration 008: what the screens ask for, kept at hand', () => {
  it("fills each folder's item count and each show's last-played time from what the index holds", () => {
    const db = migratedIndex();
    try {
      expect(itemCounts(db)).toEqual([{ id: FOLDER, n: 3 }, { id: OTHER, n: 0 }]);
      expect(playedAt(db)).toBe(70);
      const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
      expect(indexes).toEqual(expect.arrayContaining(['items_show_order', 'shows_by_played', 'unparseable_by_folder']));
      expect(indexes).not.toContain('items_show');
    } finally {
      db.close();
    }
  });

  it('keeps the item counts through inserts, deletes, moves between folders and a folder removed', () => {
    const db = migratedIndex();
    try {
      db.prepare(`INSERT INTO items (id, folder_id, rel_path, kind, title, mime, size, mtime_ms, scanned_at) VALUES ('NNNNNNNNNNNNNNNNNNNNNN', ?, 'x.mp4', 'movie', 'X', 'video/mp4', 1, 1, 0)`).run(OTHER);
      expect(itemCounts(db)).toEqual([{ id: FOLDER, n: 3 }, { id: OTHER, n: 1 }]);
      db.prepare("UPDATE items SET folder_id = ?, title = 'Moved' WHERE id = 'MMMMMMMMMMMMMMMMMMMMMM'").run(OTHER);
      db.prepare("UPDATE items SET folder_id = folder_id, title = 'Same folder' WHERE id = 'EEEEEEEEEEEEEEEEEEEEE1'").run();
      expect(itemCounts(db)).toEqual([{ id: FOLDER, n: 2 }, { id: OTHER, n: 2 }]);
      db.prepare("DELETE FROM items WHERE id = 'NNNNNNNNNNNNNNNNNNNNNN'").run();
      db.prepare('DELETE FROM folders WHERE id = ?').run(FOLDER);
      expect(itemCounts(db)).toEqual([{ id: OTHER, n: 1 }]);
      expect(db.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it("moves a show's last-played time forward with its episodes' watched marks and resume points, never back", () => {
    const db = migratedIndex();
    try {
      db.prepare("UPDATE items SET resume_sec = 30, state_at = 100 WHERE id = 'EEEEEEEEEEEEEEEEEEEEE2'").run();
      expect(playedAt(db)).toBe(100);
      db.prepare("UPDATE items SET watched = 0, state_at = 80 WHERE id = 'EEEEEEEEEEEEEEEEEEEEE1'").run();
      expect(playedAt(db)).toBe(100);
      db.prepare("UPDATE items SET title = 'Retitled' WHERE id = 'EEEEEEEEEEEEEEEEEEEEE1'").run();
      expect(playedAt(db)).toBe(100);
    } finally {
      db.close();
    }
  });
});
