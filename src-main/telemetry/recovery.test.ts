import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../ports.js';
import { openTelemetry, type TelemetryService } from './index.js';
import { noFetch, tempDir } from './test-support/harness.js';

const open: TelemetryService[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

describe('a damaged telemetry.db', () => {
  it('is moved aside, never deleted, and a fresh queue starts with every category off', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'telemetry.db'), 'this is not a database '.repeat(200));
    const t = openTelemetry({ dataDir: dir, appVersion: '0.1.0', clock: new ManualClock(), fetch: noFetch, endpoint: null, env: {}, cliOff: false, policyPath: null });
    open.push(t);
    const snap = t.snapshot();
    expect(snap.consent.master).toBe(false);
    expect(Object.values(snap.consent.categories)).toEqual([false, false, false]);
    expect(snap.queue.events).toEqual([]);
    const aside = fs.readdirSync(dir).filter((f) => /^telemetry\.db\.corrupt-\d{8}T\d{6}Z$/.test(f));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0]!), 'utf8')).toMatch(/^this is not a database/);
    // It keeps working: consent and recording go to the fresh file.
    t.markSeen();
    t.setMaster(true);
    t.setCategory('usage', true);
    t.record('ui.feature_used', { feature: 'search' });
    await t.flush();
    expect(t.snapshot().queue.events).toHaveLength(1);
  });
});
