import { describe, expect, it } from 'vitest';
import { makeTelemetry } from '../../../api/testing';
import { catalogEventsIn, chosenCategories, recordingCategories } from './consent';

describe('consent model', () => {
  const consent = makeTelemetry().consent;

  it('records the categories that are on, and none while the master switch is off', () => {
    expect(recordingCategories({ ...consent, categories: { performance: true, usage: false, diagnostics: true } })).toEqual(['performance', 'diagnostics']);
    expect(recordingCategories({ ...consent, master: false })).toEqual([]);
  });

  it('turns on what was chosen on first run, in catalog order, and nothing when locked', () => {
    const chosen = { performance: false, usage: true, diagnostics: true };
    expect(chosenCategories(chosen, false)).toEqual(['usage', 'diagnostics']);
    expect(chosenCategories(chosen, true)).toEqual([]);
  });

  it('lists the catalog events of one category, and none before the catalog has loaded', () => {
    const catalog = {
      version: 1,
      changelog: [],
      events: [
        { name: 'app.opened', category: 'usage' as const, purpose: 'Counts app launches.', uniqueness: 1, fields: [] },
        { name: 'scan.done', category: 'performance' as const, purpose: 'Times scans.', uniqueness: 1, fields: [] },
      ],
    };
    expect(catalogEventsIn(catalog, 'usage').map((e) => e.name)).toEqual(['app.opened']);
    expect(catalogEventsIn(null, 'usage')).toEqual([]);
  });
});
