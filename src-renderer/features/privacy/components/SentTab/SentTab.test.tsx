import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeTelemetry } from '../../../../api/testing';
import { renderWithApi } from '../../../../test-utils';
import { PrivacyScreen } from '../PrivacyScreen/PrivacyScreen';

const entry = { seq: 1, batchId: 'b1', sentAt: '2025-03-01T14:05:00.000Z', endpoint: 'http://127.0.0.1:4318/v1/logs', bytes: 812, sha256: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', prevHash: '0'.repeat(64), entryHash: 'f'.repeat(64), status: 200, reply: '{}', body: '{}', eventCount: 3 };

describe('Sent tab', () => {
  it('lists ledger entries and verifies the chain', async () => {
    const user = userEvent.setup();
    renderWithApi(<PrivacyScreen />, { telemetry: makeTelemetry({ ledger: [entry] }) });
    await user.click(await screen.findByRole('tab', { name: 'Sent' }));
    expect(screen.getByText('a1b2c3d4e5f6')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    expect((await screen.findByRole('status')).textContent).toBe('Chain OK: 1 entry');
  });

  it('names the entry where the chain breaks', async () => {
    const user = userEvent.setup();
    renderWithApi(<PrivacyScreen />, { telemetry: makeTelemetry({ ledger: [entry] }) }, {
      'privacy.verifyLedger': () => ({ ok: false, entries: 4, brokenAt: 3, message: 'hash does not match its bytes' }),
    });
    await user.click(await screen.findByRole('tab', { name: 'Sent' }));
    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    expect((await screen.findByRole('status')).textContent).toBe('Chain broken at entry 3: hash does not match its bytes');
  });
});
