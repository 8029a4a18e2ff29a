import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeMigrations } from '../../sqlite/test-support/migrations.js';
import { LIBRARY_INDEX, SCHEMA_VERSION, openIndexDatabase } from './db.js';
import { openLibrary } from '../index.js';
import { makeTempDir } from '../test-support/fixtures.js';
import { testLibraryOptions } from '../test-support/library-options.js';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('the index database', () => {
  it('is created at <dataDir>/library.db in WAL mode with foreign keys on, at the current schema', () => {
    const lib = openLibrary(testLibraryOptions(path.join(temp.dir, 'data')));
    lib.close();
    const db = openIndexDatabase(path.join(temp.dir, 'data', 'library.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['albums', 'folders', 'items', 'shows', 'unparseable']));
    db.close();
  });

  it('opens an existing index again without re-running migrations', () => {
    const dataDir = path.join(temp.dir, 'data');
    const first = openLibrary(testLibraryOptions(dataDir));
    const folder = first.addFolder(temp.dir, 'mixed');
    first.close();
    const second = openLibrary(testLibraryOptions(dataDir));
    expect(second.listFolders().map((f) => f.id)).toEqual([folder.id]);
    second.close();
  });

  it('refuses an index written by a newer version, and leaves it untouched', () => {
    const file = path.join(temp.dir, 'library.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => openLibrary(testLibraryOptions(temp.dir))).toThrow(
      expect.objectContaining({ name: 'AppError', code: 'conflict', message: expect.stringMatching(/newer version of Glasswing/) }),
    );
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5);
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    after.close();
  });

  it('rolls a failing migration back as a whole', async () => {
    const { migrate } = await import('../../sqlite/index.js');
    const { MIGRATIONS } = await import('./migrations/index.js');
    const db = new Database(path.join(temp.dir, 'half.db'));
    db.exec('CREATE TABLE folders (x INTEGER)'); // collides with the first migration's table
    expect(() => migrate(db, LIBRARY_INDEX)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(MIGRATIONS.length).toBe(SCHEMA_VERSION);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(['folders']);
    db.close();
  });
});

describeMigrations('library.db', LIBRARY_INDEX);
