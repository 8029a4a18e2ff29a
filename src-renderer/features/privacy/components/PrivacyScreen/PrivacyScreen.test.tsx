import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeEvent, makeQueue, makeTelemetry } from '../../../../api/testing';
import { renderWithApi } from '../../../../test-utils';
import { PrivacyScreen } from './PrivacyScreen';

const body = '{"resourceLogs":[{"scopeLogs":[]}]}';

function withBatch() {
  const events = [makeEvent(), makeEvent()];
  const nextBatch = { endpoint: null, batchId: 'b-9', headers: { 'content-type': 'application/json' }, body, bytes: body.length, eventIds: events.map((e) => e.id) };
  return { events, telemetry: makeTelemetry({ queue: makeQueue(events), nextBatch }) };
}

describe('What we collect, fetching what it shows', () => {
  it('never asks for the encoded next batch while another tab shows, even as the queue changes', async () => {
    const user = userEvent.setup();
    const { events, telemetry } = withBatch();
    const { fake } = renderWithApi(<PrivacyScreen />, { telemetry });
    await user.click(await screen.findByRole('button', { name: `Delete event playback.started ${events[0]!.id.slice(0, 8)}` }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Queued events' })).getAllByRole('listitem')).toHaveLength(1));
    const asked = fake.callsTo('privacy.snapshot').flatMap((input) => input.parts ?? ['every part']);
    expect(asked).toContain('queue');
    expect(asked).not.toContain('nextBatch');
    expect(asked).not.toContain('every part');
  });

  it('asks for the next batch when its tab opens, and no more once it is left', async () => {
    const user = userEvent.setup();
    const { telemetry } = withBatch();
    const { fake } = renderWithApi(<PrivacyScreen />, { telemetry });
    await user.click(await screen.findByRole('tab', { name: 'Next batch' }));
    expect(await screen.findByText('b-9')).toBeTruthy();
    expect(fake.callsTo('privacy.snapshot').filter((input) => input.parts?.includes('nextBatch'))).toHaveLength(1);
    await user.click(screen.getByRole('tab', { name: 'Queue' }));
    await user.click(await screen.findByRole('switch', { name: 'Hold all events' }));
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Hold all events' }).getAttribute('aria-checked')).toBe('true'));
    expect(fake.callsTo('privacy.snapshot').filter((input) => input.parts?.includes('nextBatch'))).toHaveLength(1);
  });
});
