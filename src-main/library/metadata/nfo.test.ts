import { describe, expect, it } from 'vitest';
import { GENRE_MAX_CHARS, MOVIE_GENRES_MAX } from '../../contract/index.js';
import { decodeEntities, decodeNfo, MAX_GENRE_CHARS, MAX_GENRES, MAX_NFO_BYTES, parseNfo } from './nfo.js';

const movie = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n<movie>\n${body}\n</movie>\n`;

describe('reading .nfo sidecars', () => {
  it.each([
    ['a Kodi movie', movie('<title>Night Train</title><year>1998</year><plot>A train.</plot><actor><name>X</name></actor>'), { root: 'movie', title: 'Night Train', year: 1998, plot: 'A train.', genres: [] }],
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

describe('reading genres from an nfo', () => {
  const genres = (body: string) => parseNfo(movie(body))?.genres;

  it.each([
    ['one per element, in order', '<genre>Drama</genre><title>X</title><genre>Crime</genre>', ['Drama', 'Crime']],
    ['several in one element, split on / | , ;', '<genre>Action / Adventure</genre><genre>Drama|Crime</genre><genre>Comedy, Romance; War</genre>', ['Action', 'Adventure', 'Drama', 'Crime', 'Comedy', 'Romance', 'War']],
    ['surrounding and inner whitespace trimmed and collapsed', '<genre>  Science \n\t Fiction  </genre>', ['Science Fiction']],
    ['empty parts and elements dropped', '<genre> / | ,,; </genre><genre></genre><genre/><genre>Drama / </genre>', ['Drama']],
    ['duplicates dropped whatever their case, the first spelling kept', '<genre>sci-fi</genre><genre>Drama / SCI-FI</genre><genre>drama</genre>', ['sci-fi', 'Drama']],
    ['entities decoded, markup inside kept as text only', '<genre>Action &amp; Adventure</genre><genre><b>Film</b>-Noir</genre>', ['Action & Adventure', 'Film-Noir']],
    ['escaped markup as literal text', '<genre>&lt;img src=x onerror=alert(1)&gt;</genre>', ['<img src=x onerror=alert(1)>']],
    ['CDATA as literal text', '<genre><![CDATA[Kids & Family]]></genre>', ['Kids & Family']],
    ['control characters as spaces', '<genre>Hor\u0007ror\u001b[31m</genre>', ['Hor ror [31m']],
    ['no genre element', '<title>X</title><tag>Drama</tag>', []],
    ['nested genre elements as not a genre of the movie', '<set><genre>Drama</genre></set>', []],
  ])('reads %s', (_name, body, expected) => {
    expect(genres(body)).toEqual(expected);
  });

  it('keeps to the contract’s bounds on genres', () => {
    expect([MAX_GENRES, MAX_GENRE_CHARS]).toEqual([MOVIE_GENRES_MAX, GENRE_MAX_CHARS]);
  });

  it('reads a tvshow’s genres, and none for an episode', () => {
    expect(parseNfo('<tvshow><title>H</title><genre>Drama / Mystery</genre></tvshow>')?.genres).toEqual(['Drama', 'Mystery']);
    expect(parseNfo('<episodedetails><title>P</title><genre>Drama</genre></episodedetails>')?.genres).toEqual([]);
  });

  it(`keeps at most ${MAX_GENRES} genres of at most ${MAX_GENRE_CHARS} characters, even from a flood of them`, () => {
    const many = Array.from({ length: 5_000 }, (_, i) => `<genre>G${i} / g${i}</genre>`).join('');
    expect(genres(many)).toEqual(Array.from({ length: MAX_GENRES }, (_, i) => `G${i}`));
    const long = genres(`<genre>${'Very long genre '.repeat(20)}</genre><genre>${'😀'.repeat(30)}</genre>`)!;
    expect(long).toHaveLength(2);
    for (const genre of long) {
      expect(genre.length).toBeLessThanOrEqual(MAX_GENRE_CHARS);
      expect(genre.endsWith('…')).toBe(true);
      expect(genre).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/); // no half of a surrogate pair
    }
    // One huge element of separators and duplicates stays linear.
    const started = performance.now();
    expect(genres(`<genre>${'Drama/'.repeat(40_000)}</genre>`)).toEqual(['Drama']);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
