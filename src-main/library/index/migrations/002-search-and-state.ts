import type { Database } from 'better-sqlite3';
import { newId } from '../ids.js';

/**
 * Search, artists, and the columns the watcher and playback need.
 *
 * - `artists`: one row per track artist (by `titleKey`), with an opaque id so search can return artists.
 * - `items`: `inode` (incremental rescan compares size, mtime and inode), `sample_hash` (a hash of a few
 *   sampled blocks: the watcher recognises a moved file by size plus this), `watched` and `resume_sec`
 *   (user state that must survive renames and moves), `artist_id`.
 * - `search_docs` + `search_fts`: one document per movie, episode, track, show, album and artist, kept
 *   in sync by triggers so every write path (upserts, ON DELETE CASCADE from a removed folder, pruning)
 *   updates the index in the same transaction. `search_fts` is an external-content FTS5 table over
 *   `search_docs`: it stores only the inverted index.
 *
 * Checklist when changing what is searchable: a new migration that drops and recreates the triggers
 * below and rebuilds the documents (`INSERT INTO search_fts(search_fts) VALUES ('rebuild')`), and
 * `search.ts`, which reads `search_docs`.
 */

/** The text an item contributes to search, as SQL over `row` (new or old): title, context, subtitle. */
const itemTitle = (row: string): string =>
  `CASE ${row}.kind WHEN 'episode' THEN coalesce(${row}.episode_title, printf('S%02dE%02d', ${row}.season, ${row}.episode)) ELSE ${row}.title END`;
const itemContext = (row: string): string =>
  `CASE ${row}.kind WHEN 'episode' THEN ${row}.show_title
     WHEN 'track' THEN nullif(trim(coalesce(${row}.artist, '') || ' ' || coalesce(${row}.album, '')), '')
     ELSE CAST(${row}.year AS TEXT) END`;
const itemSubtitle = (row: string): string =>
  `CASE ${row}.kind WHEN 'episode' THEN ${row}.show_title || ' · ' || printf('S%02dE%02d', ${row}.season, ${row}.episode)
     WHEN 'track' THEN coalesce(${row}.album, ${row}.artist)
     ELSE CAST(${row}.year AS TEXT) END`;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE artists (
      id         TEXT PRIMARY KEY,
      artist_key TEXT NOT NULL UNIQUE,
      name       TEXT NOT NULL
    ) STRICT;

    ALTER TABLE items ADD COLUMN inode INTEGER;
    ALTER TABLE items ADD COLUMN sample_hash TEXT;
    ALTER TABLE items ADD COLUMN watched INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE items ADD COLUMN resume_sec REAL;
    ALTER TABLE items ADD COLUMN artist_id TEXT REFERENCES artists(id);
    CREATE INDEX items_artist ON items(artist_id) WHERE artist_id IS NOT NULL;
    CREATE INDEX items_size ON items(size);

    CREATE TABLE search_docs (
      doc      INTEGER PRIMARY KEY,
      kind     TEXT NOT NULL CHECK (kind IN ('movie', 'episode', 'track', 'show', 'album', 'artist')),
      ref      TEXT NOT NULL UNIQUE,   -- the id of the item, show, album or artist
      title    TEXT NOT NULL,          -- indexed
      title_key TEXT NOT NULL,         -- lower(title) (ASCII case folding): "title begins with" is a range scan
      context  TEXT,                   -- indexed: the show of an episode, artist and album of a track, a year
      subtitle TEXT,                   -- display only
      playable TEXT                    -- the item to play, null for containers
    ) STRICT;
    CREATE INDEX search_docs_title_key ON search_docs(title_key);

    CREATE VIRTUAL TABLE search_fts USING fts5(
      title, context,
      content = 'search_docs', content_rowid = 'doc',
      tokenize = "unicode61 remove_diacritics 2",
      prefix = '1 2 3'
    );

    CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
      INSERT INTO search_fts (rowid, title, context) VALUES (new.doc, new.title, new.context);
    END;
    CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
      INSERT INTO search_fts (search_fts, rowid, title, context) VALUES ('delete', old.doc, old.title, old.context);
    END;
    CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
      INSERT INTO search_fts (search_fts, rowid, title, context) VALUES ('delete', old.doc, old.title, old.context);
      INSERT INTO search_fts (rowid, title, context) VALUES (new.doc, new.title, new.context);
    END;

    CREATE TRIGGER items_search_ai AFTER INSERT ON items BEGIN
      INSERT INTO search_docs (kind, ref, title, title_key, context, subtitle, playable)
      VALUES (new.kind, new.id, ${itemTitle('new')}, lower(${itemTitle('new')}), ${itemContext('new')}, ${itemSubtitle('new')}, new.id);
    END;
    CREATE TRIGGER items_search_au AFTER UPDATE OF kind, title, year, show_title, season, episode, episode_title, artist, album ON items BEGIN
      UPDATE search_docs SET kind = new.kind, title = ${itemTitle('new')}, title_key = lower(${itemTitle('new')}), context = ${itemContext('new')},
        subtitle = ${itemSubtitle('new')} WHERE ref = new.id;
    END;
    CREATE TRIGGER items_search_ad AFTER DELETE ON items BEGIN
      DELETE FROM search_docs WHERE ref = old.id;
    END;

    CREATE TRIGGER shows_search_ai AFTER INSERT ON shows BEGIN
      INSERT INTO search_docs (kind, ref, title, title_key) VALUES ('show', new.id, new.title, lower(new.title));
    END;
    CREATE TRIGGER shows_search_au AFTER UPDATE OF title ON shows BEGIN
      UPDATE search_docs SET title = new.title, title_key = lower(new.title) WHERE ref = new.id;
    END;
    CREATE TRIGGER shows_search_ad AFTER DELETE ON shows BEGIN
      DELETE FROM search_docs WHERE ref = old.id;
    END;

    CREATE TRIGGER albums_search_ai AFTER INSERT ON albums BEGIN
      INSERT INTO search_docs (kind, ref, title, title_key, context, subtitle) VALUES ('album', new.id, new.title, lower(new.title), new.artist, new.artist);
    END;
    CREATE TRIGGER albums_search_au AFTER UPDATE OF title, artist ON albums BEGIN
      UPDATE search_docs SET title = new.title, title_key = lower(new.title), context = new.artist, subtitle = new.artist WHERE ref = new.id;
    END;
    CREATE TRIGGER albums_search_ad AFTER DELETE ON albums BEGIN
      DELETE FROM search_docs WHERE ref = old.id;
    END;

    CREATE TRIGGER artists_search_ai AFTER INSERT ON artists BEGIN
      INSERT INTO search_docs (kind, ref, title, title_key) VALUES ('artist', new.id, new.name, lower(new.name));
    END;
    CREATE TRIGGER artists_search_au AFTER UPDATE OF name ON artists BEGIN
      UPDATE search_docs SET title = new.name, title_key = lower(new.name) WHERE ref = new.id;
    END;
    CREATE TRIGGER artists_search_ad AFTER DELETE ON artists BEGIN
      DELETE FROM search_docs WHERE ref = old.id;
    END;
  `);

  // Existing rows: documents for what is already indexed, and an artist (with a fresh id) per track artist.
  db.exec(`
    INSERT INTO search_docs (kind, ref, title, title_key, context, subtitle, playable)
      SELECT i.kind, i.id, ${itemTitle('i')}, lower(${itemTitle('i')}), ${itemContext('i')}, ${itemSubtitle('i')}, i.id FROM items i;
    INSERT INTO search_docs (kind, ref, title, title_key) SELECT 'show', id, title, lower(title) FROM shows;
    INSERT INTO search_docs (kind, ref, title, title_key, context, subtitle) SELECT 'album', id, title, lower(title), artist, artist FROM albums;
  `);
  const artists = db.prepare("SELECT DISTINCT artist FROM items WHERE kind = 'track' AND artist IS NOT NULL").all() as { artist: string }[];
  const byKey = new Map<string, string>();
  const insert = db.prepare('INSERT INTO artists (id, artist_key, name) VALUES (?, ?, ?)');
  const link = db.prepare("UPDATE items SET artist_id = ? WHERE kind = 'track' AND artist = ?");
  for (const { artist } of artists) {
    // Same key as index-store's titleKey (kept inline: a shipped migration must not change with it).
    const key = artist.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
    let id = byKey.get(key);
    if (id === undefined) {
      id = newId();
      byKey.set(key, id);
      insert.run(id, key, artist);
    }
    link.run(id, artist);
  }
}
