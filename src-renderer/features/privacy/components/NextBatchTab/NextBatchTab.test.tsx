import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeTelemetry } from '../../../../api/testing';
import { renderWithApi } from '../../../../test-utils';
import { PrivacyScreen } from '../PrivacyScreen/PrivacyScreen';

describe('Next batch tab', () => {
  it('says nothing will leave when no endpoint is configured', async () => {
    const user = userEvent.setup();
    renderWithApi(<PrivacyScreen />);
    await user.click(await screen.findByRole('tab', { name: 'Next batch' }));
    expect(screen.getByText('No endpoint configured: nothing will leave this machine.')).toBeTruthy();
  });

  it('shows the exact body raw and pretty, headers, size and batch id', async () => {
    const user = userEvent.setup();
    const body = '{"resourceLogs":[{"scopeLogs":[]}]}';
    renderWithApi(<PrivacyScreen />, {
      telemetry: makeTelemetry({
        endpoint: 'http://127.0.0.1:4318/v1/logs',
        nextBatch: { endpoint: 'http://127.0.0.1:4318/v1/logs', batchId: 'b-123', headers: { 'content-type': 'application/json' }, body, bytes: body.length, eventIds: ['x'] },
      }),
    });
    await user.click(await screen.findByRole('tab', { name: 'Next batch' }));
    expect(screen.getByText('b-123')).toBeTruthy();
    expect(screen.getByText('content-type: application/json')).toBeTruthy();
    expect(screen.getByText(`${body.length} bytes`)).toBeTruthy();
    expect(screen.getByLabelText('Batch body, pretty-printed').textContent).toContain('\n  "resourceLogs"');
    await user.click(screen.getByRole('button', { name: 'Raw' }));
    expect(screen.getByLabelText('Batch body, exact bytes').textContent).toBe(body);
  });
});
