import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApi } from '../../../../test-utils';
import { PrivacyScreen } from '../PrivacyScreen/PrivacyScreen';

describe('Network tab', () => {
  it('says "No network traffic" when nothing is enabled and nothing was requested', async () => {
    const user = userEvent.setup();
    renderWithApi(<PrivacyScreen />);
    await user.click(await screen.findByRole('tab', { name: 'Network' }));
    expect(screen.getByText('No network traffic')).toBeTruthy();
  });

  it('shows uploads off until the user turns them on, then switches them on and off with their own toggle', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApi(<PrivacyScreen />);
    await user.click(await screen.findByRole('tab', { name: 'Network' }));
    const toggle = screen.getByRole('switch', { name: 'Allow Telemetry upload' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(screen.getByText(/Off until you turn it on/)).toBeTruthy();
    await user.click(toggle);
    expect((await screen.findByRole('switch', { name: 'Allow Telemetry upload' })).getAttribute('aria-checked')).toBe('true');
    await user.click(screen.getByRole('switch', { name: 'Allow Telemetry upload' }));
    expect(fake.callsTo('privacy.setNetworkPurpose')).toEqual([
      { purpose: 'telemetry-upload', allowed: true },
      { purpose: 'telemetry-upload', allowed: false },
    ]);
    expect((await screen.findByRole('switch', { name: 'Allow Telemetry upload' })).getAttribute('aria-checked')).toBe('false');
  });

  it('moves between tabs with the arrow keys', async () => {
    const user = userEvent.setup();
    renderWithApi(<PrivacyScreen />);
    const queue = await screen.findByRole('tab', { name: 'Queue' });
    queue.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Next batch' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Next batch' }));
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Your stats' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Catalog' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText('Changelog')).toBeTruthy();
  });
});
