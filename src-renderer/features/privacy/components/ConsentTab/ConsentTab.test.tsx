import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeEvent, makeQueue, makeTelemetry } from '../../../../api/testing';
import { renderWithApi } from '../../../../test-utils';
import { PrivacyScreen } from '../PrivacyScreen/PrivacyScreen';

async function openConsent() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('tab', { name: 'Consent' }));
  return user;
}

/** What assistive tech reads after an element's name: the text of the elements its aria-describedby names. */
function description(el: HTMLElement): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('Consent tab', () => {
  it('turning a category off says how many queued events it deleted', async () => {
    const events = Array.from({ length: 12 }, () => makeEvent());
    const { fake } = renderWithApi(<PrivacyScreen />, { telemetry: makeTelemetry({ queue: makeQueue(events, { dropped: 0, invalid: 0 }) }) });
    const user = await openConsent();
    expect(screen.getByText('You')).toBeTruthy();
    await user.click(screen.getByRole('switch', { name: 'Performance' }));
    expect(fake.callsTo('privacy.setCategory')).toEqual([{ category: 'performance', on: false }]);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('12 queued events deleted'));
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Performance' }).getAttribute('aria-checked')).toBe('false'));
  });

  it('uses the singular and the zero wording', async () => {
    const { fake } = renderWithApi(<PrivacyScreen />, { telemetry: makeTelemetry({ queue: makeQueue([makeEvent()]) }) });
    const user = await openConsent();
    await user.click(screen.getByRole('switch', { name: 'Performance' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 queued event deleted'));
    await user.click(screen.getByRole('switch', { name: 'All telemetry' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('No queued events deleted'));
    expect(fake.callsTo('privacy.setMaster')).toEqual([{ on: false }]);
  });

  it('when locked by DO_NOT_TRACK, names the source, gives the reason and disables every switch', async () => {
    renderWithApi(<PrivacyScreen />, {
      telemetry: makeTelemetry({
        consent: { seen: true, master: false, categories: { performance: false, usage: false, diagnostics: false }, source: 'do-not-track', lockedReason: 'DO_NOT_TRACK=1 is set in the environment.', pendingCategories: [] },
      }),
    });
    await openConsent();
    expect(screen.getAllByText('DO_NOT_TRACK').length).toBeGreaterThan(0);
    expect(screen.getByText('DO_NOT_TRACK=1 is set in the environment.')).toBeTruthy();
    for (const name of ['All telemetry', 'Performance', 'Usage', 'Diagnostics']) expect((screen.getByRole('switch', { name }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('while the master switch is off, shows every category off and disabled, says why, and brings the choices back with it', async () => {
    const { fake } = renderWithApi(<PrivacyScreen />);
    const user = await openConsent();
    await user.click(screen.getByRole('switch', { name: 'All telemetry' }));
    await waitFor(() => expect(screen.getByRole('switch', { name: 'All telemetry' }).getAttribute('aria-checked')).toBe('false'));
    for (const name of ['Performance', 'Usage', 'Diagnostics']) {
      const toggle = screen.getByRole('switch', { name }) as HTMLButtonElement;
      expect(toggle.getAttribute('aria-checked')).toBe('false');
      expect(toggle.disabled).toBe(true);
      expect(description(toggle)).toMatch(/All telemetry is off, so every category is off/);
    }
    await user.click(screen.getByRole('switch', { name: 'All telemetry' }));
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Performance' }).getAttribute('aria-checked')).toBe('true'));
    expect((screen.getByRole('switch', { name: 'Performance' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByRole('switch', { name: 'Usage' }).getAttribute('aria-checked')).toBe('false');
    expect(screen.queryByText(/All telemetry is off, so every category is off/)).toBeNull();
    expect(fake.callsTo('privacy.setCategory')).toEqual([]);
  });
});
