import { TelemetryPart, type Catalog, type Category, type ChainVerdict, type NetworkPurpose, type PreviewEvent, type SendResult, type TelemetryParts, type TelemetrySnapshot } from '../contract/index.js';
import { EVENTS, type RecordTelemetry, type TelemetryEventName, type TelemetryFields } from '../event-catalog/index.js';
import type { Clock, Fetch, TimerHandle } from '../ports.js';
import { closeDatabase } from '../sqlite/index.js';
import { AutoUpload } from './auto-upload.js';
import { BatchSelection } from './batch-selection.js';
import { catalogDto, compileCatalog, type CompiledCatalog } from './catalog-model.js';
import { ChangeListeners, type ChangeReason } from './changes.js';
import { Consent } from './consent.js';
import { Kv, openTelemetryDb, type TelemetryDb } from './db.js';
import { DEFAULT_LIMITS, EventQueue, HOUR_MS, type EventQueueLimits } from './event-queue.js';
import { GroupCommit } from './group-commit.js';
import { Ledger } from './ledger.js';
import { Network, type PurposeGate } from './network.js';
import { serviceVersion } from './otlp.js';
import { detectForceOff } from './policy.js';
import { Preview, Recorder } from './record.js';
import { Sender } from './sender.js';
import { batchPreview, previewEvents, queuedEvents } from './snapshot.js';

const DEFAULT_REVIEW_MS = 24 * HOUR_MS;
const CLOSE_GRACE_MS = 2_000;

export interface TelemetryService {
  /**
   * Never throws and never touches the disk: generalizes, checks consent and queues the event in memory;
   * a group commit writes everything recorded in the same turn in one transaction right after it.
   * Invalid input is counted (queue.invalid), not stored.
   */
  record: RecordTelemetry;
  /** Resolves once every event recorded so far is committed (acknowledged). */
  flush(): Promise<void>;
  /** Every part of the screen, the next batch encoded. */
  snapshot(): TelemetrySnapshot;
  /** Only the parts asked for: the queue is listed once, and the next batch encoded only when asked for. */
  parts(wanted: readonly TelemetryPart[]): TelemetryParts;
  catalog(): Catalog;
  /** What would have been recorded while consent was off: memory only, never stored or sendable. */
  preview(): PreviewEvent[];
  markSeen(): void;
  setMaster(on: boolean): { purged: number };
  setCategory(category: Category, on: boolean): { purged: number };
  deleteEvents(ids: string[]): { deleted: number };
  setHold(on: boolean): void;
  /** How long events recorded from now on wait in review (the user changed it in Settings); queued ones keep theirs. */
  setReviewWindow(ms: number): void;
  /** The Network tab's per-purpose toggle. */
  setNetworkPurpose(purpose: NetworkPurpose, allowed: boolean): void;
  /** Sends the next batch now, ignoring the review window and hold (the user pressed it), never consent. */
  sendNow(): Promise<SendResult>;
  verifyLedger(): ChainVerdict;
  exportLedger(): string;
  /** Says what changed (see `partsChangedBy` for the parts of the screen it touches). */
  onDidChange(listener: (reason: ChangeReason) => void): () => void;
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
  limits?: Partial<EventQueueLimits>;
  /** Jitter source; tests pass a fixed one. */
  random?: () => number;
  /** Called with the ids of events just committed (acknowledged); for the crash test and diagnostics. */
  onCommit?: (ids: readonly string[]) => void;
}

/** Opens the pipeline on `<dataDir>/telemetry.db`. Nothing leaves the machine unless an endpoint is set and the user opted in. */
export function openTelemetry(opts: TelemetryOptions): TelemetryService {
  const { clock, endpoint } = opts;
  const random = opts.random ?? Math.random;
  const reviewWindowMs = reviewWindow(opts.reviewWindowMs ?? DEFAULT_REVIEW_MS);
  const catalog = compileCatalog(EVENTS);
  const forced = detectForceOff(opts);
  const db = openTelemetryDb(opts.dataDir);
  const kv = new Kv(db);
  const queue = new EventQueue(db, kv, { ...DEFAULT_LIMITS, ...opts.limits });
  const consent = new Consent(db, kv, forced, (c) => queue.purge(c));
  const network = new Network(db, clock, opts.fetch, uploadGate(endpoint, consent), kv);
  const ledger = new Ledger(db);
  const preview = new Preview();
  const changes = new ChangeListeners();
  const notify = changes.notify.bind(changes);
  const closing = new AbortController();
  const closed = closing.signal;
  const commits = new GroupCommit({ queue, reviewWindowMs, onCommit: opts.onCommit, onQueueChanged: () => notify('queue'), closed });
  const batches = new BatchSelection({ queue, kv, clock, pending: commits, appVersion: serviceVersion(catalog, opts.appVersion), catalog });
  const sender = new Sender({ endpoint, db, queue, ledger, network, batches, clock, random, closed, notify });
  const recorder = new Recorder({ catalog, consent, preview, commits, clock, notify, closed });
  const auto = new AutoUpload({ clock, random, queue, send: (a) => sender.send(a), closed });
  if (opts.autoUpload) auto.start();
  const parts = { db, catalog, queue, consent, network, ledger, preview, changes, closing, commits, batches, sender, recorder, auto };
  return new TelemetryPipeline(parts, { clock, endpoint, reviewWindowMs });
}

/** A review window as the queue stores it: whole milliseconds, never negative. */
const reviewWindow = (ms: number): number => Math.max(0, Math.floor(ms));

/** The network purpose of uploads: possible only with an endpoint and the master switch on, and only to that endpoint. */
function uploadGate(endpoint: string | null, consent: Consent): Record<NetworkPurpose, PurposeGate> {
  return {
    'telemetry-upload': {
      description: 'Uploads telemetry batches you can see in the queue, only to the configured endpoint.',
      check: () => ({ enabled: endpoint !== null && consent.masterOn(), destination: endpoint }),
    },
  };
}

/** The units openTelemetry() composes, each with one job. */
interface PipelineParts {
  db: TelemetryDb;
  catalog: CompiledCatalog;
  queue: EventQueue;
  consent: Consent;
  network: Network;
  ledger: Ledger;
  preview: Preview;
  changes: ChangeListeners;
  /** Aborted by close(): every unit stops writing, sending and scheduling. */
  closing: AbortController;
  commits: GroupCommit;
  batches: BatchSelection;
  sender: Sender;
  recorder: Recorder;
  auto: AutoUpload;
}

/** The TelemetryService: each call delegates to the unit that owns it, committing pending events first where it reads or changes the queue. */
class TelemetryPipeline implements TelemetryService {
  constructor(
    private readonly p: PipelineParts,
    private readonly config: { readonly clock: Clock; readonly endpoint: string | null; reviewWindowMs: number },
  ) {}

  record<N extends TelemetryEventName>(type: N, rawFields: TelemetryFields<N>): void {
    this.p.recorder.record(type, rawFields);
  }

  flush(): Promise<void> {
    this.p.commits.commit();
    return Promise.resolve();
  }

  snapshot(): TelemetrySnapshot {
    const { consent, preview, queue, nextBatch, endpoint, ledger, network } = this.parts(TelemetryPart.options);
    return { consent: consent!, preview: preview!, queue: queue!, nextBatch: nextBatch ?? null, endpoint, ledger: ledger!, network: network! };
  }

  parts(wanted: readonly TelemetryPart[]): TelemetryParts {
    const { catalog, ledger, network, consent, preview } = this.p;
    const has = new Set(wanted);
    this.p.commits.commit();
    return {
      endpoint: this.config.endpoint,
      ...(has.has('consent') ? { consent: consent.dto() } : {}),
      ...(has.has('preview') ? { preview: previewEvents(catalog, preview) } : {}),
      ...(has.has('queue') || has.has('nextBatch') ? this.queueParts(has) : {}),
      ...(has.has('ledger') ? { ledger: ledger.entries(50) } : {}),
      ...(has.has('network') ? { network: network.state() } : {}),
    };
  }

  catalog(): Catalog {
    return catalogDto(EVENTS);
  }

  preview(): PreviewEvent[] {
    return previewEvents(this.p.catalog, this.p.preview);
  }

  markSeen(): void {
    this.p.consent.markSeen();
    this.p.changes.notify('consent');
  }

  setMaster(on: boolean): { purged: number } {
    return this.changeConsent(() => {
      const result = this.p.consent.setMaster(on);
      // Turning the master switch on starts a fresh preview.
      if (on) this.p.preview.clear();
      return result;
    });
  }

  setCategory(category: Category, on: boolean): { purged: number } {
    return this.changeConsent(() => this.p.consent.setCategory(category, on));
  }

  deleteEvents(ids: string[]): { deleted: number } {
    this.p.commits.commit();
    const deleted = this.p.queue.delete(ids);
    this.p.changes.notify('queue');
    return { deleted };
  }

  setHold(on: boolean): void {
    this.p.queue.setHeld(on);
    this.p.changes.notify('queue');
  }

  setReviewWindow(ms: number): void {
    const next = reviewWindow(ms);
    if (next === this.config.reviewWindowMs) return;
    this.p.commits.setReviewWindow(next);
    this.config.reviewWindowMs = next;
    // The screen shows the window.
    this.p.changes.notify('queue');
  }

  setNetworkPurpose(purpose: NetworkPurpose, allowed: boolean): void {
    this.p.network.setAllowed(purpose, allowed);
    this.p.changes.notify('network');
  }

  sendNow(): Promise<SendResult> {
    return this.p.sender.send(false);
  }

  verifyLedger(): ChainVerdict {
    return this.p.ledger.verify();
  }

  exportLedger(): string {
    return this.p.ledger.export(new Date(this.config.clock.now()).toISOString());
  }

  onDidChange(listener: (reason: ChangeReason) => void): () => void {
    return this.p.changes.add(listener);
  }

  async close(): Promise<void> {
    const { closing, sender } = this.p;
    if (closing.signal.aborted) return;
    this.p.auto.cancel();
    const upload = sender.inFlight();
    // Not awaited after the abort: a fetch that ignores its signal must not hang quit. The upload sees
    // `closed` when it settles and touches nothing; its events stay queued for the next run.
    if (upload) await withinGrace(upload, this.config.clock, CLOSE_GRACE_MS);
    this.p.commits.commit();
    closing.abort();
    closeDatabase(this.p.db);
  }

  /**
   * The queue and the next batch, from one listing of the queue whichever of them are asked for (each
   * used to list it again); the batch is encoded only when asked for, the queue view gets its ids only.
   */
  private queueParts(has: ReadonlySet<TelemetryPart>): Pick<TelemetryParts, 'queue' | 'nextBatchIds' | 'nextBatch'> {
    const { catalog, queue, batches, recorder } = this.p;
    const { clock, endpoint, reviewWindowMs } = this.config;
    const listed = queue.list();
    const events = has.has('queue') ? queuedEvents(catalog, queue, listed, clock.now()) : null;
    return {
      ...(events
        ? {
            queue: { events, total: queue.total(), dropped: queue.dropped(), invalid: recorder.invalidCount(), held: queue.held(), reviewWindowMs, limits: queue.bounds() },
            nextBatchIds: batches.nextIdsFrom(listed),
          }
        : {}),
      ...(has.has('nextBatch') ? { nextBatch: batchPreview(batches.nextFrom(listed), endpoint) } : {}),
    };
  }

  /**
   * A consent change: commits pending events first, so a purge counts them too, then changes consent and
   * purges in one transaction (Consent), and tells the screen.
   */
  private changeConsent(change: () => { purged: number }): { purged: number } {
    this.p.commits.commit();
    const result = change();
    this.p.changes.notify('consent');
    this.p.changes.notify('queue');
    return result;
  }
}

/** Resolves when `work` settles or `ms` of clock time have passed, whichever is first. */
async function withinGrace(work: Promise<unknown>, clock: Clock, ms: number): Promise<void> {
  let grace: TimerHandle | null = null;
  const expired = new Promise<void>((resolve) => (grace = clock.setTimeout(resolve, ms)));
  await Promise.race([work, expired]);
  (grace as TimerHandle | null)?.cancel();
}
