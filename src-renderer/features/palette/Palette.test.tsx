import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeLibrary, makeMovie } from '../../api/testing';
import { useRoute } from '../../app';
import { renderScreen } from '../../test-utils';
import { SearchScreen } from '../search';
import type { PlayerAction } from '../player/model/keys';
import { PaletteHost } from './PaletteHost';
import { usePlayerCommands } from './usePlayerCommands';

const movie = makeMovie({ title: 'Night Train' });
const library = makeLibrary({ movies: [movie, makeMovie({ title: 'Paper Moon' })] });

/** The palette in a shell of its own: something focusable before it, and Search when the route says so. */
function Harness() {
  const route = useRoute();
  return (
    <>
      <button type="button">Before</button>
      {route.screen === 'search' ? <SearchScreen query={route.query} /> : null}
      <PaletteHost />
    </>
  );
}

function setup(hash = '#/') {
  window.history.replaceState(null, '', hash);
  const user = userEvent.setup();
  const result = renderScreen(<Harness />, { library });
  return { user, ...result };
}

async function openWith(user: ReturnType<typeof userEvent.setup>, chord = '{Control>}k{/Control}') {
  screen.getByRole('button', { name: 'Before' }).focus();
  await user.keyboard(chord);
  return screen.getByRole('dialog', { name: 'Command palette' });
}

const selected = () => screen.getAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true');

afterEach(() => window.history.replaceState(null, '', '#/'));

describe('PaletteHost', () => {
  it.each([
    ['Ctrl+K', '{Control>}k{/Control}'],
    ['Cmd+K', '{Meta>}k{/Meta}'],
  ])('opens on %s with the caret in its field, and Esc closes it and gives focus back without going Back', async (_name, chord) => {
    const { user } = setup('#/movies');
    const dialog = await openWith(user, chord);
    const field = within(dialog).getByRole('combobox', { name: 'Type a command, or search the library' });
    expect(document.activeElement).toBe(field);
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(field.getAttribute('aria-controls')).toBe(within(dialog).getByRole('listbox').id);
    const seenByShell = vi.fn();
    document.addEventListener('keydown', seenByShell);
    await user.keyboard('{Tab}');
    expect(document.activeElement).toBe(field);
    await user.keyboard('{Escape}');
    document.removeEventListener('keydown', seenByShell);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Before' }));
    expect(seenByShell.mock.calls.some(([e]) => (e as KeyboardEvent).key === 'Escape')).toBe(false);
    expect(window.location.hash).toBe('#/movies');
  });

  it('lists every action with its shortcut, grouped, when nothing is typed', async () => {
    const { user } = setup();
    const dialog = await openWith(user);
    expect(within(dialog).getAllByRole('group').map((g) => g.getAttribute('aria-labelledby') && document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent)).toEqual([
      'Go to',
      'Library',
      'Appearance',
    ]);
    const movies = within(dialog).getByRole('option', { name: /Go to Movies/ });
    expect([...movies.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['g', 'm']);
    for (const name of ['Go to Home', 'Go to Search', 'Settings: Keyboard shortcuts', 'Open What we collect', 'Scan all folders', 'Theme: dark']) {
      expect(within(dialog).getByRole('option', { name: new RegExp(name) })).toBeTruthy();
    }
  });

  it.each(['gmv', 'movi'])('matches fuzzily: "%s" puts Go to Movies first, and Enter goes there and closes', async (typed) => {
    const { user } = setup();
    const dialog = await openWith(user);
    await user.keyboard(typed);
    const first = selected()!;
    expect(first.textContent).toContain('Go to Movies');
    expect(within(dialog).getByRole('combobox').getAttribute('aria-activedescendant')).toBe(first.id);
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(window.location.hash).toBe('#/movies'));
  });

  it('moves through the options with the arrows, wrapping at the ends', async () => {
    const { user } = setup();
    await openWith(user);
    const options = screen.getAllByRole('option');
    await user.keyboard('{ArrowUp}');
    expect(selected()).toBe(options[options.length - 1]);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(selected()).toBe(options[1]);
  });

  it('finds a movie through the palette: library hits appear as you type, Enter opens one, Shift+Enter plays it', async () => {
    const { user, playback } = setup();
    await openWith(user);
    await user.keyboard('night');
    const hit = await screen.findByRole('option', { name: /Night Train.*Movie/ });
    while (selected() !== hit) await user.keyboard('{ArrowDown}');
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    await waitFor(() => expect(playback.playItem).toHaveBeenCalledWith(movie.id));
    await openWith(user);
    await user.keyboard('night');
    await user.click(await screen.findByRole('option', { name: /Night Train.*Movie/ }));
    await waitFor(() => expect(window.location.hash).toBe(`#/item/${movie.id}`));
  });

  it('offers the whole search for what was typed, and one "Nothing matches" when nothing does', async () => {
    const { user } = setup();
    await openWith(user);
    await user.keyboard('z');
    expect(screen.getAllByText(/Nothing matches “z”/)).toHaveLength(1);
    await user.keyboard('qx');
    await user.click(screen.getByRole('option', { name: 'Search the library for “zqx”' }));
    await waitFor(() => expect(window.location.hash).toBe('#/search?q=zqx'));
  });

  it('Go to Search puts the caret in Search’s field once the palette has closed', async () => {
    const { user } = setup();
    await openWith(user);
    await user.keyboard('go to sea{Enter}');
    const field = await screen.findByRole('searchbox');
    await waitFor(() => expect(document.activeElement).toBe(field));
  });

  it('switches the theme through settings and says so', async () => {
    const { user, fake } = setup();
    await openWith(user);
    await user.keyboard('theme dark{Enter}');
    await waitFor(() => expect(fake.callsTo('settings.update')).toEqual([{ theme: 'dark' }]));
    expect((await screen.findByRole('status')).textContent).toBe('Theme set to dark.');
  });

  it('scans all folders and reports the result', async () => {
    const { user, fake } = setup();
    await openWith(user);
    await user.keyboard('scan{Enter}');
    await waitFor(() => expect(fake.callsTo('library.scan')).toEqual([{}]));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Scan finished: 0 items added, 0 removed.'));
  });

  it('marks the item page’s item watched, and offers it only on an item page', async () => {
    const { user, fake } = setup(`#/item/${movie.id}`);
    await openWith(user);
    await user.keyboard('mark as watched{Enter}');
    await waitFor(() => expect(fake.callsTo('library.setWatched')).toEqual([{ kind: 'item', id: movie.id, watched: true }]));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Marked as watched.'));
    window.history.replaceState(null, '', '#/');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await openWith(user);
    await user.keyboard('mark');
    expect(screen.queryByRole('option', { name: /Mark as watched/ })).toBeNull();
  });
});

function Player({ run }: { run: (a: PlayerAction) => void }) {
  usePlayerCommands(run, { off: () => run({ type: 'mute' }) });
  return null;
}

function WithPlayer({ run }: { run: (a: PlayerAction) => void }) {
  const [shown, setShown] = useState(true);
  return (
    <>
      <button type="button">Before</button>
      <button type="button" onClick={() => setShown(false)}>
        Close player
      </button>
      {shown ? <Player run={run} /> : null}
      <PaletteHost />
    </>
  );
}

describe('usePlayerCommands', () => {
  it('lists the player’s actions with the player’s own keys while a player is mounted, and runs the same action', async () => {
    const run = vi.fn();
    const user = userEvent.setup();
    renderScreen(<WithPlayer run={run} />);
    await openWith(user);
    const toggle = screen.getByRole('option', { name: /Play or pause/ });
    expect(toggle.querySelector('kbd')?.textContent).toBe('Space');
    expect(screen.getByRole('option', { name: /Forward 10 seconds/ }).querySelector('kbd')?.textContent).toBe('l');
    expect(screen.getByRole('option', { name: /Subtitles: off/ })).toBeTruthy();
    await user.keyboard('forward 10{Enter}');
    await waitFor(() => expect(run).toHaveBeenCalledWith({ type: 'seekBy', seconds: 10 }));
    await user.click(screen.getByRole('button', { name: 'Close player' }));
    await openWith(user);
    expect(screen.queryByRole('option', { name: /Play or pause/ })).toBeNull();
  });
});
