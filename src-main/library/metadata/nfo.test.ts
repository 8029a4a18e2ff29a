import { describe, expect, it } from 'vitest';
import { decodeEntities, decodeNfo, MAX_NFO_BYTES, parseNfo } from './nfo.js';

const movie = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n<movie>\n${body}\n</movie>\n`;

describe('reading .nfo sidecars', () => {
  it.each([
    ['a Kodi movie', movie('<title>Night Train</title><year>1998</year><plot>A train.</plot><actor><name>X</name></actor>'), { root: 'movie', title: 'Night Train', year: 1998, plot: 'A train.' }],
    ['a tvshow with premiered instead of year', '<tvshow><title>Harbour Lights</title><premiered>2019-03-01</premiered><plot>Ships.</plot></tvshow>', { root: 'tvshow', title: 'Harbour Lights', year: 2019, plot: 'Ships.' }],
    ['an episode (no year)', '<episodedetails><title>The Pier</title><aired>2019-03-08</aired><plot>Night.</plot></episodedetails>', { root: 'episodedetails', title: 'The Pier', year: null, plot: 'Night.' }],
    ['entities and numeric references', movie('<title>Tom &amp; Jerry &#8211; &#x263A; &lt;b&gt;</title>'), { title: 'Tom & Jerry – ☺ <b>', plot: null }],
    ['CDATA as literal text', movie('<plot><![CDATA[Fish & chips &amp; more]]></plot>'), { plot: 'Fish & chips &amp; more' }],
    ['markup inside a field, kept as text only', movie('<plot>Bold <b>move</b> here</plot>'), { plot: 'Bold move here' }],
    ['comments, attributes and self-closing tags', movie('<!-- scraped --><title lang="en">Dusk</title><thumb aspect="poster"/><year>abc</year>'), { title: 'Dusk', year: null }],
    ['upper-case tags', '<MOVIE><TITLE>Loud</TITLE></MOVIE>', { title: 'Loud' }],
    ['an out-of-range year', movie('<year>99999</year>'), { year: null }],
  ])('reads %s', (_name, xml, expected) => {
    expect(parseNfo(xml)).toMatchObject(expected);
  });

  it.each([
    ['a plain IMDb link', 'https://www.imdb.com/title/tt0111161/'],
    ['an unknown root', '<musicvideo><title>X</title></musicvideo>'],
    ['a truncated file', '<movie><title>Night Train</title><plot>cut off'],
    ['unbalanced tags', '<movie><title>X</plot></movie>'],
    ['a second root', '<movie><title>A</title></movie><movie><title>B</title></movie>'],
    ['trailing text', '<movie><title>A</title></movie> junk'],
    ['an unterminated comment', '<movie><!-- <title>A</title></movie>'],
    ['a DOCTYPE inside the tree', '<movie><!DOCTYPE x [<!ENTITY a "b">]><title>&a;</title></movie>'],
    ['a tag with a stray <', '<movie><title <x>A</title></movie>'],
    ['absurd nesting', `<movie>${'<a>'.repeat(100)}${'</a>'.repeat(100)}</movie>`],
    ['an empty file', ''],
  ])('gives nothing for %s', (_name, xml) => {
    expect(parseNfo(xml)).toBeNull();
  });

  it('does not expand entities it does not know (no entity expansion to attack)', () => {
    const xml = '<!DOCTYPE movie [<!ENTITY lol "lollollol">]><movie><title>&lol;&lol;</title></movie>';
    expect(parseNfo(xml)?.title).toBe('&lol;&lol;');
    expect(decodeEntities('&#0;&#xD800;&#1114112;ok')).toBe('ok');
  });

  it('reads a UTF-8 BOM and UTF-16 with a BOM', () => {
    const text = '<movie><title>Amélie</title></movie>';
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(parseNfo(decodeNfo(utf8)!)?.title).toBe('Amélie');
    expect(parseNfo(decodeNfo(utf16)!)?.title).toBe('Amélie');
  });

  it('refuses a huge file and clips long fields, quickly even on a hostile one', () => {
    expect(decodeNfo(new Uint8Array(MAX_NFO_BYTES + 1))).toBeNull();
    expect(parseNfo(movie(`<plot>${'x'.repeat(MAX_NFO_BYTES)}</plot>`))).toBeNull();
    const long = parseNfo(movie(`<title>${'T'.repeat(1000)}</title><plot>${'word '.repeat(2000)}</plot>`))!;
    expect(long.title!.length).toBeLessThanOrEqual(300);
    expect(long.plot!.length).toBeLessThanOrEqual(4000);
    // A long attribute-ish tag and a flood of '<' must stay linear, not backtrack.
    const started = performance.now();
    expect(parseNfo(`<movie a${' '.repeat(200_000)}x`)).toBeNull();
    expect(parseNfo(`<movie>${'<'.repeat(200_000)}</movie>`)).toBeNull();
    expect(parseNfo(`<movie>${'&amp'.repeat(50_000)}</movie>`)).toMatchObject({ title: null });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('strips control characters from what it returns', () => {
    expect(parseNfo(movie('<title>A\u0007B\u001b[31m</title>'))?.title).toBe('A B [31m');
  });
});
