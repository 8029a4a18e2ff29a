import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, UnparseableRequest } from '../../contract/index.js';
import { makeTempDir } from '../test-support/fixtures.js';
import { openIndexDatabase, type WritableDB } from './db.js';
import { deleteFolder, insertFolder } from './folder-rows.js';
import { recordUnparseable } from './item-writes.js';
import { unparseableCount, unparseablePage } from './unparseable-pages.js';

let temp: ReturnType<typeof makeTempDir>;
let db: WritableDB;
let movies: string;
let music: string;

beforeAll(() => {
  temp = makeTempDir();
  db = openIndexDatabase(path.join(temp.dir, 'library.db'));
  movies = insertFolder(db, path.join(temp.dir, 'Movies'), 'movies', 0).id;
  music = insertFolder(db, path.join(temp.dir, 'Music'), 'music', 0).id;
  const file = (relPath: string) => ({ relPath, size: 10, mtimeMs: 1 });
  db.transaction(() => {
    for (let i = 0; i < 7; i++) recordUnparseable(db, movies, file(`Broken/Part ${i}/Movie ${i} (2001).mkv`), 'the file is truncated', false);
    recordUnparseable(db, music, file('Artist/Album/01 Noise.mp3'), 'not a recognizable audio file', false);
    recordUnparseable(db, music, file('Artist/Album/<img src=x onerror=alert(1)>\u0007.flac'), 'the file is empty (0 bytes)', true);
  })();
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

const request = (raw: Record<string, unknown>) => UnparseableRequest.parse(raw);

/** Every page of a request, each checked against the contract. */
function walk(raw: Record<string, unknown>) {
  const pages = [];
  let after: string | null = null;
  do {
    const page = calls['library.unparseable'].output.parse(unparseablePage(db, request({ ...raw, after })));
    pages.push(page);
    after = page.next;
  } while (after !== null);
  return pages;
}

describe('library.unparseable', () => {
  it('lists every unreadable file once, a page at a time, by base name with its reason and folder', () => {
    const pages = walk({ limit: 4 });
    expect(pages.map((p) => p.files.length)).toEqual([4, 4, 1]);
    const files = pages.flatMap((p) => p.files);
    expect(files.map((f) => f.name)).toEqual([...Array.from({ length: 7 }, (_, i) => `Movie ${i} (2001).mkv`), '01 Noise.mp3', '<img src=x onerror=alert(1)> .flac']);
    expect(files[0]).toEqual({ name: 'Movie 0 (2001).mkv', reason: 'the file is truncated', folderId: movies });
    expect(files.at(-1)).toMatchObject({ folderId: music, reason: 'the file is empty (0 bytes)' });
    expect(unparseableCount(db)).toBe(9);
  });

  it("keeps every path out of what the renderer gets, the cursors included", () => {
    const text = JSON.stringify(walk({ limit: 2 }));
    const cursors = walk({ limit: 2 }).flatMap((p) => (p.next === null ? [] : [Buffer.from(p.next, 'base64url').toString('utf8')]));
    for (const part of ['Broken', 'Part 0', 'Artist/Album', temp.dir]) {
      expect(text).not.toContain(part);
      expect(cursors.join('\n')).not.toContain(part);
    }
  });

  it("lists one folder's files when asked", () => {
    expect(walk({ folderId: music, limit: 1 }).flatMap((p) => p.files.map((f) => f.name))).toEqual(['01 Noise.mp3', '<img src=x onerror=alert(1)> .flac']);
    expect(walk({ folderId: movies, limit: 50 })).toEqual([expect.objectContaining({ next: null })]);
  });

  it("refuses a cursor made for another folder, a tampered one, and a folder that is not in the library", () => {
    const allFirst = unparseablePage(db, request({ limit: 1 }));
    const badRequest = expect.objectContaining({ name: 'AppError', code: 'bad-request' });
    expect(() => unparseablePage(db, request({ folderId: movies, after: allFirst.next }))).toThrow(badRequest);
    const forged = Buffer.from(JSON.stringify([null, "1 OR 1=1"]), 'utf8').toString('base64url');
    expect(() => unparseablePage(db, request({ after: forged }))).toThrow(badRequest);
    expect(() => unparseablePage(db, request({ after: 'bm90IGpzb24' }))).toThrow(badRequest);
    expect(() => unparseablePage(db, request({ folderId: 'AAAAAAAAAAAAAAAAAAAAAA' }))).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('is empty for a library with nothing unreadable', () => {
    deleteFolder(db, movies);
    deleteFolder(db, music);
    expect(unparseablePage(db, request({}))).toEqual({ files: [], next: null });
    expect(unparseableCount(db)).toBe(0);
  });
});
