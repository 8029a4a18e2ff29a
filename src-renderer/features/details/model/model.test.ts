import { describe, expect, it } from 'vitest';
import { makeEpisode, makeTrack } from '../../../api/testing';
import { codecLabel, containerLabel, episodeLabel, resolutionLabel, sizeLabel } from './facts';
import { languageNames } from '../../player';
import { albumQueue, orderedDiscs, shuffled } from './queue';
import { showNext } from './upNext';

describe('facts as a media page says them', () => {
  it('names resolutions by width, so a scope film is still 1080p', () => {
    expect(resolutionLabel(1920, 800)).toBe('1080p');
    expect(resolutionLabel(3840, 1600)).toBe('4K');
    expect(resolutionLabel(1280, 720)).toBe('720p');
    expect(resolutionLabel(720, 576)).toBe('576p');
    expect(resolutionLabel(null, null)).toBeNull();
  });

  it('sizes in GB and MB', () => {
    expect(sizeLabel(4.4 * 1024 ** 3)).toBe('4.4 GB');
    expect(sizeLabel(700 * 1024 ** 2)).toBe('700 MB');
    expect(sizeLabel(400 * 1024)).toBe('0.4 MB');
  });

  it('names containers, codecs and episodes', () => {
    expect(containerLabel('matroska')).toBe('MKV');
    expect(codecLabel('hevc')).toBe('HEVC');
    expect(codecLabel('weird')).toBe('WEIRD');
    expect(episodeLabel({ season: 2, episode: 5 })).toBe('S2 · E5');
  });

  it('names subtitle languages once each, keeping unknown codes as written', () => {
    expect(languageNames(['en', 'fr', 'EN', 'und', 'xx-klingon'])).toEqual(['English', 'French', 'xx-klingon']);
  });
});

describe('what a show plays next', () => {
  it('goes on after the last watched episode, resuming one in progress', () => {
    const eps = [makeEpisode({ episode: 1, watched: true }), makeEpisode({ episode: 2, resumeSec: 60 }), makeEpisode({ episode: 3 })];
    expect(showNext({ seasons: [{ season: 1, episodes: eps }] })).toEqual({ episode: eps[1], resume: true, again: false });
  });

  it('skips an unwatched gap before a rewatched episode, ignores specials, and starts again when all are watched', () => {
    const special = makeEpisode({ season: 0, episode: 1 });
    const eps = [makeEpisode({ episode: 1 }), makeEpisode({ episode: 2, watched: true }), makeEpisode({ episode: 3 })];
    expect(showNext({ seasons: [{ season: 0, episodes: [special] }, { season: 1, episodes: eps }] })?.episode).toBe(eps[2]);
    const done = [makeEpisode({ episode: 1, watched: true })];
    expect(showNext({ seasons: [{ season: 1, episodes: done }] })).toEqual({ episode: done[0], resume: false, again: true });
    expect(showNext({ seasons: [] })).toBeNull();
  });
});

describe('album queues', () => {
  it('orders discs numbered first and untagged last', () => {
    const discs = [{ disc: null, tracks: [makeTrack({ title: 'c' })] }, { disc: 2, tracks: [makeTrack({ title: 'b' })] }, { disc: 1, tracks: [makeTrack({ title: 'a' })] }];
    expect(orderedDiscs(discs).map((d) => d.disc)).toEqual([1, 2, null]);
    expect(albumQueue({ title: 'X', artist: 'Y', discs }).map((t) => t.title)).toEqual(['a', 'b', 'c']);
  });

  it('shuffles into a permutation', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const out = shuffled([1, 2, 3, 4, 5, 6], random);
    expect([...out].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
