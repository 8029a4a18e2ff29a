import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openIndexDatabase } from './db.js';
import type { WritableDB } from './db.js';
import { deleteFolder, insertFolder } from './folder-rows.js';
import { forgetPath, moveItem, recordUnparseable, upsertItem } from './item-writes.js';
import { loadKnownFiles } from './known-files.js';
import { makeTempDir } from '../test-support/fixtures.js';
import { movieRecord } from '../test-support/records.js';

describe('remembered known files', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: WritableDB;
  let folderId: string;
  let otherId: string;

  beforeEach(() => {
    temp = makeTempDir();
    db = openIndexDatabase(path.join(temp.dir, 'library.db'));
    folderId = insertFolder(db, '/films', 'movies', 1).id;
    otherId = insertFolder(db, '/more', 'movies', 2).id;
    upsertItem(db, folderId, movieRecord('Night Train', 1998, { relPath: 'a.mkv', size: 10, mtimeMs: 5 }), 1);
  });
  afterEach(() => {
    db.close();
    temp.cleanup();
  });

  it('serves the next scan from memory while nothing wrote the folder, with nothing marked seen', () => {
    const first = loadKnownFiles(db, folderId);
    first.markSeen(first.slot('a.mkv'));
    const second = loadKnownFiles(db, folderId);
    expect(second).toBe(first);
    expect([...second.unseen()]).toEqual(['a.mkv']);
  });

  it('reloads after any write of a path, size or failure, so a change is never missed', () => {
    const writes: [string, () => void][] = [
      ['upsert', () => upsertItem(db, folderId, movieRecord('Night Train', 1998, { relPath: 'a.mkv', size: 11, mtimeMs: 6 }), 2)],
      ['unparseable', () => recordUnparseable(db, folderId, { relPath: 'b.mkv', size: 3, mtimeMs: 1 }, 'truncated', false)],
      ['forget', () => forgetPath(db, folderId, 'b.mkv')],
    ];
    for (const [what, write] of writes) {
      const before = loadKnownFiles(db, folderId);
      write();
      const after = loadKnownFiles(db, folderId);
      expect(after, what).not.toBe(before);
    }
    const known = loadKnownFiles(db, folderId);
    expect(known.unchanged(known.slot('a.mkv'), 11, 6, null)).toBe(true);
    expect(known.slot('b.mkv')).toBe(-1);
  });

  it('reloads every folder after a move, which changes two folders', () => {
    const id = upsertItem(db, folderId, movieRecord('Paper Moons', 2004, { relPath: 'p.mkv' }), 1);
    const source = loadKnownFiles(db, folderId);
    const target = loadKnownFiles(db, otherId);
    moveItem(db, id, { folderId: otherId, relPath: 'p.mkv', mtimeMs: 1, inode: null }, { kind: 'movie', title: 'Paper Moons', year: 2004 });
    expect(loadKnownFiles(db, folderId)).not.toBe(source);
    expect(loadKnownFiles(db, folderId).slot('p.mkv')).toBe(-1);
    expect(loadKnownFiles(db, otherId)).not.toBe(target);
    expect(loadKnownFiles(db, otherId).slot('p.mkv')).toBeGreaterThanOrEqual(0);
  });

  it('loads a folder larger than one page completely', () => {
    db.transaction(() => {
      for (let i = 0; i < 4100; i++) upsertItem(db, otherId, movieRecord(`M${i}`, null, { relPath: `m/${String(i).padStart(5, '0')}.mkv`, size: i }), 1);
      for (let i = 0; i < 4099; i++) recordUnparseable(db, otherId, { relPath: `u/${i}.mkv`, size: 1, mtimeMs: 1 }, 'truncated', false);
    })();
    const known = loadKnownFiles(db, otherId);
    expect(known.count).toBe(8199);
    const last = known.slot('m/04099.mkv');
    expect(known.unchanged(last, 4099, 1, null)).toBe(true);
    expect(known.reason(known.slot('u/4098.mkv'))).toBe('truncated');
  });

  it('forgets a removed folder', () => {
    const before = loadKnownFiles(db, folderId);
    deleteFolder(db, folderId);
    const after = loadKnownFiles(db, folderId);
    expect(after).not.toBe(before);
    expect(after.count).toBe(0);
  });
});
