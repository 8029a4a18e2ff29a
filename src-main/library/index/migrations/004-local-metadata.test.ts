import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupPath } from '../../../sqlite/index.js';
import { openIndexDatabase } from '../db.js';
import { buildSnapshot } from '../snapshot.js';
import { makeTempDir } from '../../test-support/fixtures.js';
import { testArtUrl } from '../../test-support/library-options.js';
import { up as initial } from './001-initial.js';
import { up as searchAndState } from './002-search-and-state.js';
import { up as stateTime } from './003-state-time.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** A version-3 index with one movie and one episode, as the previous release left it. */
function versionThreeIndex(file: string): void {
  const db = new Database(file);
  for (const step of [initial, searchAndState, stateTime]) step(db);
  db.pragma('user_version = 3');
  db.exec(`
    INSERT INTO folders (id, path, kind, added_at) VALUES ('FFFFFFFFFFFFFFFFFFFFFF', '/media', 'mixed', 0);
    INSERT INTO shows (id, title_key, title) VALUES ('SSSSSSSSSSSSSSSSSSSSSS', 'harbour lights', 'Harbour Lights');
    INSERT INTO items (id, folder_id, rel_path, kind, title, year, mime, size, mtime_ms, scanned_at, watched)
      VALUES ('MMMMMMMMMMMMMMMMMMMMMM', 'FFFFFFFFFFFFFFFFFFFFFF', 'Night Train (1998).mp4', 'movie', 'Night Train', 1998, 'video/mp4', 10, 1, 0, 1);
    INSERT INTO items (id, folder_id, rel_path, kind, title, show_id, show_title, season, episode, mime, size, mtime_ms, scanned_at)
      VALUES ('EEEEEEEEEEEEEEEEEEEEEE', 'FFFFFFFFFFFFFFFFFFFFFF', 'S01E02.mkv', 'episode', 'S01E02', 'SSSSSSSSSSSSSSSSSSSSSS', 'Harbour Lights', 1, 2, 'video/x-matroska', 10, 1, 0);
  `);
  db.close();
}

describe('migration 004: local metadata', () => {
  it('backs the index up, keeps every item and its state, and starts with no local metadata', () => {
    const file = path.join(temp.dir, 'library.db');
    versionThreeIndex(file);
    const db = openIndexDatabase(file);
    try {
      const backup = new Database(backupPath(file, 3), { readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(3);
      backup.close();

      const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      expect(columns('items')).toEqual(expect.arrayContaining(['plot', 'poster_art', 'fanart_art']));
      expect(columns('shows')).toEqual(expect.arrayContaining(['plot', 'poster_art', 'fanart_art']));
      expect(columns('item_subtitles')).toEqual(['item_id', 'file_name', 'language', 'forced', 'format']);
      expect(columns('sidecar_dirs')).toEqual(['folder_id', 'rel_dir', 'signature']);
      expect(db.prepare("SELECT watched, plot, poster_art FROM items WHERE id = 'MMMMMMMMMMMMMMMMMMMMMM'").get()).toEqual({ watched: 1, plot: null, poster_art: null });

      // Subtitle links go with their item; sidecar signatures with their folder.
      db.prepare("INSERT INTO item_subtitles (item_id, file_name, language, forced, format) VALUES ('MMMMMMMMMMMMMMMMMMMMMM', 'Night Train (1998).en.srt', 'en', 0, 'srt')").run();
      expect(() => db.prepare("INSERT INTO item_subtitles (item_id, file_name, format) VALUES ('MMMMMMMMMMMMMMMMMMMMMM', 'x.sub', 'sub')").run()).toThrow(/CHECK/);
      db.prepare("INSERT INTO sidecar_dirs (folder_id, rel_dir, signature) VALUES ('FFFFFFFFFFFFFFFFFFFFFF', '', 'sig')").run();
      const movie = buildSnapshot(db, testArtUrl).movies[0]!;
      expect(movie).toMatchObject({ title: 'Night Train', plot: null, posterUrl: null, subtitleLanguages: ['en'] });
      db.prepare("DELETE FROM items WHERE id = 'MMMMMMMMMMMMMMMMMMMMMM'").run();
      db.prepare("DELETE FROM folders WHERE id = 'FFFFFFFFFFFFFFFFFFFFFF'").run();
      expect(db.prepare('SELECT (SELECT count(*) FROM item_subtitles) + (SELECT count(*) FROM sidecar_dirs) AS n').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
