import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls } from '../contract/index.js';
import { openLibrary, type LibraryService } from './index.js';
import { makeClip } from './test-support/clips.js';
import { makeTempDir } from './test-support/fixtures.js';
import { testLibraryOptions } from './test-support/library-options.js';

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => temp.cleanup());

const EMPTY_HOME = { continueWatching: [], upNext: [], recentlyAdded: { movies: [], episodes: [], albums: [] } };
const notFound = expect.objectContaining({ name: 'AppError', code: 'not-found' });

describe('the screens of a library whose index was damaged', () => {
  it('say that it was rebuilt, and answer with empty shelves and lists rather than fail', () => {
    const dataDir = path.join(temp.dir, 'damaged');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'library.db'), Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919 + 13) % 251)));
    const lib = openLibrary(testLibraryOptions(dataDir));
    try {
      const status = calls['library.status'].output.parse(lib.status());
      expect(status).toEqual({ folders: [], unparseableCount: 0, recovery: { damagedCopy: expect.stringMatching(/^library\.db\.corrupt-/), folders: 0, kept: 0, salvaged: 0, restoring: true } });
      expect(lib.home()).toEqual(EMPTY_HOME);
      expect(lib.unparseable({ limit: 50, after: null })).toEqual({ files: [], next: null });
      expect(() => lib.setWatched({ kind: 'item', id: 'AAAAAAAAAAAAAAAAAAAAAA', watched: true })).toThrow(notFound);
      expect(() => lib.setWatched({ kind: 'show', id: 'AAAAAAAAAAAAAAAAAAAAAA', watched: false })).toThrow(notFound);
    } finally {
      lib.close();
    }
  });
});

describe('the status of a scanned library with unreadable files', () => {
  let lib: LibraryService;
  let media: string;

  beforeAll(async () => {
    media = path.join(temp.dir, 'media', 'Movies');
    makeClip(path.join(media, 'Night Train (1998).mp4'), 1);
    fs.writeFileSync(path.join(media, 'Empty (2002).mp4'), '');
    fs.mkdirSync(path.join(temp.dir, 'media', 'Shows'));
    lib = openLibrary(testLibraryOptions(path.join(temp.dir, 'scanned')));
    lib.addFolder(media, 'movies');
    lib.addFolder(path.join(temp.dir, 'media', 'Shows'), 'shows');
    await lib.scan();
  });
  afterAll(() => lib.close());

  it("is the snapshot's folders, unreadable count and notice, without a single item", () => {
    const status = calls['library.status'].output.parse(lib.status());
    const { folders, unparseableCount, recovery } = lib.snapshot();
    expect(status).toEqual({ folders, unparseableCount, recovery });
    expect(status.folders.map((f) => [f.name, f.itemCount])).toEqual([['Movies', 1], ['Shows', 0]]);
    expect(status.unparseableCount).toBe(1);
    expect(JSON.stringify(status)).not.toContain(temp.dir);
  });

  it('lists the unreadable file by name with its folder, and says not-found for a folder it does not hold', () => {
    const movies = lib.status().folders[0]!;
    expect(lib.unparseable({ folderId: movies.id, limit: 50, after: null })).toEqual({ files: [{ name: 'Empty (2002).mp4', reason: 'the file is empty (0 bytes)', folderId: movies.id }], next: null });
    expect(() => lib.unparseable({ folderId: 'AAAAAAAAAAAAAAAAAAAAAA', limit: 50, after: null })).toThrow(notFound);
  });

  it('counts items again when a folder is removed', () => {
    const [movies] = lib.status().folders;
    expect(lib.removeFolder(movies!.id)).toEqual({ removedItems: 1 });
    expect(lib.status()).toMatchObject({ folders: [{ name: 'Shows', itemCount: 0 }], unparseableCount: 0 });
  });
});
