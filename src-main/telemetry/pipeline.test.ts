import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../ports.js';
import { TelemetrySnapshot } from '../contract/index.js';
import type { TelemetryFields } from '../event-catalog/index.js';
import { openTelemetry, type TelemetryOptions, type TelemetryService } from './index.js';
import { Consent } from './consent.js';
import { Kv, openTelemetryDb, SCHEMA_VERSION } from './db.js';
import { defaultPolicyPath, detectForceOff } from './policy.js';
import { dbBytes, noFetch, tempDir } from './test-support/harness.js';

const open: TelemetryService[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

function start(over: Partial<TelemetryOptions> = {}): { t: TelemetryService; dir: string; clock: ManualClock } {
  const dir = over.dataDir ?? tempDir();
  const clock = (over.clock as ManualClock) ?? new ManualClock(Date.UTC(2026, 0, 1, 12, 34, 56));
  const t = openTelemetry({ dataDir: dir, appVersion: '0.1.3', clock, fetch: noFetch, endpoint: null, env: {}, cliOff: false, policyPath: null, ...over });
  open.push(t);
  return { t, dir, clock };
}

function optIn(t: TelemetryService): void {
  t.markSeen();
  t.setMaster(true);
  for (const c of ['usage', 'performance', 'diagnostics'] as const) t.setCategory(c, true);
}

/** What the player sends for a film: raw ffprobe names, the frame height and the exact length. */
const started = { kind: 'movie', container: 'matroska,webm', videoCodec: 'h264', audioCodec: 'aac', resolution: 1080, duration: 5423.7, mode: 'direct' } satisfies TelemetryFields<'playback.started'>;

describe('record', () => {
  it('stores only the bucket: the raw seconds and any path never reach the database file', async () => {
    const { t, dir } = start();
    optIn(t);
    t.record('playback.started', started);
    t.record('playback.started', { ...started, container: '/home/alice/Movies/Secret Film (1999).mkv' });
    // @ts-expect-error: an undeclared field (a path in an error message) does not compile; at run time the event is invalid
    t.record('playback.failed', { errorClass: 'decode', message: 'cannot open /home/alice/Movies/Secret Film (1999).mkv' });
    const snap = TelemetrySnapshot.parse(t.snapshot());
    expect(snap.queue.total).toBe(2);
    expect(snap.queue.invalid).toBe(1);
    const [ev, withPath] = snap.queue.events;
    expect(ev!.fields).toEqual([
      { name: 'kind', value: 'video', label: 'video' },
      { name: 'container', value: 'matroska', label: 'matroska' },
      { name: 'videoCodec', value: 'h264', label: 'h264' },
      { name: 'audioCodec', value: 'aac', label: 'aac' },
      { name: 'resolution', value: '1080p', label: '1080p (721–1080 px high)' },
      { name: 'duration', value: '90-120', label: '90 min–2 h' },
      { name: 'mode', value: 'direct', label: 'direct' },
    ]);
    expect(withPath!.fields.find((f) => f.name === 'container')!.value).toBe('other');
    for (const bytes of [dbBytes(dir)]) {
      const text = bytes.toString('latin1');
      for (const secret of ['5423', '/home/alice', 'Secret Film', '.mkv', 'cannot open']) expect(text).not.toContain(secret);
      expect(text).toContain('90-120');
    }
    await t.close();
    const after = dbBytes(dir).toString('latin1');
    for (const secret of ['5423', '/home/alice', 'Secret Film']) expect(after).not.toContain(secret);
  });

  it('coarsens time to the hour and gives each event a random id, with no other identifier', () => {
    const { t, dir } = start();
    optIn(t);
    t.record('ui.feature_used', { feature: 'search' });
    t.record('ui.feature_used', { feature: 'search' });
    const [a, b] = t.snapshot().queue.events;
    expect(a!.hour).toBe('2026-01-01T12:00:00.000Z');
    expect(a!.precision).toBe('hour');
    expect(a!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a!.id).not.toBe(b!.id);
    expect(a!.linkability).toMatch(/nothing but its batch/);
    const db = new Database(path.join(dir, 'telemetry.db'), { readonly: true });
    const cols = db.prepare("SELECT name FROM pragma_table_info('events')").all().map((r) => (r as { name: string }).name);
    const keys = db.prepare('SELECT key FROM kv').all().map((r) => (r as { key: string }).key);
    db.close();
    expect(cols).toEqual(['seq', 'id', 'name', 'category', 'fields', 'hour', 'review_until', 'bytes']);
    expect(keys.sort()).toEqual(['consent']);
  });

  it('never throws into the caller, whatever it is given', () => {
    const { t } = start();
    optIn(t);
    // @ts-expect-error: an unknown event does not compile; untyped input still reaches record() at run time
    expect(() => t.record('nope', {})).not.toThrow();
    expect(() => t.record('playback.started', null as never)).not.toThrow();
    expect(() => t.record('playback.started', { ...started, get kind(): string { throw new Error('boom'); } })).not.toThrow();
    expect(t.snapshot().queue.total).toBe(0);
  });

  it('stores nothing before the privacy screen was seen or while a category is off; the preview stays in memory', async () => {
    const { t, dir } = start();
    t.record('playback.started', started);
    t.markSeen();
    t.setMaster(true);
    t.record('playback.started', started); // usage still off
    t.setCategory('performance', true);
    t.record('playback.started', started);
    expect(t.snapshot().queue.total).toBe(0);
    expect(t.snapshot().nextBatch).toBeNull();
    expect(t.preview()).toHaveLength(2); // turning the master switch on starts a fresh preview
    expect(t.preview()[0]!.fields.map((f) => f.value)).toEqual(['video', 'matroska', 'h264', 'aac', '1080p', '90-120', 'direct']);
    const snap = TelemetrySnapshot.parse(t.snapshot());
    expect(snap.preview).toEqual(t.preview());
    expect(snap.preview[0]).toMatchObject({ name: 'playback.started', category: 'usage', hour: '2026-01-01T12:00:00.000Z' });
    expect(snap.nextBatch).toBeNull();
    await t.close();
    expect(dbBytes(dir).toString('latin1')).not.toContain('90-120');
  });
});

describe('record: what the callers send', () => {
  it('accepts app.started exactly as the composition root sends it (raw version, process.platform, locale)', () => {
    const { t } = start();
    optIn(t);
    for (const [osFamily, want] of [['linux', 'linux'], ['darwin', 'macos'], ['win32', 'windows']] as const) {
      t.record('app.started', { appVersion: '0.1.0', osFamily, localeRegion: 'en-US' });
      expect(t.snapshot().queue.events.at(-1)!.fields.map((f) => f.value)).toEqual(['0.1', want, 'us']);
    }
    // @ts-expect-error: the wrong field name does not compile; at run time the event is invalid
    t.record('app.started', { appVersion: '0.1.0', osFamily: 'linux', locale: 'en-US' });
    expect(t.snapshot().queue.invalid).toBe(1);
  });

  it('maps an audio track (null height, no video codec) and an unknown length to named values, not invalid', () => {
    const { t } = start();
    optIn(t);
    t.record('playback.started', { kind: 'track', container: 'MPEG', videoCodec: null, audioCodec: 'MPEG 1 Layer 3', resolution: null, duration: 241.3, mode: 'direct' });
    t.record('playback.started', { ...started, container: 'mov,mp4,m4a,3gp,3g2,mj2', audioCodec: null, duration: null });
    const [track, film] = t.snapshot().queue.events;
    expect(track!.fields.map((f) => f.value)).toEqual(['audio', 'mp3', 'none', 'mp3', 'none', '<30', 'direct']);
    expect(track!.fields.find((f) => f.name === 'duration')!.label).toBe('under 30 min');
    expect(film!.fields.map((f) => f.value)).toEqual(['video', 'mp4', 'h264', 'none', '1080p', 'unknown', 'direct']);
    expect(film!.fields.find((f) => f.name === 'duration')!.label).toBe('unknown length');
    expect(t.snapshot().queue.invalid).toBe(0);
  });
});

describe('preview', () => {
  it('keeps only the last 100 events while off, in memory, and the snapshot shows them', () => {
    const { t } = start();
    for (let i = 0; i < 150; i++) t.record('ui.feature_used', { feature: i < 100 ? 'search' : 'fullscreen' });
    const snap = TelemetrySnapshot.parse(t.snapshot());
    expect(snap.preview).toHaveLength(100);
    expect(snap.preview.filter((p) => p.fields[0]!.value === 'fullscreen')).toHaveLength(50);
    expect(snap.preview[0]!.purpose).toMatch(/features are used/);
    expect(snap.queue.total).toBe(0);
  });
});

describe('group commit', () => {
  it('acknowledges events only when committed: flush() and onCommit name them, a new connection sees them', async () => {
    const acked: string[] = [];
    const { t, dir } = start({ onCommit: (ids) => acked.push(...ids) });
    optIn(t);
    for (let i = 0; i < 5; i++) t.record('ui.feature_used', { feature: 'search' });
    expect(acked).toEqual([]); // record() itself never touches the disk
    await t.flush();
    expect(acked).toHaveLength(5);
    const db = new Database(path.join(dir, 'telemetry.db'), { readonly: true });
    expect((db.prepare('SELECT id FROM events ORDER BY seq').all() as { id: string }[]).map((r) => r.id)).toEqual(acked);
    db.close();
  });

  it('commits on its own right after the recording turn, in one transaction per group', async () => {
    const acked: (readonly string[])[] = [];
    const { t } = start({ onCommit: (ids) => acked.push(ids) });
    optIn(t);
    for (let i = 0; i < 3; i++) t.record('ui.feature_used', { feature: 'search' });
    await new Promise((r) => setImmediate(r));
    t.record('ui.feature_used', { feature: 'search' });
    await new Promise((r) => setImmediate(r));
    expect(acked.map((g) => g.length)).toEqual([3, 1]);
  });

  it('counts uncommitted events in a purge, and close() commits what is pending', async () => {
    const { t, dir } = start();
    optIn(t);
    for (let i = 0; i < 3; i++) t.record('ui.feature_used', { feature: 'search' });
    expect(t.setCategory('usage', false)).toEqual({ purged: 3 });
    t.record('playback.failed', { errorClass: 'decode' });
    await t.close();
    const { t: again } = start({ dataDir: dir });
    expect(again.snapshot().queue.total).toBe(1);
  });

  it('never holds more than the queue bound in memory; the rest are exact drops', () => {
    const { t } = start({ limits: { maxEvents: 3 } });
    optIn(t);
    for (let i = 0; i < 10; i++) t.record('playback.failed', { errorClass: 'decode' });
    const q = t.snapshot().queue;
    expect([q.total, q.dropped]).toEqual([3, 7]);
    expect(q.limits).toEqual({ maxEvents: 3, maxBytes: 5 * 1024 * 1024 });
  });
});

describe('consent', () => {
  it('starts with everything off and nothing pending', () => {
    const { t } = start();
    expect(t.snapshot().consent).toEqual({
      seen: false,
      master: false,
      categories: { performance: false, usage: false, diagnostics: false },
      source: 'user',
      lockedReason: null,
      pendingCategories: [],
    });
  });

  it("turning a category off purges exactly that category's queued events and says how many", () => {
    const { t } = start();
    optIn(t);
    for (let i = 0; i < 3; i++) t.record('ui.feature_used', { feature: 'search' });
    t.record('playback.failed', { errorClass: 'decode' });
    t.record('playback.transcode_speed', { speed: 1.2, hardwareClass: 'hardware' });
    const changes: string[] = [];
    t.onDidChange((r) => changes.push(r));
    expect(t.setCategory('usage', false)).toEqual({ purged: 3 });
    expect(changes).toContain('consent');
    expect(t.snapshot().queue.events.map((e) => e.category).sort()).toEqual(['diagnostics', 'performance']);
    t.record('ui.feature_used', { feature: 'search' });
    expect(t.snapshot().queue.total).toBe(2);
    expect(t.setMaster(false)).toEqual({ purged: 2 });
    expect(t.snapshot().queue.total).toBe(0);
  });

  it('keeps each category choice while the master switch is off, and honours it again once it is back on', () => {
    const { t } = start();
    optIn(t);
    t.setCategory('usage', false);
    t.setMaster(false);
    t.record('playback.failed', { errorClass: 'decode' });
    expect(t.snapshot().queue.total).toBe(0);
    t.setMaster(true);
    expect(t.snapshot().consent.categories).toEqual({ performance: true, usage: false, diagnostics: true });
    t.record('playback.failed', { errorClass: 'decode' });
    t.record('ui.feature_used', { feature: 'search' });
    expect(t.snapshot().queue.events.map((e) => e.category)).toEqual(['diagnostics']);
  });

  it('persists choices across restarts', async () => {
    const { t, dir } = start();
    optIn(t);
    t.setCategory('diagnostics', false);
    await t.close();
    const { t: again } = start({ dataDir: dir });
    expect(again.snapshot().consent.categories).toEqual({ performance: true, usage: true, diagnostics: false });
  });

  it('keeps a category new since the last choice off and pending until the user turns it on', () => {
    const db = openTelemetryDb(tempDir());
    const kv = new Kv(db);
    new Consent(db, kv, null, () => 0, 1, { performance: 1, usage: 1, diagnostics: 1 }).setMaster(true);
    kv.set('consent', { ...kv.get<object>('consent', {}), categories: { performance: true, usage: true, diagnostics: true } });
    const newer = new Consent(db, kv, null, () => 0, 2, { performance: 1, usage: 1, diagnostics: 2 });
    expect(newer.dto().pendingCategories).toEqual(['diagnostics']);
    expect(newer.allows('diagnostics')).toBe(false);
    expect(newer.allows('usage')).toBe(true);
    newer.setCategory('diagnostics', true);
    expect(newer.dto().pendingCategories).toEqual([]);
    expect(newer.allows('diagnostics')).toBe(true);
    db.close();
  });

  it.each([
    [{ env: { DO_NOT_TRACK: '1' } }, 'do-not-track', /DO_NOT_TRACK=1/],
    [{ env: { GLASSWING_TELEMETRY: 'off' } }, 'environment', /GLASSWING_TELEMETRY=off/],
    [{ cliOff: true }, 'command-line', /--telemetry=off/],
  ] as const)('a force-off source (%o) locks everything off and names itself', (over, source, reason) => {
    const { t } = start(over as Partial<TelemetryOptions>);
    t.markSeen();
    expect(() => t.setMaster(true)).toThrow(reason);
    t.record('ui.feature_used', { feature: 'search' });
    const c = t.snapshot().consent;
    expect(c.source).toBe(source);
    expect(c.lockedReason).toMatch(reason);
    expect(c.master).toBe(false);
    expect(t.snapshot().queue.total).toBe(0);
  });

  it('reads the administrator policy file, and fails closed on a broken one', () => {
    const dir = tempDir();
    const p = path.join(dir, 'policy.json');
    fs.writeFileSync(p, '{"telemetry":"off"}');
    expect(detectForceOff({ env: { DO_NOT_TRACK: '1' }, cliOff: true, policyPath: p })?.source).toBe('policy');
    fs.writeFileSync(p, '{"telemetry":"on"}');
    expect(detectForceOff({ env: {}, cliOff: false, policyPath: p })).toBeNull();
    fs.writeFileSync(p, '{not json');
    expect(detectForceOff({ env: {}, cliOff: false, policyPath: p })?.reason).toMatch(/not valid JSON/);
    expect(detectForceOff({ env: {}, cliOff: false, policyPath: path.join(dir, 'missing.json') })).toBeNull();
    expect(detectForceOff({ env: { DO_NOT_TRACK: '0', GLASSWING_TELEMETRY: 'on' }, cliOff: false, policyPath: null })).toBeNull();
    expect(defaultPolicyPath('win32')).toBe('C:\\ProgramData\\Glasswing\\policy.json');
    expect(defaultPolicyPath('darwin')).toBe('/Library/Application Support/Glasswing/policy.json');
    expect(defaultPolicyPath('linux')).toBe('/etc/glasswing/policy.json');
  });
});

describe('queue', () => {
  it('counts drops exactly when the count bound is exceeded (newest dropped), across restarts', async () => {
    const { t, dir } = start({ limits: { maxEvents: 3 } });
    optIn(t);
    for (let i = 0; i < 10; i++) t.record('playback.failed', { errorClass: 'decode' });
    const first = t.snapshot().queue;
    expect([first.total, first.dropped]).toEqual([3, 7]);
    t.deleteEvents([first.events[0]!.id]);
    t.record('playback.failed', { errorClass: 'network' });
    t.record('playback.failed', { errorClass: 'network' });
    expect([t.snapshot().queue.total, t.snapshot().queue.dropped]).toEqual([3, 8]);
    await t.close();
    const { t: again } = start({ dataDir: dir, limits: { maxEvents: 3 } });
    expect(again.snapshot().queue.dropped).toBe(8);
  });

  it('enforces the byte bound too', () => {
    const { t } = start({ limits: { maxBytes: 100 } });
    optIn(t);
    for (let i = 0; i < 5; i++) t.record('playback.failed', { errorClass: 'unsupported' }); // 45 bytes each
    expect([t.snapshot().queue.total, t.snapshot().queue.dropped]).toEqual([2, 3]);
  });

  it('holds each event for the review window from its real enqueue moment, then it is ready', () => {
    const { t, clock } = start({ reviewWindowMs: 3_600_000 });
    optIn(t);
    t.record('ui.feature_used', { feature: 'search' }); // at 12:34:56
    const ev = t.snapshot().queue.events[0]!;
    expect(ev.status).toBe('in-review');
    expect(ev.reviewUntil).toBe('2026-01-01T13:35:00.000Z'); // rounded up to the minute
    clock.advance(3_600_000);
    expect(t.snapshot().queue.events[0]!.status).toBe('in-review');
    clock.advance(4_000);
    expect(t.snapshot().queue.events[0]!.status).toBe('ready');
    t.setHold(true);
    expect(t.snapshot().queue.events[0]!.status).toBe('held');
    expect(t.snapshot().queue.held).toBe(true);
  });

  it('holds events recorded after a change of the review window for the new window, and queued ones for theirs', () => {
    const { t, clock } = start({ reviewWindowMs: 3_600_000 });
    optIn(t);
    const reasons: string[] = [];
    t.onDidChange((reason) => reasons.push(reason));
    t.record('ui.feature_used', { feature: 'search' }); // at 12:34:56, not yet committed
    t.setReviewWindow(0);
    t.record('ui.feature_used', { feature: 'fullscreen' });
    clock.advance(4_000); // past 12:35, to which a window of 0 is rounded up
    const { events, reviewWindowMs } = t.snapshot().queue;
    expect(reviewWindowMs).toBe(0);
    expect(events.map((e) => [e.fields[0]!.value, e.status, e.reviewUntil])).toEqual([
      ['search', 'in-review', '2026-01-01T13:35:00.000Z'],
      ['fullscreen', 'ready', '2026-01-01T12:35:00.000Z'],
    ]);
    expect(reasons).toContain('queue');
  });

  it('allows a review window of 0', () => {
    const { t } = start({ reviewWindowMs: 0, clock: new ManualClock(Date.UTC(2026, 0, 1, 12, 0, 0)) });
    optIn(t);
    t.record('ui.feature_used', { feature: 'search' });
    expect(t.snapshot().queue.events[0]!.status).toBe('ready');
  });

  it('deletes single events and ignores unknown ids', () => {
    const { t } = start();
    optIn(t);
    t.record('ui.feature_used', { feature: 'search' });
    t.record('ui.feature_used', { feature: 'fullscreen' });
    const [a] = t.snapshot().queue.events;
    expect(t.deleteEvents([a!.id, 'not-an-id'])).toEqual({ deleted: 1 });
    expect(t.snapshot().queue.events.map((e) => e.fields[0]!.value)).toEqual(['fullscreen']);
  });

  it('creates its own WAL database with synchronous=FULL at the current schema version', () => {
    const { dir } = start();
    const db = new Database(path.join(dir, 'telemetry.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    const again = openTelemetryDb(dir);
    expect(again.pragma('synchronous', { simple: true })).toBe(2); // FULL
    again.close();
  });
});
