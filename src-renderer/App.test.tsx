import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTelemetry } from './api/testing';
import { App } from './App';
import { renderWithApi } from './test-utils';

beforeEach(() => {
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
});

describe('App', () => {
  it('shows first-run consent until it has been seen, then the library', async () => {
    const user = userEvent.setup();
    renderWithApi(<App />, {
      telemetry: makeTelemetry({ consent: { seen: false, master: false, categories: { performance: false, usage: false, diagnostics: false }, source: 'user', lockedReason: null, pendingCategories: [] } }),
    });
    expect(await screen.findByRole('heading', { name: 'Before you start: what Glasswing could send' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Library' })).toBeTruthy();
  });

  it('a tile click opens the player, which keeps playing on What we collect', async () => {
    const user = userEvent.setup();
    renderWithApi(<App />);
    await user.click(await screen.findByRole('button', { name: 'Play Night Train (1998)' }));
    const player = await screen.findByRole('region', { name: 'Player' });
    expect(within(player).getByLabelText('Video player')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('button', { name: 'What we collect' }));
    expect(screen.getByRole('heading', { level: 1, name: 'What we collect' })).toBeTruthy();
    expect(within(nav).getByRole('button', { name: 'What we collect' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('region', { name: 'Player' })).toBe(player);
    await user.click(screen.getByRole('button', { name: 'Close player' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Player' })).toBeNull());
  });

  it('g then w and g then l switch screens', async () => {
    const user = userEvent.setup();
    renderWithApi(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Library' });
    await user.keyboard('gw');
    expect(screen.getByRole('heading', { level: 1, name: 'What we collect' })).toBeTruthy();
    await user.keyboard('gl');
    expect(screen.getByRole('heading', { level: 1, name: 'Library' })).toBeTruthy();
  });
});
