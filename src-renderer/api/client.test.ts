import { describe, expect, it } from 'vitest';
import { callNames } from '../../src-main/contract/api';
import { createClient } from './client';
import type { Transport } from './transport';

describe('createClient', () => {
  it('has a method for every call in the contract, and passes input through unchanged', async () => {
    const seen: Array<[string, unknown]> = [];
    const transport: Transport = {
      invoke: async (method, input) => {
        seen.push([method, input]);
        return { ok: true, value: {} };
      },
      on: () => () => {},
    };
    const client = createClient(transport) as unknown as Record<string, (i: unknown) => Promise<unknown>>;
    for (const name of callNames) expect(typeof client[name]).toBe('function');
    await client['privacy.setHold']!({ on: true });
    expect(seen).toEqual([['privacy.setHold', { on: true }]]);
  });

  it('drops pushed events whose payload does not match the contract', () => {
    let push: (p: unknown) => void = () => {};
    const client = createClient({ invoke: async () => ({ ok: true, value: {} }), on: (_e, cb) => ((push = cb), () => {}) });
    const got: unknown[] = [];
    client.on('onDidChangeScanProgress', (p) => got.push(p));
    push({ phase: 'nonsense' });
    push({ phase: 'walking', seen: 1, parsed: 0, failed: 0, unchanged: 0, currentFolder: null, ratePerSec: null, etaSec: null });
    expect(got).toHaveLength(1);
  });
});
