import { CATALOG_VERSION } from '../event-catalog/index.js';
import type { CompiledCatalog } from './catalog-model.js';
import type { StoredEvent } from './event-queue.js';
import { generalizeField } from './generalize.js';

/** The headers of every upload; the preview shows exactly these. */
export const OTLP_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'Content-Type': 'application/json' });

/** Most events in one batch; larger queues leave in several batches. */
export const MAX_BATCH_EVENTS = 1000;

type AnyValue = { stringValue: string } | { boolValue: boolean } | { intValue: string };
interface KeyValue {
  key: string;
  value: AnyValue;
}

function anyValue(v: string | boolean | number): AnyValue {
  if (typeof v === 'boolean') return { boolValue: v };
  // proto3 JSON writes int64 as a decimal string.
  if (typeof v === 'number') return { intValue: String(Math.trunc(v)) };
  return { stringValue: v };
}

/** service.version is generalized like app.started's appVersion: a patch level would only add entropy. */
export function serviceVersion(catalog: CompiledCatalog, appVersion: string): string {
  const versionField = catalog.get('app.started')!.fieldsByName.get('appVersion')!;
  const generalized = generalizeField(versionField, appVersion);
  return typeof generalized === 'string' ? generalized : 'other';
}

function nanos(ms: number): string {
  return (BigInt(ms) * 1_000_000n).toString();
}

/**
 * Serializes a batch as an OTLP/HTTP JSON ExportLogsServiceRequest (proto3 JSON mapping: lowerCamelCase
 * field names, int64 and fixed64 as decimal strings, enums as numbers).
 *
 * Important: the returned string is the exact body that is POSTed and shown in the preview; nothing
 * re-serializes it later. The resource carries only service.name, service.version and the catalog version:
 * no host, OS, process or SDK attributes. Both time fields are the event's hour, so the send time does not
 * leak a finer time. Records are ordered by their random id, so a batch's order says nothing about the
 * order events happened in.
 */
export function encodeBatch(opts: { events: readonly StoredEvent[]; batchId: string; appVersion: string; catalog: CompiledCatalog }): string {
  const events = [...opts.events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const logRecords = events.map((ev) => {
    const spec = opts.catalog.get(ev.name)?.spec;
    const attributes: KeyValue[] = [
      { key: 'event.name', value: { stringValue: ev.name } },
      { key: 'glasswing.batch.id', value: { stringValue: opts.batchId } },
    ];
    // Catalog order, and only catalog fields: a stored field the catalog no longer declares is not sent.
    for (const f of spec?.fields ?? []) {
      const v = ev.fields[f.name];
      if (v !== undefined) attributes.push({ key: f.name, value: anyValue(v) });
    }
    const t = nanos(ev.hourMs);
    return {
      timeUnixNano: t,
      observedTimeUnixNano: t,
      severityNumber: 9,
      severityText: 'INFO',
      body: { stringValue: ev.name },
      attributes,
      eventName: ev.name,
    };
  });
  const request = {
    resourceLogs: [
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: 'glasswing' } },
            { key: 'service.version', value: { stringValue: opts.appVersion } },
            { key: 'glasswing.catalog.version', value: { intValue: String(CATALOG_VERSION) } },
          ],
        },
        scopeLogs: [{ scope: { name: 'glasswing.telemetry', version: String(CATALOG_VERSION) }, logRecords }],
      },
    ],
  };
  return JSON.stringify(request);
}

/** Reads `partialSuccess.rejectedLogRecords` from an ExportLogsServiceResponse JSON body; 0 when absent. */
export function rejectedRecords(replyBody: string): { rejected: number; message: string } {
  try {
    const ps = (JSON.parse(replyBody) as { partialSuccess?: { rejectedLogRecords?: string | number; errorMessage?: string } } | null)?.partialSuccess;
    const n = Number(ps?.rejectedLogRecords ?? 0);
    return { rejected: Number.isFinite(n) ? n : 0, message: ps?.errorMessage ?? '' };
  } catch {
    return { rejected: 0, message: '' };
  }
}
