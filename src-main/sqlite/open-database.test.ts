import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupPath, closeDatabase, inUseMarkerPath, openDatabase, type DatabaseSpec } from './index.js';
import { tempDir } from '../test-support/temp.js';

const SPEC: DatabaseSpec = {
  label: 'the test file',
  migrations: [
    (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT'),
    (db) => db.exec('ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0'),
  ],
  synchronous: 'NORMAL',
  worthBackingUp: (db) => (db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n > 0,
};

const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));
function fileIn(): string {
  const temp = tempDir('gw-sqlite-');
  temps.push(temp);
  return path.join(temp.dir, 'data', 'notes.db');
}

function writeAtVersion1(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new Database(file);
  SPEC.migrations[0]!(raw);
  raw.pragma('user_version = 1');
  raw.prepare("INSERT INTO notes (text) VALUES ('kept')").run();
  raw.close();
}

describe('openDatabase', () => {
  it('creates the file and its folder, applies every migration in order, and sets the pragmas', () => {
    const file = fileIn();
    const { db, quarantined } = openDatabase(file, SPEC);
    expect(quarantined).toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    db.prepare("INSERT INTO notes (text, pinned) VALUES ('x', 1)").run();
    closeDatabase(db);
    expect(openDatabase(file, { ...SPEC, synchronous: 'FULL' }).db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('backs up a file with data before migrating it, and migrates what it holds', () => {
    const file = fileIn();
    writeAtVersion1(file);
    const { db } = openDatabase(file, SPEC);
    expect(db.prepare('SELECT text, pinned FROM notes').all()).toEqual([{ text: 'kept', pinned: 0 }]);
    const backup = new Database(backupPath(file, 1), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT text FROM notes').all()).toEqual([{ text: 'kept' }]);
    backup.close();
    closeDatabase(db);
  });

  it('refuses a file written by a newer version with a clear error, and leaves it untouched', () => {
    const file = fileIn();
    writeAtVersion1(file);
    const raw = new Database(file);
    raw.pragma('user_version = 7');
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file, SPEC)).toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/^The test file was made by a newer version of Glasswing \(schema 7/) }),
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('moves a file that is not a database aside, never deleting it, and starts a fresh one', () => {
    const file = fileIn();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'this is not a database, it is a text file that is long enough to have a header'.repeat(20));
    const { db, quarantined } = openDatabase(file, SPEC, Date.UTC(2026, 10, 23, 2, 44, 55));
    expect(quarantined).toBe(`${file}.corrupt-20261123T024455Z`);
    expect(fs.readFileSync(quarantined!, 'utf8')).toMatch(/^this is not a database/);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    closeDatabase(db);
  });

  it('finds a truncated file on a clean start and quarantines it', () => {
    const file = fileIn();
    const { db } = openDatabase(file, SPEC);
    const insert = db.prepare('INSERT INTO notes (text) VALUES (?)');
    for (let i = 0; i < 500; i++) insert.run('a line of text '.repeat(20));
    closeDatabase(db);
    const size = fs.statSync(file).size;
    fs.truncateSync(file, size - 4096);
    const again = openDatabase(file, SPEC);
    expect(again.quarantined).not.toBeNull();
    expect(again.db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 });
    closeDatabase(again.db);
  });

  it('keeps the in-use marker while open and after a session that saw damage; a clean close removes it', () => {
    const file = fileIn();
    const first = openDatabase(file, SPEC);
    expect(fs.existsSync(inUseMarkerPath(file))).toBe(true);
    closeDatabase(first.db);
    expect(fs.existsSync(inUseMarkerPath(file))).toBe(false);
    const second = openDatabase(file, SPEC);
    closeDatabase(second.db, { damageSeen: true });
    expect(fs.existsSync(inUseMarkerPath(file))).toBe(true);
  });
});
