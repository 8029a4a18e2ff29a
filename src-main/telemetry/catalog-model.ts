import { z } from 'zod';
import type { Catalog, CatalogEvent } from '../contract/index.js';
import { CATALOG_VERSION, CHANGELOG, EVENTS, type EventSpec, type FieldSpec } from '../event-catalog/index.js';
import { cardinality, generalizers, storedValues, valueLabels } from './generalize.js';

/**
 * The most distinct field combinations any one event may have (the product of its fields' value counts).
 *
 * What this budget is, honestly: it bounds how finely ONE event can partition users on technical facts
 * (formats, codecs, classes of length and resolution). It is not what protects the titles people watch.
 * That protection is the duration bucket, tested against 61,291 real film runtimes: every bucket holds at
 * least 500 films (catalog.test.ts), so a length never narrows a title down; container, codec and
 * resolution are properties of the file, shared by thousands of unrelated titles.
 *
 * The number: playback.started, the largest event, is 2 kinds × 7 containers × 6 video codecs × 8 audio
 * codecs × 5 resolution classes × 7 length buckets × 3 modes = 70,560 worst-case combinations, most of them
 * impossible (audio with h264 and 1080p). It was trimmed to that: movie and episode are one kind (video),
 * 1440p and 2160p are one class. The ceiling is exactly that number, so any new value anywhere that would
 * raise an event above it fails the build and must be argued for here.
 */
export const UNIQUENESS_CEILING = 70_560;

/** Field names that smell of a media-derived number; such a field must be a bucket with a generalizer. */
const MEDIA_NUMBER = /duration|bitrate|size|resolution|fps|frame.?rate|width|height|runtime|length/i;

/** Worst-case number of distinct field combinations of one event (product of field cardinalities). */
export function uniqueness(ev: EventSpec): number {
  return ev.fields.reduce((n, f) => n * cardinality(f), 1);
}

/** Names every field that looks media-derived but is not a generalized bucket; empty when the catalog is sound. */
export function checkMediaNumbers(events: readonly EventSpec[]): string[] {
  const bad: string[] = [];
  for (const ev of events) {
    for (const f of ev.fields) {
      if (!MEDIA_NUMBER.test(f.name)) continue;
      if (f.type !== 'bucket' || !(f.generalizer in generalizers)) bad.push(`${ev.name}.${f.name}`);
    }
  }
  return bad;
}

/** Structural checks the build relies on: unique names, ascending edges, tokens per bucket, small counts. */
export function checkCatalog(events: readonly EventSpec[]): string[] {
  const problems = checkMediaNumbers(events).map((f) => `${f}: media-derived number without a bucket generalizer`);
  const names = new Set<string>();
  for (const ev of events) {
    if (names.has(ev.name)) problems.push(`${ev.name}: declared twice`);
    if (!/^[a-z_.]+$/.test(ev.name)) problems.push(`${ev.name}: event names are lower-case ASCII`);
    names.add(ev.name);
    const fieldNames = new Set(ev.fields.map((f) => f.name));
    if (fieldNames.size !== ev.fields.length) problems.push(`${ev.name}: duplicate field`);
    for (const f of ev.fields) {
      if (f.type === 'bucket') {
        if (f.edges.some((e, i) => i > 0 && e <= f.edges[i - 1]!)) problems.push(`${ev.name}.${f.name}: edges not ascending`);
        if (f.tokens && f.tokens.length !== f.edges.length + 1) problems.push(`${ev.name}.${f.name}: one token per bucket`);
        if (f.labels && f.labels.length !== f.edges.length + 1) problems.push(`${ev.name}.${f.name}: one label per bucket`);
      }
      if (f.type === 'count' && (f.max < 1 || f.max > 100)) problems.push(`${ev.name}.${f.name}: count max must be small`);
      if (new Set(storedValues(f)).size !== cardinality(f)) problems.push(`${ev.name}.${f.name}: duplicate values`);
      // The queue counts bytes as string length (record's hot path): every stored value must be ASCII.
      if (!storedValues(f).every((v) => /^[\x20-\x7e]*$/.test(String(v))) || !/^[\x20-\x7e]+$/.test(f.name)) problems.push(`${ev.name}.${f.name}: stored values must be ASCII`);
    }
    if (uniqueness(ev) > UNIQUENESS_CEILING) problems.push(`${ev.name}: uniqueness ${uniqueness(ev)} > ${UNIQUENESS_CEILING}`);
  }
  return problems;
}

function fieldSchema(f: FieldSpec): z.ZodType {
  switch (f.type) {
    case 'enum':
    case 'bucket':
      return z.enum(storedValues(f) as [string, ...string[]]);
    case 'boolean':
      return z.boolean();
    case 'count':
      return z.number().int().min(0).max(f.max);
  }
}

/** A strict zod schema of an event's generalized fields: the last gate before storage. */
function eventSchema(ev: EventSpec): z.ZodType<Record<string, string | boolean | number>> {
  return z.strictObject(Object.fromEntries(ev.fields.map((f) => [f.name, fieldSchema(f)]))) as unknown as z.ZodType<
    Record<string, string | boolean | number>
  >;
}

interface CompiledEvent {
  spec: EventSpec;
  schema: z.ZodType<Record<string, string | boolean | number>>;
  fieldsByName: Map<string, FieldSpec>;
}

/** The catalog by event name, as compileCatalog() builds it. */
export type CompiledCatalog = ReadonlyMap<string, CompiledEvent>;

/** Looks events up by name; schemas are built once so record() stays cheap. */
export function compileCatalog(events: readonly EventSpec[] = EVENTS): CompiledCatalog {
  return new Map(events.map((spec) => [spec.name, { spec, schema: eventSchema(spec), fieldsByName: new Map(spec.fields.map((f) => [f.name, f])) }]));
}

function describeGeneralizer(f: FieldSpec): string | null {
  if (f.type === 'bucket') return `${f.generalizer}: ${generalizers[f.generalizer].describe}${f.nullAs ? `; no value is sent as '${f.nullAs.token}'` : ''}`;
  if (f.type === 'enum' && f.nullAs && f.normalize) {
    return `${f.normalize}; no value is sent as '${f.nullAs}', any value not listed as ${f.values.includes('other') ? "'other'" : 'invalid and dropped'}`;
  }
  if (f.type === 'enum' && f.normalize) return `${f.normalize}; any value not listed is sent as ${f.values.includes('other') ? "'other'" : 'invalid and dropped'}`;
  if (f.type === 'enum' && f.values.includes('other')) return "any value not listed is sent as 'other'";
  if (f.type === 'count') return `capped at ${f.max}`;
  return null;
}

/** The Catalog DTO the "What we collect" screen and `--telemetry-dump --json` show. */
export function catalogDto(events: readonly EventSpec[] = EVENTS): Catalog {
  const out: CatalogEvent[] = events.map((ev) => ({
    name: ev.name,
    category: ev.category,
    purpose: ev.purpose,
    fields: ev.fields.map((f) => ({ name: f.name, type: f.type, description: f.description, values: valueLabels(f), generalizer: describeGeneralizer(f) })),
    uniqueness: uniqueness(ev),
  }));
  return { version: CATALOG_VERSION, events: out, changelog: CHANGELOG.map((c) => ({ version: c.version, changes: [...c.changes] })) };
}

/** Text for `glasswing --telemetry-dump [--json]`: the whole catalog, JSON or a readable table. */
export function catalogDump(opts: { json: boolean }): string {
  const cat = catalogDto();
  if (opts.json) return JSON.stringify(cat, null, 2) + '\n';
  const lines: string[] = [`Glasswing telemetry catalog, version ${cat.version}`, ''];
  for (const ev of cat.events) {
    lines.push(`${ev.name}  [${ev.category}]  at most ${ev.uniqueness} distinct combinations`, `  ${ev.purpose}`);
    const width = Math.max(...ev.fields.map((f) => f.name.length));
    for (const f of ev.fields) {
      lines.push(`  ${f.name.padEnd(width)}  ${f.type.padEnd(7)}  ${f.values.join(' | ')}`);
      if (f.generalizer) lines.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  (${f.generalizer})`);
    }
    lines.push('');
  }
  lines.push('Changelog:');
  for (const c of cat.changelog) for (const ch of c.changes) lines.push(`  v${c.version}: ${ch}`);
  return lines.join('\n') + '\n';
}

