import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openTelemetryDb } from './db.js';
import { entryHash, GENESIS, Ledger, sha256 } from './ledger.js';
import { tempDir } from './test-support/harness.js';

function filled(): { dir: string; ledger: Ledger; close(): void } {
  const dir = tempDir();
  const db = openTelemetryDb(dir);
  const ledger = new Ledger(db);
  for (let i = 1; i <= 3; i++) {
    ledger.append({ batchId: `b${i}`, sentAt: `2026-01-01T12:0${i}:00.000Z`, endpoint: 'https://c.example/v1/logs', body: `{"n":${i}}`, status: 200, reply: '{}', eventCount: i });
  }
  return { dir, ledger, close: () => db.close() };
}

function tamper(dir: string, sql: string): void {
  const db = new Database(path.join(dir, 'telemetry.db'));
  db.exec(sql);
  db.close();
}

describe('ledger', () => {
  it('chains every entry to the one before it, from a genesis of 64 zeros', () => {
    const { ledger, close } = filled();
    const [a, b, c] = ledger.entries();
    expect(a!.prevHash).toBe(GENESIS);
    expect(a!.sha256).toBe(sha256('{"n":1}'));
    expect(b!.prevHash).toBe(entryHash(a!));
    expect(c!.prevHash).toBe(entryHash(b!));
    for (const e of [a!, b!, c!]) expect(e.entryHash).toBe(entryHash(e));
    expect(c!.entryHash).not.toBe(b!.entryHash);
    expect(ledger.verify()).toEqual({ ok: true, entries: 3, brokenAt: null, message: 'All 3 entries verify.' });
    close();
  });

  it.each([
    ['an edited body', "UPDATE ledger SET body = '{\"n\":9}' WHERE seq = 2", 2],
    ['an edited body and its hash', `UPDATE ledger SET body = '{"n":9}', sha256 = '${sha256('{"n":9}')}' WHERE seq = 2`, 2],
    ['an edited status', 'UPDATE ledger SET status = 500 WHERE seq = 3', 3],
    ['a deleted entry', 'DELETE FROM ledger WHERE seq = 2', 3],
    ['a relinked entry', `UPDATE ledger SET prev_hash = '${GENESIS}' WHERE seq = 2`, 2],
  ])('detects %s and names the first broken entry', (_what, sql, brokenAt) => {
    const { dir, ledger, close } = filled();
    tamper(dir, sql);
    const v = ledger.verify();
    expect(v.ok).toBe(false);
    expect(v.brokenAt).toBe(brokenAt);
    expect(v.message).toContain(`Entry ${brokenAt}`);
    close();
  });

  it('exports every entry with its own hash as JSON', () => {
    const { ledger, close } = filled();
    const out = JSON.parse(ledger.export('2026-01-02T00:00:00.000Z')) as { entries: { seq: number; entryHash: string; body: string }[]; verdict: { ok: boolean } };
    expect(out.verdict.ok).toBe(true);
    expect(out.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(out.entries[0]!.entryHash).toBe(ledger.entries()[1]!.prevHash);
    close();
  });

  it('truncates a long reply to 2 KB', () => {
    const { ledger, close } = filled();
    ledger.append({ batchId: 'b4', sentAt: 'x', endpoint: 'e', body: '{}', status: 200, reply: 'r'.repeat(10_000), eventCount: 1 });
    expect(ledger.entries().at(-1)!.reply.length).toBeLessThan(2100);
    expect(ledger.verify().ok).toBe(true);
    close();
  });
});
