import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupPath } from '../../../sqlite/index.js';
import { openIndexDatabase } from '../db.js';
import { searchIndex } from '../search.js';
import { makeTempDir } from '../../test-support/fixtures.js';
import { writeIndexAtVersion } from '../../test-support/index-at-version.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** A movie, a show and its episode, as the release at schema 5 left them. */
const VERSION_FIVE_ROWS = `
  INSERT INTO folders (id, path, kind, added_at) VALUES ('FFFFFFFFFFFFFFFFFFFFFF', '/media', 'mixed', 0);
  INSERT INTO shows (id, title_key, title) VALUES ('SSSSSSSSSSSSSSSSSSSSSS', 'harbour lights', 'Harbour Lights');
  INSERT INTO items (id, folder_id, rel_path, kind, title, year, mime, size, mtime_ms, scanned_at, watched)
    VALUES ('MMMMMMMMMMMMMMMMMMMMMM', 'FFFFFFFFFFFFFFFFFFFFFF', 'Night Train (1998).mp4', 'movie', 'Night Train', 1998, 'video/mp4', 10, 5, 0, 1);
  INSERT INTO items (id, folder_id, rel_path, kind, title, show_id, show_title, season, episode, episode_title, mime, size, mtime_ms, scanned_at)
    VALUES ('EEEEEEEEEEEEEEEEEEEEEE', 'FFFFFFFFFFFFFFFFFFFFFF', 'S01E02.mkv', 'episode', 'The Storm', 'SSSSSSSSSSSSSSSSSSSSSS', 'Harbour Lights', 1, 2, 'The Storm', 'video/x-matroska', 10, 5, 0);
`;

const titles = (db: Parameters<typeof searchIndex>[0], query: string): string[] => searchIndex(db, query, 20).map((h) => h.title);

describe('migration 006: typo-tolerant search', () => {
  it('backs the index up, keeps every item and its state, and finds what was indexed before by a typo', () => {
    const file = path.join(temp.dir, 'library.db');
    writeIndexAtVersion(file, 5, VERSION_FIVE_ROWS);
    const db = openIndexDatabase(file);
    try {
      const backup = new Database(backupPath(file, 5), { readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(5);
      backup.close();

      expect(db.prepare('SELECT id, watched FROM items ORDER BY id').all()).toEqual([
        { id: 'EEEEEEEEEEEEEEEEEEEEEE', watched: 0 },
        { id: 'MMMMMMMMMMMMMMMMMMMMMM', watched: 1 },
      ]);
      expect(db.prepare('SELECT count(*) AS n FROM search_docs').get()).toEqual({ n: 3 });
      expect(titles(db, 'nigth')).toEqual(['Night Train']);
      expect(titles(db, 'hrabour')).toEqual(['Harbour Lights']);
      expect(titles(db, 'sotrm')).toEqual(['The Storm']);
      // The FTS5 index agrees with its content table (external content can drift without errors).
      expect(() => db.exec("INSERT INTO search_trigrams (search_trigrams, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    } finally {
      db.close();
    }
  });

  it('follows show renames and deletions through the triggers', () => {
    const db = openIndexDatabase(path.join(temp.dir, 'library.db'));
    try {
      db.exec("INSERT INTO shows (id, title_key, title) VALUES ('SSSSSSSSSSSSSSSSSSSSSS', 'harbour lights', 'Harbour Lights')");
      expect(titles(db, 'hrabour')).toEqual(['Harbour Lights']);
      db.exec("UPDATE shows SET title = 'Lighthouse Keepers', title_key = 'lighthouse keepers'");
      expect(titles(db, 'hrabour')).toEqual([]);
      expect(titles(db, 'lihgthouse')).toEqual(['Lighthouse Keepers']);
      db.exec('DELETE FROM shows');
      expect(titles(db, 'lihgthouse')).toEqual([]);
      expect(() => db.exec("INSERT INTO search_trigrams (search_trigrams, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    } finally {
      db.close();
    }
  });
});
