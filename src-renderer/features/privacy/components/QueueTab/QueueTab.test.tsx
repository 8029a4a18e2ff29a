import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeEvent, makeQueue, makeTelemetry } from '../../../../api/testing';
import { renderWithApi } from '../../../../test-utils';
import { PrivacyScreen } from '../PrivacyScreen/PrivacyScreen';

function withEvents() {
  const a = makeEvent();
  const b = makeEvent({ name: 'app.opened', category: 'usage', purpose: 'Counts app launches.', fields: [], status: 'ready' });
  const c = makeEvent({ name: 'playback.failed', category: 'diagnostics', fields: [{ name: 'error', value: 'decode', label: 'could not decode' }] });
  const events = [a, b, c];
  return { a, b, c, telemetry: makeTelemetry({ queue: makeQueue(events, { dropped: 2, invalid: 1 }) }) };
}

describe('Queue tab', () => {
  it('shows each queued event with its purpose, field labels, precision, linkability and status', async () => {
    const { telemetry } = withEvents();
    renderWithApi(<PrivacyScreen />, { telemetry });
    const list = await screen.findByRole('list', { name: 'Queued events' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    const first = rows[0]!;
    expect(within(first).getByText('playback.started')).toBeTruthy();
    expect(within(first).getByText('duration: 60–90 min')).toBeTruthy();
    expect(within(first).getByText('decision: Direct play')).toBeTruthy();
    expect(within(first).getByText(/to the hour/)).toBeTruthy();
    // The linkability note, the same for every event, is said once for the queue rather than in every row.
    expect(screen.getByText('Every event: tied to nothing but its batch')).toBeTruthy();
    expect(within(first).getByText(/^In review until (\d+ \w{3}( \d{4})? )?\d\d:\d\d/)).toBeTruthy();
    expect(within(rows[1]!).getByText('Ready to send')).toBeTruthy();
    expect(screen.getByText('Dropped').nextSibling?.textContent).toBe('2');
    expect(screen.getByText('Invalid').nextSibling?.textContent).toBe('1');
  });

  it('says each event type\'s purpose once, not on every row', async () => {
    const purpose = 'Tells us how often playback starts without transcoding.';
    const events = [makeEvent(), makeEvent(), makeEvent(), makeEvent({ name: 'app.opened', category: 'usage', purpose: 'Counts app launches.', fields: [] })];
    renderWithApi(<PrivacyScreen />, { telemetry: makeTelemetry({ queue: makeQueue(events) }) });
    const list = await screen.findByRole('list', { name: 'Queued events' });
    const types = screen.getByRole('region', { name: 'What these events are for' });
    expect(within(types).getAllByText(purpose)).toHaveLength(1);
    expect(within(types).getByText('Counts app launches.')).toBeTruthy();
    expect(within(types).getByText('3 events')).toBeTruthy();
    expect(within(list).queryByText(purpose)).toBeNull();
    expect(screen.getAllByText(/tied to nothing but its batch/)).toHaveLength(1);
  });

  it('keeps a linkability note in each row, whole, when the events do not share one', async () => {
    const events = [makeEvent({ linkability: 'tied to nothing but its batch' }), makeEvent({ linkability: 'tied to its batch and to the hour it was recorded' })];
    renderWithApi(<PrivacyScreen />, { telemetry: makeTelemetry({ queue: makeQueue(events) }) });
    const rows = within(await screen.findByRole('list', { name: 'Queued events' })).getAllByRole('listitem');
    expect(within(rows[0]!).getByText('tied to nothing but its batch')).toBeTruthy();
    expect(within(rows[1]!).getByText('tied to its batch and to the hour it was recorded')).toBeTruthy();
    expect(screen.queryByText(/^Every event:/)).toBeNull();
  });

  it('deletes one event with its row button and the list updates live', async () => {
    const user = userEvent.setup();
    const { a, telemetry } = withEvents();
    const { fake } = renderWithApi(<PrivacyScreen />, { telemetry });
    await user.click(await screen.findByRole('button', { name: `Delete event playback.started ${a.id.slice(0, 8)}` }));
    expect(fake.callsTo('privacy.deleteEvents')).toEqual([{ ids: [a.id] }]);
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Queued events' })).getAllByRole('listitem')).toHaveLength(2));
    expect(screen.getByRole('status').textContent).toBe('1 event deleted');
  });

  it('deletes the selected events together', async () => {
    const user = userEvent.setup();
    const { a, c, telemetry } = withEvents();
    const { fake } = renderWithApi(<PrivacyScreen />, { telemetry });
    await user.click(await screen.findByRole('checkbox', { name: `Select playback.started ${a.id.slice(0, 8)}` }));
    await user.click(screen.getByRole('checkbox', { name: `Select playback.failed ${c.id.slice(0, 8)}` }));
    await user.click(screen.getByRole('button', { name: /Delete selected/ }));
    expect(fake.callsTo('privacy.deleteEvents')).toEqual([{ ids: [a.id, c.id] }]);
  });

  it('filters by category and searches by event name', async () => {
    const user = userEvent.setup();
    const { telemetry } = withEvents();
    renderWithApi(<PrivacyScreen />, { telemetry });
    await screen.findByRole('list', { name: 'Queued events' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Category' }), 'usage');
    let rows = within(screen.getByRole('list', { name: 'Queued events' })).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('code')?.textContent)).toEqual(['app.opened']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Category' }), 'all');
    await user.type(screen.getByRole('searchbox', { name: 'Search events' }), 'failed');
    await waitFor(() => {
      rows = within(screen.getByRole('list', { name: 'Queued events' })).getAllByRole('listitem');
      expect(rows.map((r) => r.querySelector('code')?.textContent)).toEqual(['playback.failed']);
    });
  });

  it('hold all and send now call main', async () => {
    const user = userEvent.setup();
    const { telemetry } = withEvents();
    const { fake } = renderWithApi(<PrivacyScreen />, { telemetry });
    await user.click(await screen.findByRole('switch', { name: 'Hold all events' }));
    expect(fake.callsTo('privacy.setHold')).toEqual([{ on: true }]);
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Hold all events' }).getAttribute('aria-checked')).toBe('true'));
    await user.click(screen.getByRole('button', { name: 'Send now' }));
    expect(await screen.findByText('No endpoint configured: nothing was sent.')).toBeTruthy();
  });

  it('says so when the queue is empty', async () => {
    renderWithApi(<PrivacyScreen />);
    expect(await screen.findByText('No events queued')).toBeTruthy();
  });

  it('windows 10,000 events: only the visible rows are in the DOM', async () => {
    const events = Array.from({ length: 10_000 }, (_, i) => makeEvent({ id: `${String(i).padStart(8, '0')}-x` }));
    renderWithApi(<PrivacyScreen />, { telemetry: makeTelemetry({ queue: makeQueue(events, { dropped: 0, invalid: 0 }) }) });
    const list = await screen.findByRole('list', { name: 'Queued events' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('10000');
  });
});
