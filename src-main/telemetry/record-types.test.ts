import { describe, expect, expectTypeOf, it } from 'vitest';
import { EVENTS, type RecordTelemetry, type TelemetryEventName, type TelemetryFields } from '../event-catalog/index.js';
import { compileCatalog } from './catalog-model.js';
import type { Generalized } from './generalize.js';
import { generalizeEvent } from './record.js';
import type { TelemetryService } from './service.js';

// The `@ts-expect-error` lines below are the test: `npx tsc -p tsconfig.tools.json` fails if any of them compiles.

/** One raw input per event, written as its callers write it (process.platform, raw ffprobe names, null where declared). */
const samples: { [N in TelemetryEventName]: TelemetryFields<N> } = {
  'app.started': { appVersion: '0.1.3', osFamily: process.platform, localeRegion: 'en-US' },
  'library.scan_completed': { itemCount: 120, durationSec: 42.5, failureCount: 0 },
  'playback.started': { kind: 'track', container: 'MPEG', videoCodec: null, audioCodec: 'MPEG 1 Layer 3', resolution: null, duration: null, mode: 'direct' },
  'playback.failed': { errorClass: 'decode' },
  'playback.transcode_speed': { speed: 1.4, hardwareClass: 'software' },
  'ui.feature_used': { feature: 'search' },
};

describe('record() is typed by the catalog', () => {
  const catalog = compileCatalog();

  it('is the signature TelemetryService.record has', () => {
    expectTypeOf<TelemetryService['record']>().toEqualTypeOf<RecordTelemetry>();
  });

  it('types every declared event, and what the types accept the generalizer accepts at run time', () => {
    expect(Object.keys(samples).sort()).toEqual(EVENTS.map((e) => e.name).sort());
    for (const [name, raw] of Object.entries(samples)) expect(generalizeEvent(catalog, name, raw), name).not.toBeNull();
  });

  it('does not compile a misspelt event, a missing, undeclared or foreign field, or a wrong value; run time refuses them too', () => {
    const results: (Generalized | null)[] = [];
    const record: RecordTelemetry = (type, rawFields) => void results.push(generalizeEvent(catalog, type, rawFields));
    // @ts-expect-error: a misspelt event name
    record('playback.stated', { errorClass: 'decode' });
    // @ts-expect-error: an undeclared field (a path)
    record('playback.failed', { errorClass: 'decode', path: '/home/alice/Movies/Secret Film (1999).mkv' });
    // @ts-expect-error: a missing field
    record('playback.transcode_speed', { speed: 1.2 });
    // @ts-expect-error: a field of another event
    record('ui.feature_used', { errorClass: 'decode' });
    // @ts-expect-error: a value a plain enum does not list
    record('playback.failed', { errorClass: 'segfault' });
    // @ts-expect-error: a bucket takes the raw number
    record('library.scan_completed', { itemCount: '120', durationSec: 1, failureCount: 0 });
    // @ts-expect-error: null only where the field declares what it stands for
    record('playback.transcode_speed', { speed: null, hardwareClass: 'software' });
    expect(results).toEqual([null, null, null, null, null, null, null]);
  });
});
