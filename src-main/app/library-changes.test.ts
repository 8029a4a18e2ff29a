import { describe, expect, it } from 'vitest';
import type { LibraryChange } from '../contract/index.js';
import { EventHub } from './event-hub.js';
import { LibraryChanges } from './library-changes.js';

/** The changes every window hears while `act` runs. */
function heard(act: (changes: LibraryChanges) => void): LibraryChange[] {
  const events = new EventHub();
  const out: LibraryChange[] = [];
  events.subscribe((name, payload) => name === 'onDidChangeLibrary' && out.push(payload as LibraryChange));
  act(new LibraryChanges(events));
  return out;
}

const ID = (n: number) => `${n}`.padStart(22, 'A');

describe('what each change tells the windows', () => {
  it('names marked movies with the movie lists and Home, episodes with the show lists, tracks with no list', () => {
    expect(heard((c) => c.watched({ ids: [ID(1)], kinds: ['movie'] }))).toEqual([{ scopes: ['movies', 'home'], items: [ID(1)], version: 1 }]);
    expect(heard((c) => c.watched({ ids: [ID(1), ID(2)], kinds: ['episode'] }))).toEqual([{ scopes: ['shows', 'home'], items: [ID(1), ID(2)], version: 1 }]);
    expect(heard((c) => c.watched({ ids: [ID(3)], kinds: ['track'] }))).toEqual([{ scopes: [], items: [ID(3)], version: 1 }]);
    expect(heard((c) => c.watched({ ids: [], kinds: [] }))).toEqual([]);
  });

  it('names a saved position with the lists its watched mark or Continue watching moved, and no others', () => {
    const scopes = (change: Parameters<LibraryChanges['progress']>[1]) => heard((c) => c.progress(ID(1), change))[0];
    expect(scopes({ kind: 'episode', watched: false, resume: false })).toEqual({ scopes: [], items: [ID(1)], version: 1 });
    expect(scopes({ kind: 'episode', watched: false, resume: true })).toMatchObject({ scopes: ['home'] });
    expect(scopes({ kind: 'episode', watched: true, resume: true })).toMatchObject({ scopes: ['shows', 'home'] });
    expect(scopes({ kind: 'movie', watched: true, resume: false })).toMatchObject({ scopes: ['movies', 'home'] });
    expect(scopes({ kind: 'track', watched: true, resume: false })).toMatchObject({ scopes: [], items: [ID(1)] });
  });

  it('says "every list" instead of naming more than 500 items', () => {
    const ids = Array.from({ length: 501 }, (_, i) => ID(i));
    const [change] = heard((c) => c.watched({ ids, kinds: ['episode'] }));
    expect(change).toMatchObject({ items: [], scopes: expect.arrayContaining(['folders', 'movies', 'shows', 'albums', 'artists', 'home']) });
  });

  it("tells the watcher's changes as the folders and the lists of the kinds touched, or every list when it cannot tell", () => {
    expect(heard((c) => c.onDisk({ kinds: ['track'] }))[0]!.scopes.sort()).toEqual(['albums', 'artists', 'folders', 'home']);
    expect(heard((c) => c.onDisk({ kinds: [] }))[0]!.scopes).toEqual(['folders']);
    expect(heard((c) => c.onDisk({ kinds: null }))[0]!.scopes).toHaveLength(6);
    const versions = heard((c) => {
      c.onDisk({ kinds: ['movie'] });
      c.watched({ ids: [ID(1)], kinds: ['movie'] });
    }).map((change) => change.version);
    expect(versions).toEqual([1, 2]);
  });
});
