import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchHit } from '../../contract/index.js';
import { openIndexDatabase } from './db.js';
import type { WritableDB } from './db.js';
import { deleteFolder, insertFolder } from './folder-rows.js';
import { forgetPath, pruneOrphanGroups, upsertItem } from './item-writes.js';
import { editDistance, ftsTerms, searchIndex, TYPO_SQL, typoEdits, typoTrigrams } from './search.js';
import { makeTempDir } from '../test-support/fixtures.js';
import { episodeRecord, movieRecord, trackRecord } from '../test-support/records.js';

let temp: ReturnType<typeof makeTempDir>;
let db: WritableDB;
let folderId: string;

const titles = (query: string, limit = 20): string[] => searchIndex(db, query, limit).map((h) => h.title);

beforeAll(() => {
  temp = makeTempDir();
  db = openIndexDatabase(path.join(temp.dir, 'library.db'));
  folderId = insertFolder(db, temp.dir, 'mixed', 0).id;
  db.transaction(() => {
    for (const record of [
      movieRecord('Night Train', 1998),
      movieRecord('The Night Train to Lisbon', 2013),
      movieRecord('Nightcrawler', 2014),
      movieRecord('Night', 2001),
      movieRecord('Paper Moons', 2004),
      movieRecord('Amélie', 2001),
      episodeRecord('Harbour Lights', 1, 2, 'The Storm'),
      episodeRecord('Harbour Lights', 1, 3, null),
      trackRecord('Halo', 'Beyoncé', 'I Am... Sasha Fierce'),
      trackRecord('Lantern', 'Glass Harbour', 'Low Tide'),
    ]) {
      upsertItem(db, folderId, record, 0);
    }
  })();
});

afterAll(() => {
  db.close();
  temp.cleanup();
});

describe('library search', () => {
  it('matches every typed word as a prefix, in any order of words', () => {
    expect(titles('nig tr')).toEqual(['Night Train', 'The Night Train to Lisbon']);
    expect(titles('train night')).toEqual(expect.arrayContaining(['Night Train', 'The Night Train to Lisbon']));
  });

  it('ranks an exact title first, then titles that begin with the query, then word matches', () => {
    expect(titles('night')).toEqual(['Night', 'Night Train', 'Nightcrawler', 'The Night Train to Lisbon']);
    expect(titles('n').slice(0, 3)).toEqual(['Night', 'Night Train', 'Nightcrawler']);
  });

  it('ignores case and accents both ways', () => {
    expect(titles('beyonce')).toEqual(['Beyoncé', 'I Am... Sasha Fierce', 'Halo']);
    expect(titles('AMELIE')).toEqual(['Amélie']);
    expect(titles('amélie')).toEqual(['Amélie']);
    expect(titles('ame\u0301lie')).toEqual(['Amélie']);
  });

  it('finds shows, episodes by name or by show, artists, albums and tracks, with context', () => {
    const hits = searchIndex(db, 'harbour', 20);
    for (const hit of hits) expect(() => SearchHit.parse(hit)).not.toThrow();
    expect(hits[0]).toMatchObject({ kind: 'show', title: 'Harbour Lights', playableId: null });
    expect(hits.map((h) => h.kind)).toEqual(expect.arrayContaining(['show', 'artist', 'album', 'episode', 'track']));
    expect(searchIndex(db, 'storm', 5)).toEqual([
      { id: expect.any(String), kind: 'episode', title: 'The Storm', subtitle: 'Harbour Lights · S01E02', playableId: expect.any(String) },
    ]);
    // An untitled episode is found by its code, which is then not said again under it.
    expect(hits.find((h) => h.title === 'S01E03')).toMatchObject({ kind: 'episode', subtitle: 'Harbour Lights' });
    expect(searchIndex(db, 'lantern', 5)[0]).toMatchObject({ kind: 'track', subtitle: 'Low Tide' });
    expect(searchIndex(db, 'sasha', 5)[0]).toMatchObject({ kind: 'album', title: 'I Am... Sasha Fierce', subtitle: 'Beyoncé' });
  });

  it('respects the limit', () => {
    expect(searchIndex(db, 'n', 2)).toHaveLength(2);
  });

  it.each(['"', '*', 'NEAR(', 'NEAR(night', '-', 'AND', 'OR', 'NOT', '"night', 'night"', 'ni*', 'title:night', '{title}: x', '^', '(', ')', "'", '\\', '', '   ', '🎬', 'a'.repeat(500)])(
    'treats hostile text %j as plain words and never throws',
    (query) => {
      expect(() => searchIndex(db, query, 10)).not.toThrow();
    },
  );

  it('reads FTS5 operators as words', () => {
    expect(ftsTerms('night AND train')).toEqual(['"night"', '"and"', '"train"']);
    expect(ftsTerms('"-*')).toBeNull();
    expect(titles('NEAR(night')).toEqual([]);
    expect(titles('-night')).toContain('Night');
  });

  it('stays in step with the index as items, shows and albums are removed', () => {
    const extra = upsertItem(db, folderId, movieRecord('Zebra Crossing'), 0);
    expect(titles('zebra')).toEqual(['Zebra Crossing']);
    const relPath = (db.prepare('SELECT rel_path FROM items WHERE id = ?').get(extra) as { rel_path: string }).rel_path;
    db.transaction(() => forgetPath(db, folderId, relPath))();
    expect(titles('zebra')).toEqual([]);

    const other = insertFolder(db, path.join(temp.dir, 'other'), 'music', 0).id;
    upsertItem(db, other, trackRecord('Quasar', 'Quintet', 'Quiet Album'), 0);
    expect(titles('qu')).toEqual(expect.arrayContaining(['Quasar', 'Quintet', 'Quiet Album']));
    db.transaction(() => deleteFolder(db, other))();
    expect(titles('qu')).toEqual([]);
    db.transaction(() => pruneOrphanGroups(db))();
    expect(titles('harbour')[0]).toBe('Harbour Lights');
  });

  it('forgives a typo in a word of 4 letters or more when nothing matches as typed', () => {
    expect(titles('nigth')).toEqual(['Night', 'Night Train', 'Nightcrawler', 'The Night Train to Lisbon']);
    expect(titles('nigth trian')).toEqual(['Night Train', 'The Night Train to Lisbon']);
    expect(titles('beyonec')).toEqual(['Beyoncé']);
    expect(titles('lantren')).toEqual(['Lantern']);
    expect(titles('hrabour ligths')[0]).toBe('Harbour Lights');
    expect(titles('nigth', 2)).toEqual(['Night', 'Night Train']);
  });

  it('offers no corrections beside exact matches, and none for words under 4 letters', () => {
    expect(titles('night')).not.toContain('Harbour Lights');
    expect(titles('nihgt')).toContain('Night');
    expect(titles('nite')).toEqual([]);
    expect(typoEdits(['halo'], ['hla'])).toBeNull();
    expect(typoEdits(['halo'], ['hlao'])).toBe(1);
  });

  it('counts edits with swaps of neighbours, allowing one up to 7 letters and two from 8', () => {
    expect(editDistance('nigth', 'night')).toBe(1);
    expect(editDistance('night', 'night')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(typoEdits(['night', 'train'], ['nigth', 'tr'])).toBe(1);
    expect(typoEdits(['lantern'], ['lantre'])).toBe(1);
    expect(typoEdits(['nightcrawler'], ['nigthcrawlre'])).toBe(2);
    expect(typoEdits(['night'], ['nghti'])).toBeNull();
    expect(typoEdits(['lantern'], ['lnatren'])).toBeNull();
  });

  it('bounds the typo pass: at most 16 trigrams, each read with a LIMIT, titles fetched by key', () => {
    expect(typoTrigrams(['a'.repeat(200)])).toEqual(['aaa']);
    expect(typoTrigrams(['abcdefghijklmnopqrstuvwxyz0123456789'])).toHaveLength(16);
    expect(typoTrigrams(['nig', 'nigth']).slice(0, 3)).toEqual(['nig', 'igt', 'gth']);
    expect(typoTrigrams(['nihgt'])).toContain('nig');
    const plan = (sql: string, ...params: unknown[]): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan(TYPO_SQL.trigram, '"nig"', 200)).toMatch(/VIRTUAL TABLE INDEX/);
    expect(plan(TYPO_SQL.docs, '[1, 2]')).toMatch(/SEARCH search_docs USING INTEGER PRIMARY KEY/);
  });

  it('keeps typo search in step as items are renamed and deleted', () => {
    const relPath = 'typo-zebra.mkv';
    upsertItem(db, folderId, movieRecord('Zebra Crossing', null, { relPath }), 0);
    expect(titles('zebar')).toEqual(['Zebra Crossing']);
    upsertItem(db, folderId, movieRecord('Quokka Parade', null, { relPath }), 0);
    expect(titles('zebar')).toEqual([]);
    expect(titles('qoukka')).toEqual(['Quokka Parade']);
    db.transaction(() => forgetPath(db, folderId, relPath))();
    expect(titles('qoukka')).toEqual([]);
  });
});
