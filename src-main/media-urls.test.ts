import { describe, expect, it } from 'vitest';
import { mediaUrls, parseMediaUrl, type MediaHost } from './media-urls.js';

const ITEM = 'AbC-_0123456789abcdefgh';
const ART = 'f'.repeat(64);
const SESSION = '0f8e2c4a-1b2c-4d5e-8f90-123456789abc';

describe.each<MediaHost>(['web', 'electron'])('media URLs on the %s host', (host) => {
  const urls = mediaUrls(host);

  it('parses back every URL it formats', () => {
    expect(parseMediaUrl(host, urls.media(ITEM))).toEqual({ kind: 'item', itemId: ITEM });
    expect(parseMediaUrl(host, urls.art(ART))).toEqual({ kind: 'art', artId: ART });
    expect(parseMediaUrl(host, urls.thumb(ART))).toEqual({ kind: 'thumb', artId: ART });
    for (const file of ['index.m3u8', 'init.mp4', '0.m4s', '123456.m4s']) {
      expect(parseMediaUrl(host, urls.stream('hls', SESSION, file))).toEqual({ kind: 'hls', sessionId: SESSION, file });
    }
    expect(parseMediaUrl(host, urls.stream('subs', SESSION, '3.vtt'))).toEqual({ kind: 'subs', sessionId: SESSION, file: '3.vtt' });
  });

  it('refuses anything path-like, misshapen or of the wrong kind', () => {
    const bad = [
      urls.media('..%2F..%2Fsecret.txt'),
      urls.media('a/b'),
      urls.media(''),
      urls.art('a'.repeat(63)),
      urls.art(`${ART}/x`),
      urls.thumb('a'.repeat(63)),
      urls.thumb(ART.toUpperCase()),
      urls.thumb(`${ART}.jpg`),
      urls.thumb(`..%2F${ART}`),
      urls.thumb(`${ART}/x`),
      urls.stream('hls', 'not-a-session', 'index.m3u8'),
      urls.stream('hls', SESSION, '../index.m3u8'),
      urls.stream('hls', SESSION, '1.vtt'),
      urls.stream('subs', SESSION, 'index.m3u8'),
      urls.stream('hls', SESSION, '1234567.m4s'),
      urls.stream('hls', SESSION, 'index.m3u8/extra'),
    ];
    for (const url of bad) expect(parseMediaUrl(host, url), url).toBeNull();
  });
});

describe('host-specific shapes', () => {
  it('formats web paths and media: URLs', () => {
    expect(mediaUrls('web').media(ITEM)).toBe(`/media/${ITEM}`);
    expect(mediaUrls('web').stream('subs', SESSION, '0.vtt')).toBe(`/media/subs/${SESSION}/0.vtt`);
    expect(mediaUrls('web').art(ART)).toBe(`/art/${ART}`);
    expect(mediaUrls('web').thumb(ART)).toBe(`/thumb/${ART}`);
    expect(mediaUrls('electron').media(ITEM)).toBe(`media://item/${ITEM}`);
    expect(mediaUrls('electron').stream('hls', SESSION, 'init.mp4')).toBe(`media://hls/${SESSION}/init.mp4`);
    expect(mediaUrls('electron').art(ART)).toBe(`media://art/${ART}`);
    expect(mediaUrls('electron').thumb(ART)).toBe(`media://thumb/${ART}`);
  });

  it('takes neither host\'s URLs for the other\'s, nor other schemes, queries or unknown spaces', () => {
    expect(parseMediaUrl('web', `media://item/${ITEM}`)).toBeNull();
    expect(parseMediaUrl('electron', `/media/${ITEM}`)).toBeNull();
    expect(parseMediaUrl('electron', `app://item/${ITEM}`)).toBeNull();
    expect(parseMediaUrl('electron', `media://item/${ITEM}?x=1`)).toBeNull();
    expect(parseMediaUrl('electron', `media://files/${ITEM}`)).toBeNull();
    expect(parseMediaUrl('web', `/api/${ITEM}`)).toBeNull();
    expect(parseMediaUrl('web', '/media/')).toBeNull();
    expect(parseMediaUrl('web', `/media/thumb/${ART}`)).toBeNull();
    expect(parseMediaUrl('web', `/thumbs/${ART}`)).toBeNull();
    expect(parseMediaUrl('electron', `media://thumb/${ART}?w=9999`)).toBeNull();
  });
});
