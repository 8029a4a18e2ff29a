import type { BatchPreview, FieldValue, PreviewEvent, QueuedEvent } from '../contract/index.js';
import type { OutgoingBatch } from './batch-selection.js';
import type { CompiledCatalog } from './catalog-model.js';
import type { EventQueue, StoredEvent } from './event-queue.js';
import { labelOf, type StoredValue } from './generalize.js';
import { OTLP_HEADERS } from './otlp.js';
import type { Preview } from './record.js';

/**
 * Projections of the pipeline's state onto the DTOs of the "What we collect" screen (contract/telemetry.ts).
 * They read, and never change, what they are given.
 */

const LINKABILITY = 'Tied to nothing but its batch: no install, user or device id exists.';

/** The purpose sentence of an event; empty for an event a newer catalog no longer declares. */
function purposeOf(catalog: CompiledCatalog, name: string): string {
  return catalog.get(name)?.spec.purpose ?? '';
}

/** An event's stored fields in catalog order, each with its words; fields the catalog no longer declares are left out. */
function fieldValues(catalog: CompiledCatalog, ev: { name: string; fields: Record<string, StoredValue> }): FieldValue[] {
  const spec = catalog.get(ev.name)?.spec;
  return (spec?.fields ?? []).filter((f) => ev.fields[f.name] !== undefined).map((f) => ({ name: f.name, value: String(ev.fields[f.name]), label: labelOf(f, ev.fields[f.name]!) }));
}

/** Every queued event (`listed`: the whole queue, oldest first), with its status at `nowMs`. */
export function queuedEvents(catalog: CompiledCatalog, queue: EventQueue, listed: readonly StoredEvent[], nowMs: number): QueuedEvent[] {
  const held = queue.held();
  return listed.map((e) => ({
    id: e.id,
    name: e.name,
    category: e.category,
    purpose: purposeOf(catalog, e.name),
    fields: fieldValues(catalog, e),
    hour: new Date(e.hourMs).toISOString(),
    precision: 'hour' as const,
    linkability: LINKABILITY,
    status: queue.status(e, nowMs, held),
    reviewUntil: new Date(e.reviewUntilMs).toISOString(),
  }));
}

/** What the next upload would be, byte for byte, or null when nothing is queued. */
export function batchPreview(batch: OutgoingBatch | null, endpoint: string | null): BatchPreview | null {
  if (!batch) return null;
  return {
    endpoint,
    batchId: batch.batchId,
    headers: { ...OTLP_HEADERS },
    body: batch.body,
    bytes: Buffer.byteLength(batch.body),
    eventIds: batch.events.map((e) => e.id),
  };
}

/** What would have been recorded while consent is off, oldest first. */
export function previewEvents(catalog: CompiledCatalog, preview: Preview): PreviewEvent[] {
  return preview.list().map((p) => ({ name: p.name, category: p.category, purpose: purposeOf(catalog, p.name), fields: fieldValues(catalog, p), hour: new Date(p.hour).toISOString() }));
}
