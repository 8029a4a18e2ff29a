import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/fixtures.js';
import { writeIndexAtVersion } from '../../test-support/index-at-version.js';
import { openIndexDatabase, type WritableDB } from '../db.js';
import { searchIndex } from '../search.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

const FOLDER = 'FFFFFFFFFFFFFFFFFFFFFF';
const SHOW = 'SSSSSSSSSSSSSSSSSSSSSS';

/** A show with one untitled and one titled episode, as the release at schema 8 indexed them. */
const VERSION_EIGHT_ROWS = `
  INSERT INTO folders (id, path, kind, added_at) VALUES ('${FOLDER}', '/media', 'mixed', 0);
  INSERT INTO shows (id, title_key, title) VALUES ('${SHOW}', 'harbour lights', 'Harbour Lights');
  INSERT INTO items (id, folder_id, rel_path, kind, title, show_id, show_title, season, episode, episode_title, mime, size, mtime_ms, scanned_at)
    VALUES ('EEEEEEEEEEEEEEEEEEEEE1', '${FOLDER}', 'S01E01.mkv', 'episode', 'Harbour Lights', '${SHOW}', 'Harbour Lights', 1, 1, NULL, 'video/x-matroska', 10, 5, 0),
           ('EEEEEEEEEEEEEEEEEEEEE2', '${FOLDER}', 'S01E02.mkv', 'episode', 'The Storm', '${SHOW}', 'Harbour Lights', 1, 2, 'The Storm', 'video/x-matroska', 10, 5, 0);
`;

function migratedIndex(): WritableDB {
  const file = path.join(temp.dir, 'library.db');
  writeIndexAtVersion(file, 8, VERSION_EIGHT_ROWS);
  return openIndexDatabase(file);
}

const episodeHits = (db: WritableDB) =>
  searchIndex(db, 'harbour', 20)
    .filter((h) => h.kind === 'episode')
    .map((h) => ({ title: h.title, subtitle: h.subtitle }));

describe('migration 010: an untitled episode says its code once', () => {
  it('gives the untitled episodes already indexed their show as subtitle, and keeps the code beside a real title', () => {
    const db = migratedIndex();
    try {
      expect(episodeHits(db)).toEqual(
        expect.arrayContaining([
          { title: 'S01E01', subtitle: 'Harbour Lights' },
          { title: 'The Storm', subtitle: 'Harbour Lights · S01E02' },
        ]),
      );
    } finally {
      db.close();
    }
  });

  it('keeps it so as episodes are added, lose or gain a title, and as extras stay out of search', () => {
    const db = migratedIndex();
    try {
      db.prepare(
        `INSERT INTO items (id, folder_id, rel_path, kind, title, show_id, show_title, season, episode, episode_title, mime, size, mtime_ms, scanned_at)
         VALUES ('EEEEEEEEEEEEEEEEEEEEE3', ?, 'S01E03.mkv', 'episode', 'Harbour Lights', ?, 'Harbour Lights', 1, 3, NULL, 'video/x-matroska', 10, 5, 0)`,
      ).run(FOLDER, SHOW);
      db.prepare("UPDATE items SET episode_title = NULL WHERE id = 'EEEEEEEEEEEEEEEEEEEEE2'").run();
      db.prepare("UPDATE items SET episode_title = 'Pilot' WHERE id = 'EEEEEEEEEEEEEEEEEEEEE1'").run();
      db.prepare(
        `INSERT INTO items (id, folder_id, rel_path, kind, title, year, mime, size, mtime_ms, scanned_at, extra_type)
         VALUES ('XXXXXXXXXXXXXXXXXXXXXX', ?, 'Harbour Lights trailer.mp4', 'movie', 'Harbour Lights', 2020, 'video/mp4', 10, 5, 0, 'trailer')`,
      ).run(FOLDER);
      expect(episodeHits(db)).toEqual(
        expect.arrayContaining([
          { title: 'Pilot', subtitle: 'Harbour Lights · S01E01' },
          { title: 'S01E02', subtitle: 'Harbour Lights' },
          { title: 'S01E03', subtitle: 'Harbour Lights' },
        ]),
      );
      expect(searchIndex(db, 'harbour', 20).some((h) => h.id === 'XXXXXXXXXXXXXXXXXXXXXX')).toBe(false);
    } finally {
      db.close();
    }
  });
});
