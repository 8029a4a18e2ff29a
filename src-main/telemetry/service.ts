import crypto from 'node:crypto';
import type { BatchPreview, Catalog, Category, ChainVerdict, FieldValue, NetworkPurpose, PreviewEvent, SendResult, TelemetrySnapshot } from '../contract/index.js';
import type { Clock, Fetch, TimerHandle } from '../ports.js';
import { CATALOG_VERSION, CATEGORY_SINCE, EVENTS } from './catalog.js';
import { catalogDto, compileCatalog, type CompiledEvent } from './catalog-model.js';
import { Consent } from './consent.js';
import { Kv, openTelemetryDb } from './db.js';
import { generalizeField, labelOf, type StoredValue } from './generalize.js';
import { Ledger } from './ledger.js';
import { Network } from './network.js';
import { encodeBatch, MAX_BATCH_EVENTS, OTLP_HEADERS } from './otlp.js';
import { detectForceOff } from './policy.js';
import { DEFAULT_LIMITS, floorToHour, HOUR_MS, Queue, type QueueLimits, type StoredEvent } from './queue.js';
import { generalizeEvent, Preview, type Generalized } from './record.js';
import { postBatch } from './uploader.js';

export const LINKABILITY = 'Tied to nothing but its batch: no install, user or device id exists.';
export const NO_ENDPOINT = 'No endpoint configured: nothing will leave this machine.';
const DEFAULT_REVIEW_MS = 24 * HOUR_MS;
const CLOSE_GRACE_MS = 2_000;

export type { PreviewEvent };

/** The batch an upload was attempted with, persisted so that after a crash or failure the same id and bytes go again. */
interface FrozenBatch {
  batchId: string;
  ids: string[];
  body: string;
}

export interface TelemetryService {
  /**
   * Never throws and never touches the disk: generalizes, checks consent and queues the event in memory;
   * a group commit writes everything recorded in the same turn in one transaction right after it.
   * Invalid input is counted (queue.invalid), not stored.
   */
  record(type: string, rawFields: Record<string, unknown>): void;
  /** Resolves once every event recorded so far is committed (acknowledged). */
  flush(): Promise<void>;
  snapshot(): TelemetrySnapshot;
  catalog(): Catalog;
  /** What would have been recorded while consent was off: memory only, never stored or sendable. */
  preview(): PreviewEvent[];
  markSeen(): void;
  setMaster(on: boolean): { purged: number };
  setCategory(category: Category, on: boolean): { purged: number };
  deleteEvents(ids: string[]): { deleted: number };
  setHold(on: boolean): void;
  /** The Network tab's per-purpose toggle. */
  setNetworkPurpose(purpose: NetworkPurpose, allowed: boolean): void;
  /** Sends the next batch now, ignoring the review window and hold (the user pressed it), never consent. */
  sendNow(): Promise<SendResult>;
  verifyLedger(): ChainVerdict;
  exportLedger(): string;
  onDidChange(listener: (reason: string) => void): () => void;
  /** Bounded: an upload in flight gets ~2 s, then is aborted; its events stay queued. */
  close(): Promise<void>;
}

export interface TelemetryOptions {
  dataDir: string;
  appVersion: string;
  clock: Clock;
  fetch: Fetch;
  endpoint: string | null;
  env: Record<string, string | undefined>;
  cliOff: boolean;
  policyPath: string | null;
  reviewWindowMs?: number;
  autoUpload?: boolean;
  /** Queue bounds; defaults 10,000 events and 5 MB. */
  limits?: Partial<QueueLimits>;
  /** Jitter source; tests pass a fixed one. */
  random?: () => number;
  /** Called with the ids of events just committed (acknowledged); for the crash test and diagnostics. */
  onCommit?: (ids: readonly string[]) => void;
}

/** Opens the pipeline on `<dataDir>/telemetry.db`. Nothing leaves the machine unless an endpoint is set and the user opted in. */
export function openTelemetry(opts: TelemetryOptions): TelemetryService {
  const { clock, endpoint } = opts;
  const random = opts.random ?? Math.random;
  const reviewWindowMs = Math.max(0, Math.floor(opts.reviewWindowMs ?? DEFAULT_REVIEW_MS));
  const compiled = compileCatalog(EVENTS);
  // service.version is generalized like app.started's appVersion: a patch level would only add entropy.
  const versionField = compiled.get('app.started')!.fieldsByName.get('appVersion')!;
  const generalizedVersion = generalizeField(versionField, opts.appVersion);
  const serviceVersion = typeof generalizedVersion === 'string' ? generalizedVersion : 'other';
  const forced = detectForceOff(opts);
  const db = openTelemetryDb(opts.dataDir);
  const kv = new Kv(db);
  const queue = new Queue(db, kv, { ...DEFAULT_LIMITS, ...opts.limits });
  const consent = new Consent(db, kv, forced, (c) => queue.purge(c), CATALOG_VERSION, CATEGORY_SINCE);
  const ledger = new Ledger(db);
  const network = new Network(db, clock, opts.fetch as Fetch, {
    'telemetry-upload': {
      description: 'Uploads telemetry batches you can see in the queue, only to the configured endpoint.',
      check: () => ({ enabled: endpoint !== null && consent.masterOn(), destination: endpoint }),
    },
  }, kv);
  const preview = new Preview();
  const listeners = new Set<(reason: string) => void>();
  const stop = new AbortController();
  let invalid = 0;
  let pending: { key: string; batchId: string } | null = null;
  const limits = queue.bounds();
  /** Recorded but not yet committed; never more than the queue could hold (the rest are counted drops). */
  let uncommitted: { ev: Generalized; nowMs: number }[] = [];
  let overflow = 0;
  let commitScheduled = false;
  let inflight: Promise<SendResult> | null = null;
  let autoTimer: TimerHandle | null = null;
  let closed = false;

  const notify = (reason: string): void => {
    for (const l of listeners) {
      try {
        l(reason);
      } catch {
        // A listener's bug must not break recording or uploading.
      }
    }
  };

  const fieldValues = (ev: { name: string; fields: Record<string, StoredValue> }): FieldValue[] => {
    const spec = compiled.get(ev.name)?.spec;
    return (spec?.fields ?? []).filter((f) => ev.fields[f.name] !== undefined).map((f) => ({ name: f.name, value: String(ev.fields[f.name]), label: labelOf(f, ev.fields[f.name]!) }));
  };

  /**
   * Group commit. record() only appends to `uncommitted`; this writes the whole group in ONE transaction
   * (synchronous=FULL: one fsync per group, not per event), scheduled with setImmediate right after the
   * turn that recorded, and run first by everything that reads or changes the queue (snapshot, send,
   * delete, purge, close), so nothing is missed or counted twice.
   *
   * The durability trade, on purpose: an event is acknowledged when this transaction commits, not when
   * record() returns. A crash in the few milliseconds between the two loses those events; they were never
   * acknowledged (flush() had not resolved, onCommit had not named them). In exchange record() costs
   * microseconds instead of an fsync, and never blocks playback on the disk.
   */
  const commitPending = (): void => {
    if (closed || (uncommitted.length === 0 && overflow === 0)) return;
    const group = uncommitted;
    const extraDrops = overflow;
    uncommitted = [];
    overflow = 0;
    let ids: string[];
    try {
      ids = queue.appendMany(group, reviewWindowMs, extraDrops);
    } catch {
      // A full or broken disk: the group is lost, never half-stored, and was never acknowledged.
      return;
    }
    try {
      opts.onCommit?.(ids);
    } catch {
      // The hook's bug must not break recording.
    }
    notify('queue');
  };

  const scheduleCommit = (): void => {
    if (commitScheduled) return;
    commitScheduled = true;
    setImmediate(() => {
      commitScheduled = false;
      commitPending();
    });
  };

  /**
   * The one rule for what leaves next, shared by the preview, sendNow and auto upload: the ready events if
   * any, else every queued event (sendNow overrides the review window and hold). The batch id is kept while
   * the selection is unchanged, so the previewed bytes are the bytes sent.
   */
  const selectBatch = (): { events: StoredEvent[]; batchId: string; body: string } | null => {
    commitPending();
    const all = queue.list();
    if (all.length === 0) return null;
    // A batch whose upload was attempted is frozen until it is acknowledged or refused: the receiver may
    // already have it, so it must go again with the same id and bytes, never re-cut under a new id.
    const frozen = kv.get<FrozenBatch | null>('inflight', null);
    if (frozen) {
      const byId = new Map(all.map((e) => [e.id, e]));
      const events = frozen.ids.map((id) => byId.get(id));
      if (events.every((e) => e !== undefined)) return { events, batchId: frozen.batchId, body: frozen.body };
      // The user deleted (or a purge removed) some of its events: it can no longer be sent as it was.
      kv.delete('inflight');
    }
    const now = clock.now();
    const held = queue.held();
    const ready = all.filter((e) => queue.status(e, now, held) === 'ready');
    const events = (ready.length > 0 ? ready : all).slice(0, MAX_BATCH_EVENTS);
    const key = events.map((e) => e.id).join(',');
    if (pending?.key !== key) pending = { key, batchId: crypto.randomUUID() };
    return { events, batchId: pending.batchId, body: encodeBatch({ events, batchId: pending.batchId, appVersion: serviceVersion, catalog: compiled }) };
  };

  const send = async (auto: boolean): Promise<SendResult> => {
    const fail = (message: string, eventCount = 0, status: number | null = null): SendResult => ({ sent: false, eventCount, status, message });
    if (closed) return fail('Telemetry is closed.');
    if (endpoint === null) return fail(NO_ENDPOINT);
    const batch = selectBatch();
    if (!batch) return fail('The queue is empty: nothing to send.');
    if (auto && (queue.held() || queue.status(batch.events[0]!, clock.now(), false) !== 'ready')) return fail('Nothing is ready to send.');
    kv.set('inflight', { batchId: batch.batchId, ids: batch.events.map((e) => e.id), body: batch.body } satisfies FrozenBatch);
    const outcome = await postBatch({ network, clock, random, endpoint, body: batch.body, stop: stop.signal });
    notify('network');
    if (closed) return fail('Telemetry closed during the upload; events stay queued.', batch.events.length, outcome.status);
    if (!outcome.ok) {
      // A 4xx reply means the receiver stored nothing, so the batch may be re-cut; after a 5xx, a timeout
      // or no reply it may have been stored, so it stays frozen.
      if (outcome.status !== null && outcome.status >= 400 && outcome.status < 500) {
        kv.delete('inflight');
        pending = null;
      }
      return fail(outcome.message, batch.events.length, outcome.status);
    }
    const n = batch.events.length;
    db.transaction(() => {
      queue.delete(batch.events.map((e) => e.id));
      const note = outcome.rejected > 0 ? `partialSuccess: ${outcome.rejected} of ${n} records rejected\n` : '';
      ledger.append({ batchId: batch.batchId, sentAt: new Date(clock.now()).toISOString(), endpoint, body: batch.body, status: outcome.status, reply: note + outcome.reply, eventCount: n });
      kv.delete('inflight');
    })();
    pending = null;
    notify('queue');
    notify('ledger');
    const message =
      outcome.rejected > 0
        ? `Sent ${n} events; the collector rejected ${outcome.rejected} of them (not retried: a partial success is final).`
        : `Sent ${n} events (HTTP ${outcome.status}).`;
    return { sent: true, eventCount: n, status: outcome.status, message };
  };

  /** One upload at a time: a second caller waits for the first instead of sending the same batch twice. */
  const sendOnce = (auto: boolean): Promise<SendResult> => {
    if (inflight) return inflight;
    const p = send(auto)
      .catch((e: unknown): SendResult => ({ sent: false, eventCount: 0, status: null, message: `Upload failed: ${(e as Error).message}` }))
      .finally(() => {
        if (inflight === p) inflight = null;
      });
    inflight = p;
    return p;
  };

  /**
   * Auto upload (opt-in per distributor): wakes at a jittered time, never at startup, so the moment a batch
   * leaves says little about when the app was used. It sends only ready events and respects hold.
   */
  const scheduleAuto = (delayMs: number): void => {
    autoTimer?.cancel();
    if (!opts.autoUpload || closed) return;
    autoTimer = clock.setTimeout(() => {
      void (async () => {
        const res = await sendOnce(true);
        if (closed) return;
        const jitter = Math.round(random() * 30 * 60_000);
        const nextReady = queue.list().reduce((m, e) => Math.min(m, e.reviewUntilMs), Infinity);
        const wait = res.sent ? 60_000 : Number.isFinite(nextReady) && nextReady > clock.now() ? nextReady - clock.now() : HOUR_MS;
        scheduleAuto(wait + 60_000 + jitter);
      })();
    }, delayMs);
  };
  scheduleAuto(60_000 + Math.round(random() * 30 * 60_000));

  const previewEvents = (): PreviewEvent[] =>
    preview.list().map((p) => ({ name: p.name, category: p.category, purpose: (compiled.get(p.name) as CompiledEvent).spec.purpose, fields: fieldValues(p), hour: new Date(p.hour).toISOString() }));

  return {
    record(type, rawFields) {
      try {
        if (closed) return;
        const ev = generalizeEvent(compiled, type, rawFields);
        if (!ev) {
          invalid++;
          notify('queue');
          return;
        }
        const now = clock.now();
        if (!consent.allows(ev.category)) {
          preview.push(ev, floorToHour(now));
          notify('preview');
          return;
        }
        if (uncommitted.length >= limits.maxEvents) overflow++;
        else uncommitted.push({ ev, nowMs: now });
        scheduleCommit();
      } catch {
        // Never throws into the caller (a full disk must not stop playback); the event is lost, not half-stored.
      }
    },
    flush() {
      commitPending();
      return Promise.resolve();
    },
    snapshot() {
      commitPending();
      const now = clock.now();
      const held = queue.held();
      const events = queue.list().map((e) => ({
        id: e.id,
        name: e.name,
        category: e.category,
        purpose: compiled.get(e.name)?.spec.purpose ?? '',
        fields: fieldValues(e),
        hour: new Date(e.hourMs).toISOString(),
        precision: 'hour' as const,
        linkability: LINKABILITY,
        status: queue.status(e, now, held),
        reviewUntil: new Date(e.reviewUntilMs).toISOString(),
      }));
      const b = selectBatch();
      const nextBatch: BatchPreview | null = b && {
        endpoint,
        batchId: b.batchId,
        headers: { ...OTLP_HEADERS },
        body: b.body,
        bytes: Buffer.byteLength(b.body),
        eventIds: b.events.map((e) => e.id),
      };
      return {
        consent: consent.dto(),
        preview: previewEvents(),
        queue: { events, total: queue.total(), dropped: queue.dropped(), invalid, held, reviewWindowMs, limits },
        nextBatch,
        endpoint,
        ledger: ledger.entries(50),
        network: network.state(),
      };
    },
    catalog: () => catalogDto(EVENTS),
    preview: previewEvents,
    markSeen() {
      consent.markSeen();
      notify('consent');
    },
    setMaster(on) {
      commitPending();
      const r = consent.setMaster(on);
      if (on) preview.clear();
      notify('consent');
      notify('queue');
      return r;
    },
    setCategory(category, on) {
      commitPending();
      const r = consent.setCategory(category, on);
      notify('consent');
      notify('queue');
      return r;
    },
    deleteEvents(ids) {
      commitPending();
      const deleted = queue.delete(ids);
      notify('queue');
      return { deleted };
    },
    setHold(on) {
      queue.setHeld(on);
      notify('queue');
    },
    setNetworkPurpose(purpose, allowed) {
      network.setAllowed(purpose, allowed);
      notify('network');
    },
    sendNow: () => sendOnce(false),
    verifyLedger: () => ledger.verify(),
    exportLedger: () => ledger.export(new Date(clock.now()).toISOString()),
    onDidChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      autoTimer?.cancel();
      if (inflight) {
        let grace: TimerHandle | null = null;
        const expired = new Promise<void>((resolve) => (grace = clock.setTimeout(resolve, CLOSE_GRACE_MS)));
        await Promise.race([inflight, expired]);
        (grace as TimerHandle | null)?.cancel();
        // Not awaited after the abort: a fetch that ignores its signal must not hang quit. The upload sees
        // `closed` when it settles and touches nothing; its events stay queued for the next run.
      }
      commitPending();
      stop.abort();
      closed = true;
      db.close();
    },
  };
}
