import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { goBack, navigate, trackHistoryDepth } from './useRoute';

const ID = 'AbCdEfGhIjKlMnOpQrStUv';
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('Back within the app', () => {
  let stop = () => {};
  beforeEach(() => {
    window.history.replaceState(null, '', '#/');
    stop = trackHistoryDepth();
  });
  afterEach(() => stop());

  it('goes back over links as well as navigate calls', async () => {
    navigate({ screen: 'movies', sort: 'title', dir: 'asc', filters: {} });
    await settle();
    // A plain link: the address changes without navigate().
    window.location.hash = `#/item/${ID}`;
    await settle();
    expect((window.history.state as { glasswingDepth: number }).glasswingDepth).toBe(2);
  });

  it('from the first screen of the window, goes up instead of leaving the app', async () => {
    stop();
    window.history.replaceState(null, '', `#/album/${ID}`);
    stop = trackHistoryDepth();
    goBack();
    await settle();
    expect(window.location.hash).toBe('#/music/albums');
  });

  it('a sort change replaces the entry and keeps its depth', async () => {
    navigate({ screen: 'movies', sort: 'title', dir: 'asc', filters: {} });
    await settle();
    navigate({ screen: 'movies', sort: 'year', dir: 'desc', filters: {} }, { replace: true });
    await settle();
    expect(window.location.hash).toBe('#/movies?sort=year&dir=desc');
    expect((window.history.state as { glasswingDepth: number }).glasswingDepth).toBe(1);
  });
});
