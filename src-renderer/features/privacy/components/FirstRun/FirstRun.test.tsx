import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeTelemetry } from '../../../../api/testing';
import { renderWithApi } from '../../../../test-utils';
import { FirstRun } from './FirstRun';

const unseen = makeTelemetry({
  consent: { seen: false, master: false, categories: { performance: false, usage: false, diagnostics: false }, source: 'user', lockedReason: null, pendingCategories: [] },
});

describe('FirstRun', () => {
  it('lists every category with its events, all switched off', async () => {
    renderWithApi(<FirstRun />, { telemetry: unseen });
    expect(screen.getByRole('heading', { level: 1, name: 'Before you start: what Glasswing could send' })).toBeTruthy();
    for (const name of ['Performance', 'Usage', 'Diagnostics']) {
      const sw = await screen.findByRole('switch', { name });
      expect(sw.getAttribute('aria-checked')).toBe('false');
    }
    const perf = screen.getByRole('region', { name: 'Performance' });
    expect(await within(perf).findByText('playback.started')).toBeTruthy();
    expect(within(perf).getByText('Tells us how often playback starts without transcoding.')).toBeTruthy();
    expect(screen.getByText('No endpoint configured: nothing will leave this machine.')).toBeTruthy();
  });

  it('Continue turns the master on, then exactly the chosen categories, then marks the screen seen', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApi(<FirstRun />, { telemetry: unseen });
    await user.click(await screen.findByRole('switch', { name: 'Usage' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(fake.callsTo('privacy.markSeen')).toHaveLength(1));
    const writes = fake.calls.filter((c) => c.method !== 'privacy.snapshot' && c.method !== 'privacy.catalog');
    expect(writes).toEqual([
      { method: 'privacy.setMaster', input: { on: true } },
      { method: 'privacy.setCategory', input: { category: 'usage', on: true } },
      { method: 'privacy.markSeen', input: {} },
    ]);
  });

  it('offers sending as its own choice, off, usable once a category is on, and allows it only when turned on', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApi(<FirstRun />, { telemetry: { ...unseen, endpoint: 'https://collector.example/v1/logs' } });
    const send = await screen.findByRole('switch', { name: 'Send allowed events on their own' });
    expect(send.getAttribute('aria-checked')).toBe('false');
    expect((send as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('switch', { name: 'Performance' }));
    expect((send as HTMLButtonElement).disabled).toBe(false);
    await user.click(send);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(fake.callsTo('privacy.markSeen')).toHaveLength(1));
    expect(fake.callsTo('privacy.setNetworkPurpose')).toEqual([{ purpose: 'telemetry-upload', allowed: true }]);
  });

  it('never allows sending when the user left it off', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApi(<FirstRun />, { telemetry: { ...unseen, endpoint: 'https://collector.example/v1/logs' } });
    await user.click(await screen.findByRole('switch', { name: 'Usage' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(fake.callsTo('privacy.markSeen')).toHaveLength(1));
    expect(fake.callsTo('privacy.setNetworkPurpose')).toEqual([]);
  });

  it('with nothing chosen, Continue only marks the screen seen', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApi(<FirstRun />, { telemetry: unseen });
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(fake.callsTo('privacy.markSeen')).toHaveLength(1));
    expect(fake.callsTo('privacy.setMaster')).toHaveLength(0);
    expect(fake.callsTo('privacy.setCategory')).toHaveLength(0);
  });

  it('when consent is decided outside the app, shows why and disables the switches', async () => {
    const locked = makeTelemetry({
      consent: { ...unseen.consent, source: 'do-not-track', lockedReason: 'DO_NOT_TRACK=1 is set, so telemetry stays off.' },
    });
    renderWithApi(<FirstRun />, { telemetry: locked });
    expect(await screen.findByText('DO_NOT_TRACK=1 is set, so telemetry stays off.')).toBeTruthy();
    for (const name of ['Performance', 'Usage', 'Diagnostics']) expect((screen.getByRole('switch', { name }) as HTMLButtonElement).disabled).toBe(true);
  });
});
