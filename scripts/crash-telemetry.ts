/**
 * Crash test of the telemetry pipeline: `npx tsx scripts/crash-telemetry.ts [--trials N]` (default 20).
 *
 * Each trial forks a child that opens the real pipeline on a temp dir and records events in a loop, printing
 * every acknowledged (committed) event id, and now and then sends a batch to a loopback collector run by this
 * parent. The parent SIGKILLs the child at a random moment (during a record burst, a group commit or an
 * upload), then checks:
 *
 * 1. `PRAGMA integrity_check` is ok and the ledger chain verifies;
 * 2. nothing committed was lost: every event ever inserted is still queued or counted in a ledger batch,
 *    and every acknowledged id that is no longer queued is covered by a ledger batch;
 * 3. every ledger batch was received by the collector, with the same bytes;
 * 4. after a recovery run (reopen, send until the queue is empty) every batch the collector received is in
 *    the ledger, and a batch id received twice carried the same bytes: the only duplicates are ones the
 *    receiver drops by batch id.
 *
 * Exits non-zero on any violation; prints one summary line.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { systemClock, type Fetch } from '../src-main/ports.js';
import { openTelemetry } from '../src-main/telemetry/index.js';
import { startCollector, type Received, type Reply } from '../src-main/telemetry/test-support/collector.js';

const fetchPort: Fetch = (url, init) => fetch(url, init);
const argv = process.argv.slice(2);

if (argv[0] === '--child') await child(argv[1]!, argv[2]!);
else process.exitCode = await parent(Number(flag('--trials') ?? 20));

function flag(name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** The child: records and sometimes sends until it is killed. Prints `ack <id>` once an event is committed. */
async function child(dir: string, endpoint: string): Promise<void> {
  const t = openTelemetry({
    dataDir: dir,
    appVersion: '0.1.0',
    clock: systemClock,
    fetch: fetchPort,
    endpoint,
    env: {},
    cliOff: false,
    policyPath: null,
    reviewWindowMs: 0,
    onCommit: (ids) => process.stdout.write(ids.map((id) => `ack ${id}\n`).join('')),
  });
  t.markSeen();
  t.setMaster(true);
  for (const c of ['usage', 'performance', 'diagnostics'] as const) t.setCategory(c, true);
  t.setNetworkPurpose('telemetry-upload', true); // uploads are off until the user turns them on
  process.stdout.write('ready\n');
  const features = ['subtitles', 'search', 'fullscreen', 'add-folder'] as const;
  for (let i = 0; ; i++) {
    const burst = 1 + Math.floor(Math.random() * 20);
    for (let j = 0; j < burst; j++) {
      if (j % 3 === 0) t.record('playback.started', { kind: 'movie', container: 'matroska,webm', videoCodec: 'h264', audioCodec: 'aac', resolution: 1080, duration: 3000 + j, mode: 'direct' });
      else if (j % 3 === 1) t.record('ui.feature_used', { feature: features[j % features.length]! });
      else t.record('playback.failed', { errorClass: 'decode' });
    }
    if (Math.random() < 0.5) await t.flush();
    else await new Promise((r) => setImmediate(r)); // the scheduled group commit
    if (Math.random() < 0.15) await t.sendNow();
  }
}

interface Delivery {
  batchId: string;
  body: string;
  records: number;
}

interface OtlpLogs {
  resourceLogs: { scopeLogs: { logRecords: { attributes: { key: string; value: { stringValue?: string } }[] }[] }[] }[];
}

/** What the collector stored of one request: its batch id(s), its bytes and how many records it held. */
function delivery(req: Received): Delivery {
  const records = (req.json as OtlpLogs).resourceLogs.flatMap((r) => r.scopeLogs.flatMap((s) => s.logRecords));
  const ids = new Set(records.map((r) => r.attributes.find((a) => a.key === 'glasswing.batch.id')?.value.stringValue));
  return { batchId: [...ids].join('|'), body: req.body, records: records.length };
}

/** The loopback collector's answers: sometimes 503 (retried by the client), else a slow 200 once the batch is stored. */
function flakyReceiver(deliveries: Delivery[]): (req: Received) => Reply {
  return (req) => {
    if (Math.random() < 0.1) return { status: 503, headers: { 'retry-after': '0' } };
    deliveries.push(delivery(req));
    // A slow reply, so that some kills land after the collector stored a batch but before the client knew.
    return { status: 200, delayMs: Math.random() * 80 };
  };
}

interface TrialResult {
  violations: string[];
  acked: number;
  queuedAfterKill: number;
  delivered: number;
  duplicates: number;
}

async function trial(n: number): Promise<TrialResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-crash-telemetry-'));
  const deliveries: Delivery[] = [];
  const collector = await startCollector(systemClock, flakyReceiver(deliveries));
  const violations: string[] = [];
  const acked = new Set<string>();
  const proc = spawn(process.execPath, [...process.execArgv, import.meta.filename, '--child', dir, collector.url], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: proc.stdout });
  const ready = new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line === 'ready') resolve();
      else if (/^ack [0-9a-f-]{36}$/.test(line)) acked.add(line.slice(4));
    });
    proc.once('exit', (code) => reject(new Error(`child exited early (code ${code})`)));
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  await ready;
  await new Promise((r) => setTimeout(r, 50 + Math.random() * 1200));
  proc.kill('SIGKILL');
  await exited;
  await new Promise((r) => setImmediate(r)); // the last complete lines already read

  // 1–3: the database as the kill left it.
  const db = new Database(path.join(dir, 'telemetry.db'));
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') violations.push(`trial ${n}: integrity_check said ${String(integrity)}`);
  const queued = new Set((db.prepare('SELECT id FROM events').all() as { id: string }[]).map((r) => r.id));
  const ledger = db.prepare('SELECT batch_id, body, event_count FROM ledger ORDER BY seq').all() as { batch_id: string; body: string; event_count: number }[];
  const everInserted = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").get() as { seq: number } | undefined)?.seq ?? 0;
  db.close();
  const ledgered = ledger.reduce((s, e) => s + e.event_count, 0);
  if (everInserted !== queued.size + ledgered) violations.push(`trial ${n}: ${everInserted} events inserted, but ${queued.size} queued + ${ledgered} ledgered`);
  const sentAcked = [...acked].filter((id) => !queued.has(id)).length;
  if (sentAcked > ledgered) violations.push(`trial ${n}: ${sentAcked} acknowledged events left the queue but the ledger holds only ${ledgered}`);
  for (const e of ledger) {
    if (!deliveries.some((d) => d.batchId === e.batch_id && d.body === e.body)) violations.push(`trial ${n}: ledgered batch ${e.batch_id} never reached the collector`);
  }

  // 4: recovery. Reopen, send until empty, then compare what the collector saw with the ledger.
  const t = openTelemetry({ dataDir: dir, appVersion: '0.1.0', clock: systemClock, fetch: fetchPort, endpoint: collector.url, env: {}, cliOff: false, policyPath: null, reviewWindowMs: 0 });
  const verdict = t.verifyLedger();
  if (!verdict.ok) violations.push(`trial ${n}: ledger chain broken: ${verdict.message}`);
  for (let i = 0; i < 50 && t.snapshot().queue.total > 0; i++) await t.sendNow();
  const snap = t.snapshot();
  if (snap.queue.total !== 0) violations.push(`trial ${n}: recovery could not empty the queue`);
  const finalLedger = JSON.parse(t.exportLedger()) as { entries: { batchId: string; body: string; eventCount: number }[] };
  await t.close();
  const ledgerIds = new Set(finalLedger.entries.map((e) => e.batchId));
  const total = finalLedger.entries.reduce((s, e) => s + e.eventCount, 0);
  if (total !== everInserted) violations.push(`trial ${n}: ${everInserted} events were inserted, ${total} were sent in all`);
  if (total < acked.size) violations.push(`trial ${n}: ${acked.size} acknowledged but only ${total} ever sent`);
  const byBatch = new Map<string, Delivery[]>();
  for (const d of deliveries) byBatch.set(d.batchId, [...(byBatch.get(d.batchId) ?? []), d]);
  let duplicates = 0;
  for (const [batchId, ds] of byBatch) {
    if (batchId.includes('|') || batchId === '') violations.push(`trial ${n}: a delivery carried ${batchId || 'no'} batch ids`);
    if (!ledgerIds.has(batchId)) violations.push(`trial ${n}: the collector received batch ${batchId}, which the client never ledgered (its events were re-sent under another id)`);
    if (new Set(ds.map((d) => d.body)).size > 1) violations.push(`trial ${n}: batch ${batchId} was delivered with different bytes`);
    duplicates += ds.length - 1;
  }
  const distinctRecords = [...byBatch.values()].reduce((s, ds) => s + ds[0]!.records, 0);
  if (distinctRecords !== total) violations.push(`trial ${n}: the collector holds ${distinctRecords} distinct records, the ledger ${total}`);

  await collector.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { violations, acked: acked.size, queuedAfterKill: queued.size, delivered: byBatch.size, duplicates };
}

async function parent(trials: number): Promise<number> {
  if (!Number.isInteger(trials) || trials < 1) {
    console.error('usage: crash-telemetry [--trials N]');
    return 2;
  }
  const all: string[] = [];
  let acked = 0;
  let queued = 0;
  let delivered = 0;
  let duplicates = 0;
  for (let i = 1; i <= trials; i++) {
    const r = await trial(i);
    all.push(...r.violations);
    acked += r.acked;
    queued += r.queuedAfterKill;
    delivered += r.delivered;
    duplicates += r.duplicates;
    for (const v of r.violations) console.error(`VIOLATION ${v}`);
  }
  console.log(
    `crash-telemetry: ${trials} trials, ${acked} acknowledged events, ${queued} still queued at the kill, ${delivered} batches delivered, ` +
      `${duplicates} duplicate deliveries (same batch id), ${all.length} violations`,
  );
  return all.length === 0 ? 0 : 1;
}
