import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, type DatabaseSpec } from '../index.js';

/** The schema as SQLite keeps it, for comparing before and after a step. */
function schemaOf(db: Database.Database): string[] {
  return (db.prepare("SELECT type || ' ' || name || ': ' || coalesce(sql, '') AS s FROM sqlite_master ORDER BY name").all() as { s: string }[]).map((r) => r.s);
}

/**
 * Tests every numbered migration of a SQLite file step by step from an empty file: each one changes the
 * schema and leaves a database that passes SQLite's own checks, and the whole list is idempotent on reopen.
 * Each file's own test calls it; migrations that move data have tests of their own besides.
 */
export function describeMigrations(name: string, spec: DatabaseSpec): void {
  describe(`the migrations of ${name}`, () => {
    it.each(spec.migrations.map((_, i) => i + 1))('migration %i applies on its own and leaves a sound database', (n) => {
      const db = new Database(':memory:');
      migrate(db, { ...spec, migrations: spec.migrations.slice(0, n - 1) });
      const before = schemaOf(db);
      migrate(db, { ...spec, migrations: spec.migrations.slice(0, n) });
      expect(db.pragma('user_version', { simple: true })).toBe(n);
      expect(schemaOf(db)).not.toEqual(before);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
    });

    it('does nothing the second time', () => {
      const db = new Database(':memory:');
      migrate(db, spec);
      const once = schemaOf(db);
      migrate(db, spec);
      expect(schemaOf(db)).toEqual(once);
      expect(db.pragma('user_version', { simple: true })).toBe(spec.migrations.length);
      db.close();
    });
  });
}
