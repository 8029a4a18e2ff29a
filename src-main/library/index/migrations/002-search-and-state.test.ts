import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupPath } from '../../../sqlite/index.js';
import { openIndexDatabase } from '../db.js';
import { searchIndex } from '../search.js';
import { makeTempDir } from '../../test-support/fixtures.js';
import { up as initial } from './001-initial.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** A version-1 index with one movie, one episode and one track, as the previous release left it. */
function versionOneIndex(file: string): void {
  const db = new Database(file);
  initial(db);
  db.pragma('user_version = 1');
  db.exec(`
    INSERT INTO folders (id, path, kind, added_at) VALUES ('FFFFFFFFFFFFFFFFFFFFFF', '/media', 'mixed', 0);
    INSERT INTO shows (id, title_key, title) VALUES ('SSSSSSSSSSSSSSSSSSSSSS', 'harbour lights', 'Harbour Lights');
    INSERT INTO albums (id, album_key, title, artist) VALUES ('AAAAAAAAAAAAAAAAAAAAAA', 'beyoncé' || char(0) || 'halo', 'Halo Album', 'Beyoncé');
    INSERT INTO items (id, folder_id, rel_path, kind, title, year, mime, size, mtime_ms, scanned_at)
      VALUES ('MMMMMMMMMMMMMMMMMMMMMM', 'FFFFFFFFFFFFFFFFFFFFFF', 'Night Train (1998).mp4', 'movie', 'Night Train', 1998, 'video/mp4', 10, 1, 0);
    INSERT INTO items (id, folder_id, rel_path, kind, title, show_id, show_title, season, episode, episode_title, mime, size, mtime_ms, scanned_at)
      VALUES ('EEEEEEEEEEEEEEEEEEEEEE', 'FFFFFFFFFFFFFFFFFFFFFF', 'S01E02.mkv', 'episode', 'The Storm', 'SSSSSSSSSSSSSSSSSSSSSS', 'Harbour Lights', 1, 2, 'The Storm', 'video/x-matroska', 10, 1, 0);
    INSERT INTO items (id, folder_id, rel_path, kind, title, album_id, album, album_artist, artist, mime, size, mtime_ms, scanned_at)
      VALUES ('TTTTTTTTTTTTTTTTTTTTTT', 'FFFFFFFFFFFFFFFFFFFFFF', 'halo.mp3', 'track', 'Halo', 'AAAAAAAAAAAAAAAAAAAAAA', 'Halo Album', 'Beyoncé', 'Beyoncé', 'audio/mpeg', 10, 1, 0);
  `);
  db.close();
}

describe('migration 002: search, artists and playback state', () => {
  it('backs the index up, then makes what was already indexed searchable', () => {
    const file = path.join(temp.dir, 'library.db');
    versionOneIndex(file);
    const db = openIndexDatabase(file);

    const backup = new Database(backupPath(file, 1), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect((backup.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n).toBe(3);
    backup.close();

    expect(searchIndex(db, 'nig tr', 5)).toEqual([{ id: 'MMMMMMMMMMMMMMMMMMMMMM', kind: 'movie', title: 'Night Train', subtitle: '1998', playableId: 'MMMMMMMMMMMMMMMMMMMMMM' }]);
    expect(searchIndex(db, 'storm', 5)[0]).toMatchObject({ id: 'EEEEEEEEEEEEEEEEEEEEEE', kind: 'episode' });
    expect(searchIndex(db, 'harbour', 5)[0]).toMatchObject({ id: 'SSSSSSSSSSSSSSSSSSSSSS', kind: 'show', playableId: null });
    const beyonce = searchIndex(db, 'beyonce', 5);
    expect(beyonce.map((h) => h.kind)).toEqual(['artist', 'album', 'track']);
    const artistId = beyonce[0]!.id;
    expect(db.prepare("SELECT artist_id FROM items WHERE id = 'TTTTTTTTTTTTTTTTTTTTTT'").get()).toEqual({ artist_id: artistId });

    const columns = (db.prepare('PRAGMA table_info(items)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['inode', 'sample_hash', 'watched', 'resume_sec', 'artist_id']));
    expect(db.prepare("SELECT watched, resume_sec FROM items WHERE id = 'MMMMMMMMMMMMMMMMMMMMMM'").get()).toEqual({ watched: 0, resume_sec: null });
    db.close();
  });

  it('does not back up a new, empty index', () => {
    const file = path.join(temp.dir, 'library.db');
    openIndexDatabase(file).close();
    expect(fs.readdirSync(temp.dir).filter((name) => name.endsWith('.bak'))).toEqual([]);
  });
});
