import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/errors';
import { createFakeApi, defaultFakeSettings } from '../../../api/testing';
import { settingsStoreOf, shownSettings } from './settingsStore';

/** A settings.update whose replies the test releases one by one, in any order. */
function heldUpdates() {
  const replies: Array<{ ok: () => void; fail: () => void }> = [];
  const fake = createFakeApi(
    {},
    {
      'settings.update': (patch) =>
        new Promise((resolve, reject) => {
          replies.push({ ok: () => resolve({ ...fake.state.settings, ...patch } as typeof fake.state.settings), fail: () => reject(new ApiError('internal', 'No.')) });
        }),
    },
  );
  return { fake, replies };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('settings store', () => {
  it('shows a change at once, and a later change to the same setting wins over an earlier refusal', async () => {
    const { fake, replies } = heldUpdates();
    const store = settingsStoreOf(fake.client);
    store.start();
    await tick();
    const first = store.update({ transcodeQuality: '720p' });
    const second = store.update({ transcodeQuality: '480p' });
    expect(shownSettings(store.state.get())?.transcodeQuality).toBe('480p');
    replies[0]!.fail();
    await first;
    expect(shownSettings(store.state.get())?.transcodeQuality).toBe('480p');
    replies[1]!.ok();
    await second;
    expect(shownSettings(store.state.get())?.transcodeQuality).toBe('480p');
    expect(store.state.get().pending).toEqual({});
  });

  it('fetches once however often it is started', async () => {
    const { fake } = heldUpdates();
    const store = settingsStoreOf(fake.client);
    store.start();
    store.start();
    await tick();
    expect(fake.callsTo('settings.get')).toHaveLength(1);
    expect(store.state.get().saved).toEqual(defaultFakeSettings());
  });
});
