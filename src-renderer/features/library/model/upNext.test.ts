import { describe, expect, it } from 'vitest';
import { makeEpisode } from '../../../api/testing';
import { upNext } from './upNext';

/** "w" watched, "r" resumed part way, "." not started; seasons separated by "|", specials first with "0:". */
function show(spec: string) {
  const seasons = spec.split('|').map((part, si) => {
    const special = part.startsWith('0:');
    const marks = special ? part.slice(2) : part;
    const season = special ? 0 : si + (spec.startsWith('0:') ? 0 : 1);
    return {
      season,
      episodes: [...marks].map((m, i) => makeEpisode({ season, episode: i + 1, watched: m === 'w', resumeSec: m === 'r' ? 300 : null })),
    };
  });
  return { seasons };
}

describe('up next', () => {
  it.each([
    ['nothing watched', '...', null],
    ['first watched', 'w..', 'S1E2'],
    ['a gap: after the last watched, not the first unwatched', '.w.w.', 'S1E5'],
    ['in progress counts as unwatched', 'wr.', 'S1E2'],
    ['across seasons', 'ww|..', 'S2E1'],
    ['all watched', 'www', null],
    ['later ones watched already', 'w.ww', null],
    ['specials are skipped', '0:w.|w..', 'S1E2'],
    ['only a special watched', '0:w|...', null],
  ])('%s (%s) → %s', (_name, spec, expected) => {
    const e = upNext(show(spec));
    expect(e ? `S${e.season}E${e.episode}` : null).toBe(expected);
  });

  it('orders episodes by number even when the snapshot lists them out of order', () => {
    const s = { seasons: [{ season: 1, episodes: [makeEpisode({ episode: 3 }), makeEpisode({ episode: 1, watched: true }), makeEpisode({ episode: 2 })] }] };
    expect(upNext(s)?.episode).toBe(2);
  });
});
