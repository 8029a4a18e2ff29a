import crypto from 'node:crypto';
import type { ChainVerdict, LedgerEntry } from '../contract/index.js';
import type { TelemetryDb } from './db.js';

export const GENESIS = '0'.repeat(64);
const MAX_REPLY = 2048;

interface Row {
  seq: number;
  batch_id: string;
  sent_at: string;
  endpoint: string;
  body: string;
  sha256: string;
  prev_hash: string;
  entry_hash: string;
  status: number | null;
  reply: string;
  event_count: number;
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hash that links an entry into the chain: sha256(prevHash + bodySha256 + sentAt + batchId + status). */
export function entryHash(e: { prevHash: string; sha256: string; sentAt: string; batchId: string; status: number | null }): string {
  return sha256(e.prevHash + e.sha256 + e.sentAt + e.batchId + String(e.status));
}

/**
 * Every batch that left the machine, with its exact bytes, hash-chained so a later edit or deletion of an
 * entry is detectable. Append-only: nothing in the app updates or deletes ledger rows.
 */
export class Ledger {
  constructor(private readonly db: TelemetryDb) {}

  /** Appends one sent batch. Call inside the transaction that deletes the sent events from the queue. */
  append(e: { batchId: string; sentAt: string; endpoint: string; body: string; status: number | null; reply: string; eventCount: number }): void {
    const last = this.db.prepare('SELECT seq, entry_hash FROM ledger ORDER BY seq DESC LIMIT 1').get() as { seq: number; entry_hash: string } | undefined;
    const prevHash = last?.entry_hash ?? GENESIS;
    const bodyHash = sha256(e.body);
    const reply = e.reply.length > MAX_REPLY ? e.reply.slice(0, MAX_REPLY) + '…(truncated)' : e.reply;
    this.db
      .prepare(
        'INSERT INTO ledger (seq, batch_id, sent_at, endpoint, body, sha256, prev_hash, entry_hash, status, reply, event_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run((last?.seq ?? 0) + 1, e.batchId, e.sentAt, e.endpoint, e.body, bodyHash, prevHash, entryHash({ prevHash, sha256: bodyHash, ...e }), e.status, reply, e.eventCount);
  }

  private rows(limit?: number): Row[] {
    if (limit === undefined) return this.db.prepare('SELECT * FROM ledger ORDER BY seq').all() as Row[];
    return (this.db.prepare('SELECT * FROM ledger ORDER BY seq DESC LIMIT ?').all(limit) as Row[]).reverse();
  }

  /** The latest entries, oldest first (the snapshot shows the last `limit`; export has them all). */
  entries(limit?: number): LedgerEntry[] {
    return this.rows(limit).map((r) => ({
      seq: r.seq,
      batchId: r.batch_id,
      sentAt: r.sent_at,
      endpoint: r.endpoint,
      bytes: Buffer.byteLength(r.body),
      sha256: r.sha256,
      prevHash: r.prev_hash,
      entryHash: r.entry_hash,
      status: r.status,
      reply: r.reply,
      body: r.body,
      eventCount: r.event_count,
    }));
  }

  /** Recomputes every body hash, link and entry hash; names the first entry that does not match. */
  verify(): ChainVerdict {
    const rows = this.rows();
    let prev = GENESIS;
    let expectedSeq = 1;
    for (const r of rows) {
      const broken = (why: string): ChainVerdict => ({ ok: false, entries: rows.length, brokenAt: r.seq, message: `Entry ${r.seq} ${why}.` });
      if (r.seq !== expectedSeq) return broken(`follows a missing entry ${expectedSeq}`);
      if (sha256(r.body) !== r.sha256) return broken('has a body that does not match its SHA-256');
      if (r.prev_hash !== prev) return broken('does not link to the entry before it');
      const h = entryHash({ prevHash: r.prev_hash, sha256: r.sha256, sentAt: r.sent_at, batchId: r.batch_id, status: r.status });
      if (h !== r.entry_hash) return broken('has been altered (its entry hash does not match)');
      prev = r.entry_hash;
      expectedSeq++;
    }
    return { ok: true, entries: rows.length, brokenAt: null, message: rows.length ? `All ${rows.length} entries verify.` : 'The ledger is empty: nothing has left this machine.' };
  }

  /** The whole ledger as JSON, with each entry's own hash so a reader can re-check the chain. */
  export(exportedAt: string): string {
    return JSON.stringify({ format: 'glasswing-telemetry-ledger', version: 1, exportedAt, genesis: GENESIS, verdict: this.verify(), entries: this.entries() }, null, 2);
  }
}
