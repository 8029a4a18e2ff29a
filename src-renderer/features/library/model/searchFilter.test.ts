import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../api';
import { makeAlbum, makeEpisode, makeLibrary, makeMovie, makeShow, makeTrack } from '../../../api/testing';
import { filterByHits, matchesNothing } from './searchFilter';

const hit = (id: string, kind: SearchHit['kind'], title = 'x'): SearchHit => ({ id, kind, title, subtitle: null, playableId: null });

describe('filterByHits', () => {
  const a = makeMovie({ id: 'movieAxxxxxxxxxxxxxxxxx', title: 'Alpha' });
  const b = makeMovie({ id: 'movieBxxxxxxxxxxxxxxxxx', title: 'Beta' });
  const e1 = makeEpisode({ id: 'epi1xxxxxxxxxxxxxxxxxx', episode: 1 });
  const e2 = makeEpisode({ id: 'epi2xxxxxxxxxxxxxxxxxx', episode: 2 });
  const show = makeShow({ id: 'showxxxxxxxxxxxxxxxxxx', seasons: [{ season: 1, episodes: [e1, e2] }] });
  const t1 = makeTrack({ id: 'trk1xxxxxxxxxxxxxxxxxx', artist: 'Beyoncé' });
  const t2 = makeTrack({ id: 'trk2xxxxxxxxxxxxxxxxxx', artist: 'Other' });
  const album = makeAlbum({ id: 'albmxxxxxxxxxxxxxxxxxx', artist: 'Various', tracks: [t1, t2] });
  const lib = makeLibrary({ movies: [a, b], shows: [show], albums: [album] });

  it('keeps only hit movies, in the order of the hits', () => {
    const out = filterByHits(lib, [hit(b.id, 'movie'), hit(a.id, 'movie')]);
    expect(out.movies.map((m) => m.title)).toEqual(['Beta', 'Alpha']);
    expect(out.shows).toEqual([]);
    expect(out.albums).toEqual([]);
  });

  it('keeps a whole show for a show hit, and just the episode for an episode hit', () => {
    expect(filterByHits(lib, [hit(show.id, 'show')]).shows[0]!.seasons[0]!.episodes).toHaveLength(2);
    const one = filterByHits(lib, [hit(e2.id, 'episode')]).shows;
    expect(one).toHaveLength(1);
    expect(one[0]!.seasons[0]!.episodes.map((e) => e.id)).toEqual([e2.id]);
  });

  it('keeps the tracks of an artist hit, whatever the accents of the index spelling', () => {
    const out = filterByHits(lib, [hit('artistxxxxxxxxxxxxxxxx', 'artist', 'beyoncé')]);
    expect(out.albums[0]!.tracks.map((t) => t.id)).toEqual([t1.id]);
  });

  it('keeps a whole album for an album hit', () => {
    expect(filterByHits(lib, [hit(album.id, 'album')]).albums[0]!.tracks).toHaveLength(2);
  });

  it('finds nothing for no hits', () => {
    const out = filterByHits(lib, []);
    expect([out.movies.length, out.shows.length, out.albums.length]).toEqual([0, 0, 0]);
    expect(out.folders).toBe(lib.folders);
  });

  it('tells when every section is left empty, and only then', () => {
    expect(matchesNothing(filterByHits(lib, []))).toBe(true);
    expect(matchesNothing(filterByHits(lib, [hit(b.id, 'movie')]))).toBe(false);
    expect(matchesNothing(filterByHits(lib, [hit(e2.id, 'episode')]))).toBe(false);
    expect(matchesNothing(filterByHits(lib, [hit(t1.id, 'track')]))).toBe(false);
  });
});
