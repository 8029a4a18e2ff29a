import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENTS } from '../event-catalog/index.js';
import { BEGIN_MARKER, END_MARKER, generatedBlock } from './collector-allowlist.js';

const config = fs.readFileSync(path.resolve(import.meta.dirname, '../../deploy/otel-collector/config.yaml'), 'utf8');

describe('deploy/otel-collector/config.yaml', () => {
  it('holds the allowlist generated from the current catalog (run scripts/gen-collector-allowlist.ts)', () => {
    const start = config.indexOf(`  ${BEGIN_MARKER}`);
    const end = config.indexOf(`  ${END_MARKER}`) + `  ${END_MARKER}`.length;
    expect(start).toBeGreaterThan(0);
    expect(config.slice(start, end)).toBe(generatedBlock());
  });

  it("keeps exactly each event's catalog fields plus event.name and glasswing.batch.id, and nothing for other events", () => {
    // Read back from the YAML text itself, independently of the generator.
    const rules = [...config.matchAll(/keep_keys\(attributes, \[([^\]]*)\]\) where attributes\["event\.name"\] == "([^"]+)"/g)].map((m) => ({
      event: m[2]!,
      keys: JSON.parse(`[${m[1]}]`) as string[],
    }));
    expect(rules.map((r) => r.event).sort()).toEqual(EVENTS.map((e) => e.name).sort());
    for (const ev of EVENTS) {
      expect(rules.find((r) => r.event === ev.name)!.keys.sort(), ev.name).toEqual(['event.name', 'glasswing.batch.id', ...ev.fields.map((f) => f.name)].sort());
    }
    const allKeys = new Set(rules.flatMap((r) => r.keys));
    expect([...allKeys].sort()).toEqual([...new Set(['event.name', 'glasswing.batch.id', ...EVENTS.flatMap((e) => e.fields.map((f) => f.name))])].sort());
    const pattern = /IsMatch\(attributes\["event\.name"\], "([^"]+)"\)/.exec(config)![1]!.replace(/\\\\/g, '\\');
    const re = new RegExp(pattern);
    for (const ev of EVENTS) expect(re.test(ev.name)).toBe(true);
    for (const other of ['playback.shape', 'app_started', 'x', 'playback.started.extra']) expect(re.test(other)).toBe(false);
    expect(config).toMatch(/keep_keys\(attributes, \["service\.name", "service\.version", "glasswing\.catalog\.version"\]\)/);
  });

  it('receives OTLP/HTTP on 4318 in a logs-only pipeline with memory_limiter first and batch before export', () => {
    expect(config).toMatch(/endpoint: 0\.0\.0\.0:4318/);
    expect(config).toMatch(/processors: \[memory_limiter, filter\/catalog, transform\/catalog, attributes\/delivery, batch\]/);
    expect(config).not.toMatch(/^\s{4}(traces|metrics):/m);
  });
});
