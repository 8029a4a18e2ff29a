import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../contract/index.js';
import { CATALOG_VERSION, CHANGELOG, EVENTS, type BucketField, type EventSpec } from '../event-catalog/index.js';
import { catalogDto, catalogDump, checkCatalog, checkMediaNumbers, UNIQUENESS_CEILING, uniqueness } from './catalog-model.js';
import { generalizeField, storedValues } from './generalize.js';

// The team's shared data sits beside the repository (`../shared`), in CI as on a developer's machine.
const RUNTIMES = path.resolve(import.meta.dirname, '../../../shared/data/runtimes/cmu-movie-runtimes.tsv');

describe('event catalog', () => {
  it('passes every structural check (media numbers generalized, edges ascending, uniqueness ceiling)', () => {
    expect(checkCatalog(EVENTS)).toEqual([]);
  });

  it('declares exactly the player events, each with a purpose sentence', () => {
    expect(EVENTS.map((e) => e.name).sort()).toEqual(
      ['app.started', 'library.scan_completed', 'playback.failed', 'playback.started', 'playback.transcode_speed', 'ui.feature_used'].sort(),
    );
    for (const e of EVENTS) expect(e.purpose).toMatch(/^[A-Z].+\.$/);
  });

  it('rejects a media-derived number that is not a generalized bucket', () => {
    const bad: EventSpec[] = [
      {
        name: 'x.bad',
        category: 'usage',
        purpose: 'Bad.',
        fields: [
          { type: 'count', name: 'bitrateKbps', description: '', max: 10 },
          { type: 'enum', name: 'frameWidth', description: '', values: ['a', 'other'] },
          { type: 'bucket', name: 'fileSize', description: '', edges: [1], unit: 'B', generalizer: 'nope' as never },
          { type: 'bucket', name: 'fps', description: '', edges: [30], unit: 'fps', generalizer: 'countBucket' },
        ],
      },
    ];
    expect(checkMediaNumbers(bad)).toEqual(['x.bad.bitrateKbps', 'x.bad.frameWidth', 'x.bad.fileSize']);
  });

  it('keeps every event under the uniqueness ceiling and shows the same number in the Catalog DTO', () => {
    const dto = catalogDto();
    for (const ev of EVENTS) {
      const product = ev.fields.reduce((n, f) => n * storedValues(f).length, 1);
      expect(uniqueness(ev)).toBe(product);
      expect(product).toBeLessThanOrEqual(UNIQUENESS_CEILING);
      expect(dto.events.find((e) => e.name === ev.name)?.uniqueness).toBe(product);
    }
  });

  it('states the budget: playback.started, the largest event, is exactly at the ceiling of 70,560', () => {
    const started = EVENTS.find((e) => e.name === 'playback.started')!;
    expect(started.fields.map((f) => f.name)).toEqual(['kind', 'container', 'videoCodec', 'audioCodec', 'resolution', 'duration', 'mode']);
    expect(started.fields.map((f) => storedValues(f).length)).toEqual([2, 7, 6, 8, 5, 7, 3]);
    expect(uniqueness(started)).toBe(70_560);
    expect(UNIQUENESS_CEILING).toBe(70_560);
    expect(Math.max(...EVENTS.filter((e) => e !== started).map(uniqueness))).toBeLessThan(1000);
  });

  it('produces a Catalog DTO the contract accepts, with a changelog entry for the current version', () => {
    const dto = Catalog.parse(catalogDto());
    expect(dto.version).toBe(CATALOG_VERSION);
    expect(CHANGELOG.map((c) => c.version)).toContain(CATALOG_VERSION);
    expect(dto.events.flatMap((e) => e.fields).every((f) => ['enum', 'boolean', 'bucket', 'count'].includes(f.type))).toBe(true);
  });

  it('dumps the catalog as JSON and as a table naming every event and field', () => {
    expect(Catalog.parse(JSON.parse(catalogDump({ json: true })))).toEqual(catalogDto());
    const table = catalogDump({ json: false });
    for (const ev of EVENTS) {
      expect(table).toContain(ev.name);
      for (const f of ev.fields) expect(table).toContain(f.name);
    }
  });

  it('hides a film among at least 500 others in every duration bucket (61,291 real runtimes)', () => {
    const field = EVENTS.find((e) => e.name === 'playback.started')!.fields.find((f) => f.name === 'duration') as BucketField;
    const lines = fs.readFileSync(RUNTIMES, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('wikipedia_id\ttitle\trelease\truntime_minutes');
    // Every length bucket; 'unknown' (no length known) is not one, it says nothing about a title.
    const counts = new Map<string, number>(storedValues(field).filter((v) => v !== field.nullAs?.token).map((v) => [String(v), 0]));
    for (const line of lines.slice(1)) {
      const minutes = Number(line.split('\t')[3]);
      const bucket = generalizeField(field, minutes * 60); // the field takes raw seconds
      counts.set(String(bucket), (counts.get(String(bucket)) ?? 0) + 1);
    }
    expect(lines.length - 1).toBe(61_291);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(61_291);
    for (const [bucket, n] of counts) expect(n, `bucket ${bucket}`).toBeGreaterThanOrEqual(500);
  });
});
