import { z } from 'zod';

/**
 * What the "What we collect" screen is shown of the telemetry pipeline (DESIGN.md §4, steps 3–8).
 * Everything here is already generalized: no raw media-derived value, path or title can be expressed.
 */

export const Category = z.enum(['performance', 'usage', 'diagnostics']);
export type Category = z.infer<typeof Category>;

/** Who decided the current consent state. Anything but `user` locks the controls off. */
export const ConsentSource = z.enum(['user', 'do-not-track', 'environment', 'command-line', 'policy']);
export type ConsentSource = z.infer<typeof ConsentSource>;

export const ConsentState = z.object({
  /** The user has seen the privacy screen; nothing is recorded before that. */
  seen: z.boolean(),
  master: z.boolean(),
  categories: z.record(Category, z.boolean()),
  source: ConsentSource,
  /** Why the controls are locked, in words, when `source` is not `user`. */
  lockedReason: z.string().nullable(),
  /** Categories added by a newer catalog since the user last chose: off until accepted. */
  pendingCategories: z.array(Category),
});
export type ConsentState = z.infer<typeof ConsentState>;

export const FieldValue = z.object({
  name: z.string(),
  /** The generalized value exactly as it is stored and sent, e.g. "60-90" or "h264". */
  value: z.string(),
  /** The value in words, e.g. "60–90 min". */
  label: z.string(),
});
export type FieldValue = z.infer<typeof FieldValue>;

export const EventStatus = z.enum(['in-review', 'ready', 'held']);
export type EventStatus = z.infer<typeof EventStatus>;

export const QueuedEvent = z.object({
  id: z.string(),
  name: z.string(),
  category: Category,
  purpose: z.string(),
  fields: z.array(FieldValue),
  /** ISO time, coarsened to the hour. */
  hour: z.string(),
  precision: z.literal('hour'),
  linkability: z.string(),
  status: EventStatus,
  /** ISO time after which the event may be sent. */
  reviewUntil: z.string(),
});
export type QueuedEvent = z.infer<typeof QueuedEvent>;

export const QueueState = z.object({
  events: z.array(QueuedEvent),
  total: z.number().int().nonnegative(),
  dropped: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  held: z.boolean(),
  reviewWindowMs: z.number().int().nonnegative(),
  limits: z.object({ maxEvents: z.number().int().positive(), maxBytes: z.number().int().positive() }),
});
export type QueueState = z.infer<typeof QueueState>;

export const BatchPreview = z.object({
  endpoint: z.string().nullable(),
  batchId: z.string(),
  headers: z.record(z.string(), z.string()),
  /** The exact bytes of the request body, as UTF-8 text (OTLP/HTTP JSON). */
  body: z.string(),
  bytes: z.number().int().nonnegative(),
  eventIds: z.array(z.string()),
});
export type BatchPreview = z.infer<typeof BatchPreview>;

export const LedgerEntry = z.object({
  seq: z.number().int().positive(),
  batchId: z.string(),
  sentAt: z.string(),
  endpoint: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string(),
  prevHash: z.string(),
  /** This entry's own link in the chain: sha256 over prevHash, sha256, sentAt, batchId and status. */
  entryHash: z.string(),
  /** HTTP status of the reply, or null when no reply came (network error, timeout). */
  status: z.number().int().nullable(),
  reply: z.string(),
  body: z.string(),
  eventCount: z.number().int().nonnegative(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const ChainVerdict = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  /** The first entry whose hash or link does not match, when not ok. */
  brokenAt: z.number().int().nullable(),
  message: z.string(),
});
export type ChainVerdict = z.infer<typeof ChainVerdict>;

export const NetworkPurpose = z.enum(['telemetry-upload']);
export type NetworkPurpose = z.infer<typeof NetworkPurpose>;

export const NetworkRequest = z.object({
  seq: z.number().int().positive(),
  purpose: NetworkPurpose,
  method: z.string(),
  url: z.string(),
  at: z.string(),
  status: z.number().int().nullable(),
  /** True when the network module refused the request because its toggle was off. */
  refused: z.boolean(),
});
export type NetworkRequest = z.infer<typeof NetworkRequest>;

export const NetworkState = z.object({
  purposes: z.array(
    z.object({
      purpose: NetworkPurpose,
      description: z.string(),
      /** The user's own toggle for this purpose. */
      allowed: z.boolean(),
      /** Whether requests may be made now: allowed, and everything else it needs (endpoint, consent) in place. */
      enabled: z.boolean(),
      destination: z.string().nullable(),
    }),
  ),
  requests: z.array(NetworkRequest),
});
export type NetworkState = z.infer<typeof NetworkState>;

export const CatalogFieldType = z.enum(['enum', 'boolean', 'bucket', 'count']);

export const CatalogField = z.object({
  name: z.string(),
  type: CatalogFieldType,
  description: z.string(),
  /** Every value the field can take, in words. */
  values: z.array(z.string()),
  generalizer: z.string().nullable(),
});
export type CatalogField = z.infer<typeof CatalogField>;

export const CatalogEvent = z.object({
  name: z.string(),
  category: Category,
  purpose: z.string(),
  fields: z.array(CatalogField),
  /** Worst-case number of distinct field combinations. */
  uniqueness: z.number().int().positive(),
});
export type CatalogEvent = z.infer<typeof CatalogEvent>;

export const Catalog = z.object({
  version: z.number().int().positive(),
  events: z.array(CatalogEvent),
  changelog: z.array(z.object({ version: z.number().int().positive(), changes: z.array(z.string()) })),
});
export type Catalog = z.infer<typeof Catalog>;

/** What would have been recorded while a category is off: in memory only, never stored or sendable. */
export const PreviewEvent = z.object({
  name: z.string(),
  category: Category,
  purpose: z.string(),
  fields: z.array(FieldValue),
  hour: z.string(),
});
export type PreviewEvent = z.infer<typeof PreviewEvent>;

export const TelemetrySnapshot = z.object({
  consent: ConsentState,
  preview: z.array(PreviewEvent),
  queue: QueueState,
  nextBatch: BatchPreview.nullable(),
  endpoint: z.string().nullable(),
  ledger: z.array(LedgerEntry),
  network: NetworkState,
});
export type TelemetrySnapshot = z.infer<typeof TelemetrySnapshot>;

/** The parts of the "What we collect" screen, fetched and pushed one by one (`endpoint` never changes). */
export const TelemetryPart = z.enum(['consent', 'preview', 'queue', 'nextBatch', 'ledger', 'network']);
export type TelemetryPart = z.infer<typeof TelemetryPart>;

/**
 * What `privacy.snapshot` answers: the parts asked for (every part when none were named), and the endpoint.
 * The next batch is encoded only when `nextBatch` is asked for; `queue` comes with the ids of the events
 * the next batch would carry, chosen without encoding it.
 */
export const TelemetryParts = z.object({
  endpoint: z.string().nullable(),
  consent: ConsentState.optional(),
  preview: z.array(PreviewEvent).optional(),
  queue: QueueState.optional(),
  nextBatchIds: z.array(z.string()).optional(),
  nextBatch: BatchPreview.nullable().optional(),
  ledger: z.array(LedgerEntry).optional(),
  network: NetworkState.optional(),
});
export type TelemetryParts = z.infer<typeof TelemetryParts>;

/** Pushed when parts of the screen changed (`onDidChangeTelemetry`), so a window refetches only those it shows. */
export const TelemetryChange = z.object({
  /** The parts that changed; absent means any may have (the web transport says so after a reconnect). */
  parts: z.array(TelemetryPart).optional(),
  /** Grows with every push; a window that sees it skip refetches every part it shows. Absent after a reconnect. */
  version: z.number().int().nonnegative().optional(),
  /** Why, in a word: only the web transport's own `reconnected` notice sets it. */
  reason: z.string().optional(),
});
export type TelemetryChange = z.infer<typeof TelemetryChange>;

export const SendResult = z.object({
  sent: z.boolean(),
  eventCount: z.number().int().nonnegative(),
  status: z.number().int().nullable(),
  message: z.string(),
});
export type SendResult = z.infer<typeof SendResult>;

/** Features whose use the renderer may note (`app.noteFeature`); the catalog's `ui.feature_used` takes exactly these. */
export const UiFeature = z.enum(['subtitles', 'audio-track', 'fullscreen', 'search', 'add-folder', 'privacy-screen', 'ledger-export', 'other']);
export type UiFeature = z.infer<typeof UiFeature>;
