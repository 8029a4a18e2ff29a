import type { Clock } from '../ports.js';
import type { CompiledCatalog } from './catalog-model.js';
import type { ChangeReason } from './changes.js';
import type { Consent } from './consent.js';
import { floorToHour } from './event-queue.js';
import { generalizeField, INVALID, type Generalized, type StoredValue } from './generalize.js';
import type { GroupCommit } from './group-commit.js';

/**
 * Turns raw fields into the generalized event, or null when the input cannot be expressed by the catalog.
 *
 * Important: this is where raw values stop. Every raw field is replaced by its generalized value here, and
 * the result is checked against the zod schema generated from the catalog; an unknown event, an undeclared
 * field (a path, a title…), a missing field or an unusable value makes the whole event invalid. Nothing of
 * the raw input is kept, not even in an error.
 */
export function generalizeEvent(catalog: CompiledCatalog, type: string, rawFields: Record<string, unknown>): Generalized | null {
  const ev = catalog.get(type);
  if (!ev || typeof rawFields !== 'object' || rawFields === null) return null;
  for (const key of Object.keys(rawFields)) if (!ev.fieldsByName.has(key)) return null;
  const fields: Record<string, StoredValue> = {};
  for (const f of ev.spec.fields) {
    if (!Object.hasOwn(rawFields, f.name)) return null;
    const v = generalizeField(f, rawFields[f.name]);
    if (v === INVALID) return null;
    fields[f.name] = v;
  }
  const parsed = ev.schema.safeParse(fields);
  return parsed.success ? { name: ev.spec.name, category: ev.spec.category, fields: parsed.data } : null;
}

/** Most events the preview keeps; older ones fall off. */
const PREVIEW_MAX = 100;

/** What would have been recorded while consent is off: memory only, never stored, never sendable. */
export class Preview {
  /** A ring buffer: pushing is O(1) on the hot path of record() while consent is off. */
  private items: (Generalized & { hour: number })[] = [];
  private next = 0;
  constructor(private readonly max = PREVIEW_MAX) {}
  push(ev: Generalized, hourMs: number): void {
    const item = { name: ev.name, category: ev.category, fields: ev.fields, hour: hourMs };
    if (this.items.length < this.max) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % this.max;
  }
  /** Oldest first. */
  list(): readonly (Generalized & { hour: number })[] {
    return this.items.length < this.max ? this.items : [...this.items.slice(this.next), ...this.items.slice(0, this.next)];
  }
  clear(): void {
    this.items = [];
    this.next = 0;
  }
}

interface RecorderOptions {
  catalog: CompiledCatalog;
  consent: Consent;
  preview: Preview;
  commits: GroupCommit;
  clock: Clock;
  notify: (reason: ChangeReason) => void;
  /** Aborted when the pipeline closes: later events are ignored. */
  closed: AbortSignal;
}

/** The front of the pipeline: generalize, then by consent either queue (group commit) or preview; count the invalid. */
export class Recorder {
  private invalid = 0;

  constructor(private readonly o: RecorderOptions) {}

  /** Never throws and never touches the disk (see TelemetryService.record). */
  record(type: string, rawFields: Record<string, unknown>): void {
    try {
      if (this.o.closed.aborted) return;
      const ev = generalizeEvent(this.o.catalog, type, rawFields);
      if (!ev) {
        this.invalid++;
        this.o.notify('queue');
        return;
      }
      const now = this.o.clock.now();
      if (this.o.consent.allows(ev.category)) {
        this.o.commits.add(ev, now);
        return;
      }
      this.o.preview.push(ev, floorToHour(now));
      this.o.notify('preview');
    } catch {
      // Never throws into the caller (a full disk must not stop playback); the event is lost, not half-stored.
    }
  }

  /** Events refused since start because the catalog cannot express them. */
  invalidCount(): number {
    return this.invalid;
  }
}
