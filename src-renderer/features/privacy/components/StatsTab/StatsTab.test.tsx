import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApi } from '../../../../test-utils';
import { PrivacyScreen } from '../PrivacyScreen/PrivacyScreen';

describe('Your stats tab', () => {
  it('shows local figures, marked as never sent', async () => {
    const user = userEvent.setup();
    renderWithApi(<PrivacyScreen />, {}, {
        'stats.get': () => ({
          weeks: [
            { weekStart: '2026-11-16', hours: 1.5 },
            { weekStart: '2026-11-23', hours: 3 },
          ],
          modes: { direct: 3, remux: 0, transcode: 1 },
          growth: [
            { date: '2026-11-20', items: 10 },
            { date: '2026-11-23', items: 14 },
          ],
        }),
    });
    await user.click(await screen.findByRole('tab', { name: 'Your stats' }));
    expect(await screen.findByText('Never sent.')).toBeTruthy();
    expect(screen.getByRole('row', { name: /Week of 2026-11-23/ }).textContent).toContain('3.0 h');
    expect(screen.getByText('Direct play: 75 % (3)')).toBeTruthy();
    expect(screen.getByText(/14 items on 2026-11-23, from 10 on 2026-11-20/)).toBeTruthy();
  });

  it('shows minutes of playback as minutes, never as 0.0 h', async () => {
    const user = userEvent.setup();
    renderWithApi(<PrivacyScreen />, {}, {
      'stats.get': () => ({
        weeks: [
          { weekStart: '2026-11-09', hours: 0 },
          { weekStart: '2026-11-16', hours: 20 / 3600 },
          { weekStart: '2026-11-23', hours: 12 / 60 },
        ],
        modes: { direct: 2, remux: 0, transcode: 0 },
        growth: [],
      }),
    });
    await user.click(await screen.findByRole('tab', { name: 'Your stats' }));
    expect((await screen.findByRole('row', { name: /Week of 2026-11-23/ })).textContent).toContain('12 min');
    expect(screen.getByRole('row', { name: /Week of 2026-11-16/ }).textContent).toContain('under 1 min');
    expect(screen.getByRole('row', { name: /Week of 2026-11-09/ }).textContent).toContain('0 h');
    expect(screen.getByRole('table').textContent).not.toContain('0.0 h');
  });
});
