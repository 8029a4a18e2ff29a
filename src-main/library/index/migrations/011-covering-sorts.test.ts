import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryPageRequest } from '../../../contract/index.js';
import { makeTempDir } from '../../test-support/fixtures.js';
import { writeIndexAtVersion } from '../../test-support/index-at-version.js';
import { openIndexDatabase } from '../db.js';
import { libraryPage } from '../library-pages.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

const FOLDER = 'FFFFFFFFFFFFFFFFFFFFFF';
const movie = (n: number, title: string, year: number) =>
  `('MMMMMMMMMMMMMMMMMMMMM${n}', '${FOLDER}', '${title}.mp4', 'movie', '${title}', ${year}, 'video/mp4', 10, 5, ${n})`;
/** Three movies, as the release at schema 8 left them. */
const VERSION_EIGHT_ROWS = `
  INSERT INTO folders (id, path, kind, added_at) VALUES ('${FOLDER}', '/media', 'movies', 0);
  INSERT INTO items (id, folder_id, rel_path, kind, title, year, mime, size, mtime_ms, scanned_at)
    VALUES ${[movie(1, 'Night Train', 1998), movie(2, 'Harbour Lights', 2019), movie(3, 'Paper Moon', 1973)].join(', ')};
`;

describe('migration 011: the movie sorts cover the listing filters', () => {
  it('rebuilds each sort index with the columns a listing filters on, and pages list as before', () => {
    const file = path.join(temp.dir, 'library.db');
    writeIndexAtVersion(file, 8, VERSION_EIGHT_ROWS);
    const db = openIndexDatabase(file);
    try {
      for (const [name, column] of [['title', 'sort_title'], ['year', 'sort_year'], ['duration', 'sort_duration'], ['added', 'sort_added']]) {
        const columns = (db.prepare(`SELECT name FROM pragma_index_info('items_by_${name}') ORDER BY seqno`).all() as { name: string }[]).map((c) => c.name);
        expect(columns).toEqual(['kind', column, 'id', 'extra_type', 'part_group', 'watched', 'width', 'year']);
      }
      const page = libraryPage(db, LibraryPageRequest.parse({ section: 'movies', sort: 'year', direction: 'desc', at: 1 }), { art: () => null, thumb: () => null });
      expect(page.section === 'movies' && page.items.map((m) => m.title)).toEqual(['Night Train', 'Paper Moon']);
    } finally {
      db.close();
    }
  });
});
