import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '../../api';
import { makeAlbum, makeEpisode, makeLibrary, makeMovie, makeShow, makeTrack } from '../../api/testing';
import { formatRoute, useRoute } from '../../app';
import { renderScreen } from '../../test-utils';
import { SearchScreen } from './SearchScreen';
import { useSearchKey } from './useSearchKey';

/** The screen as the shell shows it: driven by the route, so typing writes the address and reload reads it. */
function Routed() {
  useSearchKey();
  const route = useRoute();
  if (route.screen === 'search') return <SearchScreen query={route.query} />;
  return (
    <p>
      at {formatRoute(route)} <input aria-label="Elsewhere" />
    </p>
  );
}

const movie = makeMovie({ title: 'Night Train' });
const episode = makeEpisode({ title: 'Night Call' });
const show = makeShow({ title: 'Night Shift', seasons: [{ season: 1, episodes: [episode] }] });
const track = makeTrack({ title: 'Night Drive', artist: 'Night Owls' });
const album = makeAlbum({ title: 'Nightfall', artist: 'Night Owls', tracks: [track] });
const library = makeLibrary({ movies: [movie, makeMovie({ title: 'Paper Moon' })], shows: [show], albums: [album] });

/** Lets the debounce run out and every reply land. */
async function settle() {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(200);
  });
  await act(async () => {
    await vi.advanceTimersByTimeAsync(0);
  });
}

function setup(hash = '#/search', handlers = {}) {
  window.history.replaceState(null, '', hash);
  const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
  return { user, ...renderScreen(<Routed />, { library }, handlers) };
}

beforeEach(() => {
  vi.useFakeTimers();
  // Testing Library waits for a zero timeout after each event and advances fake timers only when it sees
  // Jest's: this lets it advance Vitest's, so the debounce runs only when a test says so.
  vi.stubGlobal('jest', { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  window.history.replaceState(null, '', '#/');
});

describe('SearchScreen', () => {
  it('shows results as you type, grouped by kind with headings and counts, and keeps the query in the address', async () => {
    const { user, fake } = setup();
    const field = screen.getByRole('searchbox', { name: /Search movies, shows/ });
    expect(document.activeElement).toBe(field);
    await user.type(field, 'night');
    await settle();
    // One search per key, and none again when the address catches up.
    expect(fake.callsTo('library.search').map((c) => (c as { query: string }).query)).toEqual(['n', 'ni', 'nig', 'nigh', 'night']);
    expect(window.location.hash).toBe('#/search?q=night');
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Movies 1', 'Shows 1', 'Episodes 1', 'Albums 1', 'Tracks 1', 'Artists 1']);
    expect(screen.getByRole('status').textContent).toBe('6 matches');
    expect(screen.getByRole('link', { name: /Night Train/ }).getAttribute('href')).toBe(`#/item/${movie.id}`);
  });

  it('reads the query back from the address on reload', async () => {
    setup('#/search?q=paper');
    await settle();
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('paper');
    expect(screen.getByRole('link', { name: /Paper Moon/ })).toBeTruthy();
  });

  it('moves from the field into the results with Down, across groups with the arrows, and back up to the field', async () => {
    const { user } = setup('#/search?q=night');
    await settle();
    const links = screen.getAllByRole('link');
    expect(links.filter((l) => l.tabIndex === 0)).toHaveLength(1);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(links[0]);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.textContent).toContain('Night Call');
    await user.keyboard('{End}');
    expect(document.activeElement?.textContent).toContain('Night Owls');
    await user.keyboard('{Home}{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
  });

  it('starts the keyboard at the first result shown, whatever order main ranked the kinds in', async () => {
    const hit = (kind: SearchHit['kind'], title: string): SearchHit => ({ id: makeMovie().id, kind, title, subtitle: null, playableId: null });
    const { user } = setup('#/search?q=night', { 'library.search': () => ({ hits: [hit('artist', 'Night Owls'), hit('show', 'Night Shift'), hit('movie', 'Night Train')] }) });
    await settle();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toContain('Night Train');
  });

  it.each([
    ['Night Train', 0, () => `#/item/${movie.id}`],
    ['Night Shift', 1, () => `#/show/${show.id}`],
    ['Night Call', 2, () => `#/item/${episode.id}`],
    ['Nightfall', 3, () => `#/album/${album.id}`],
    ['Night Drive', 4, () => `#/item/${track.id}`],
  ])('Enter on %s opens its page', async (_name, downs, expected) => {
    const { user } = setup('#/search?q=night');
    await settle();
    await user.keyboard('{ArrowDown}'.repeat(downs + 1));
    await user.keyboard('{Enter}');
    await settle();
    expect(window.location.hash).toBe(expected());
  });

  it('Enter on an artist opens the artist page', async () => {
    const { user } = setup('#/search?q=night');
    await settle();
    await user.keyboard('{ArrowDown}{End}{Enter}');
    await settle();
    expect(window.location.hash).toMatch(/^#\/artist\/[A-Za-z0-9_-]{22}$/);
  });

  it('Shift+Enter plays a playable hit and stays on Search', async () => {
    const { user, playback } = setup('#/search?q=night');
    await settle();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{Shift>}{Enter}{/Shift}');
    expect(playback.playItem).toHaveBeenCalledWith(episode.id);
    expect(window.location.hash).toBe('#/search?q=night');
  });

  it('says "Nothing matches" once, however many kinds there are', async () => {
    const { user } = setup();
    await user.type(screen.getByRole('searchbox'), 'zzzz');
    await settle();
    expect(screen.getAllByText(/Nothing matches/)).toHaveLength(1);
    expect(screen.getByRole('status').textContent).toBe('Nothing matches “zzzz”.');
    expect(screen.queryAllByRole('heading', { level: 2 })).toHaveLength(0);
  });

  it('drops a slower reply to an earlier query', async () => {
    const replies: Array<{ query: string; resolve: (v: { hits: SearchHit[] }) => void }> = [];
    const hit = (title: string): SearchHit => ({ id: makeMovie().id, kind: 'movie', title, subtitle: null, playableId: null });
    const { user } = setup('#/search', { 'library.search': ({ query }: { query: string }) => new Promise((resolve) => replies.push({ query, resolve })) });
    const field = screen.getByRole('searchbox');
    await user.type(field, 'night');
    // Asked at every key, before typing rests (only the address waits for that).
    expect(replies.map((r) => r.query)).toEqual(['n', 'ni', 'nig', 'nigh', 'night']);
    expect(window.location.hash).toBe('#/search');
    await act(async () => replies[4]!.resolve({ hits: [hit('Fresh answer')] }));
    await act(async () => replies[1]!.resolve({ hits: [hit('Stale answer')] }));
    expect(screen.getByText('Fresh answer')).toBeTruthy();
    expect(screen.queryByText('Stale answer')).toBeNull();
  });

  it('shows hostile titles as text, clamped, with the whole name in the tooltip', async () => {
    const hostile = ['<img src=x onerror=alert(1)>', '\u202Egnp.exe', 'L'.repeat(500)];
    const { user, container } = renderHostile(hostile);
    await user.type(screen.getByRole('searchbox'), 'img');
    await settle();
    const link = screen.getByRole('link', { name: /<img src=x onerror=alert\(1\)>/ });
    expect(link.getAttribute('title')).toBe(hostile[0]);
    expect(container.querySelector('img')).toBeNull();
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'lll');
    await settle();
    expect(screen.getByRole('link', { name: new RegExp(`L{500}`) }).getAttribute('title')).toBe(hostile[2]);
  });

  it('"/" outside a text field goes to Search with the caret in the field; inside one it is typed', async () => {
    const { user } = setup('#/');
    const elsewhere = screen.getByRole('textbox', { name: 'Elsewhere' });
    await user.type(elsewhere, '/');
    expect((elsewhere as HTMLInputElement).value).toBe('/');
    await user.click(document.body);
    await user.keyboard('/');
    await settle();
    expect(window.location.hash).toBe('#/search');
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
  });
});

function renderHostile(titles: string[]) {
  window.history.replaceState(null, '', '#/search');
  const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
  const lib = makeLibrary({ movies: titles.map((title) => makeMovie({ title })), shows: [], albums: [] });
  return { user, ...renderScreen(<Routed />, { library: lib }) };
}
