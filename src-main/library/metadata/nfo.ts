import { cleanOrNull } from '../names/name-text.js';

/**
 * A small reader for Kodi-style `.nfo` sidecars (`<movie>`, `<tvshow>`, `<episodedetails>`): title, year,
 * plot and genres, nothing else. Hand-written on purpose: no XML library means no external entities, no
 * DTDs and no entity expansion to attack. Pure: it takes the text, never a path.
 *
 * Important: any structural doubt (no known root, unbalanced tags, a truncated file) gives null. A wrong
 * title is worse than the one the file name gives.
 */

type NfoRoot = 'movie' | 'tvshow' | 'episodedetails';

export interface NfoInfo {
  root: NfoRoot;
  title: string | null;
  year: number | null;
  plot: string | null;
  /** A movie's or show's genres, as written (first spelling of each), at most `MAX_GENRES`; [] for an episode. */
  genres: string[];
}

/** Larger `.nfo` files are not read at all: a real one is a few KB. */
export const MAX_NFO_BYTES = 256 * 1024;
const MAX_TITLE_CHARS = 300;
const MAX_PLOT_CHARS = 4000;
/**
 * Kodi writes a handful of genres; more is a hostile or broken file. The contract's bounds (`Genre`,
 * `MovieDetail`), written out rather than imported so the parse workers do not load the contract's schemas.
 */
export const MAX_GENRES = 10;
export const MAX_GENRE_CHARS = 40;
/** What separates genres inside one element: "Action / Adventure", "Drama|Crime", "Comedy, Romance", "A; B". */
const GENRE_SEPARATORS = /[/|,;]/;
/** Elements nested deeper than this are a hostile file, not an nfo. */
const MAX_DEPTH = 32;
const ROOTS: ReadonlySet<string> = new Set(['movie', 'tvshow', 'episodedetails']);
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes an nfo's bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM. Null when too large. */
export function decodeNfo(bytes: Uint8Array): string | null {
  if (bytes.length > MAX_NFO_BYTES) return null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

/** Replaces the five XML entities, `&nbsp;` and numeric references; anything else is left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

interface Child {
  name: string;
  text: string;
}

/**
 * The direct children of the root element with their text content, or null when the document is not a
 * well-formed element tree with one of the known roots. Comments, processing instructions and a DOCTYPE
 * before the root are skipped; CDATA is text.
 */
function readTree(xml: string): { root: NfoRoot; children: Child[] } | null {
  const stack: string[] = [];
  const children: Child[] = [];
  let root: NfoRoot | null = null;
  let text = '';
  let at = 0;
  let closed = false;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) break;
    if (stack.length >= 2) text += xml.slice(at, lt); // a field's text, nested markup included
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return null;
      at = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0 || stack.length === 0) return null;
      if (stack.length >= 2) text += xml.slice(lt + 9, end).replace(/&/g, '&amp;'); // kept literal by decodeEntities
      at = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt < 0) return null;
    const tag = xml.slice(lt + 1, gt);
    at = gt + 1;
    if (tag.startsWith('?') || tag.startsWith('!')) {
      if (stack.length > 0 && tag.startsWith('!')) return null; // a DOCTYPE inside the tree
      continue;
    }
    if (closed) return null; // a second root
    // Linear checks only (no backtracking regex over a tag an attacker can make 256 KB long).
    const m = /^(\/?)([A-Za-z_][\w.-]{0,63})/.exec(tag);
    if (!m || tag.includes('<')) return null;
    const [whole, slash, rawName = ''] = m;
    const rest = tag.slice(whole.length);
    if (rest !== '' && !/^\s/.test(rest) && rest !== '/') return null;
    const selfClosing = !slash && rest.trimEnd().endsWith('/');
    const name = rawName.toLowerCase();
    if (slash) {
      if (stack.pop() !== name) return null;
      if (stack.length === 1) children.push({ name, text });
      if (stack.length === 0) closed = true;
      continue;
    }
    if (stack.length === 0) {
      if (!ROOTS.has(name)) return null;
      root = name as NfoRoot;
    }
    if (selfClosing) {
      if (stack.length === 0) closed = true;
      continue;
    }
    if (stack.length >= MAX_DEPTH) return null;
    stack.push(name);
    if (stack.length === 2) text = '';
  }
  if (!closed || root === null || xml.slice(at).trim() !== '') return null;
  return { root, children };
}

function firstText(children: Child[], name: string): string | null {
  const child = children.find((c) => c.name === name);
  return child ? child.text : null;
}

/** A field's text as plain text: markup inside it dropped, entities decoded. */
const plainText = (text: string): string => decodeEntities(text.replace(/<[^>]*>/g, ' '));

/** Cuts `text` to at most `max` UTF-16 units, ending in "…", never between the halves of a surrogate pair. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = /[\ud800-\udbff]$/.test(text.slice(0, max - 1)) ? max - 2 : max - 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}

function clip(text: string | null, max: number): string | null {
  if (text === null) return null;
  const cleaned = cleanOrNull(plainText(text));
  return cleaned === null ? null : shorten(cleaned, max);
}

/**
 * Every `<genre>` element's genres, split on / | , ; and cleaned, the first spelling of each kept (case
 * ignored, a little more widely than the index's ASCII-only NOCASE), at most `MAX_GENRES` of at most
 * `MAX_GENRE_CHARS` each.
 */
function genresOf(children: Child[]): string[] {
  const genres = new Map<string, string>();
  for (const child of children) {
    if (child.name !== 'genre') continue;
    for (const part of plainText(child.text).split(GENRE_SEPARATORS)) {
      const cleaned = cleanOrNull(part);
      if (cleaned === null) continue;
      const genre = shorten(cleaned, MAX_GENRE_CHARS);
      const key = genre.toLowerCase();
      if (!genres.has(key)) genres.set(key, genre);
      if (genres.size === MAX_GENRES) return [...genres.values()];
    }
  }
  return [...genres.values()];
}

function yearOf(children: Child[]): number | null {
  for (const name of ['year', 'premiered', 'aired']) {
    const text = firstText(children, name)?.trim();
    const m = text ? /^(\d{4})(?:-\d{2}-\d{2})?$/.exec(text) : null;
    const year = m ? Number(m[1]) : NaN;
    if (year >= 1870 && year <= 2200) return year;
  }
  return null;
}

/** Title, year, plot and genres of an nfo document, or null when it is not a well-formed Kodi nfo. Never throws. */
export function parseNfo(xml: string): NfoInfo | null {
  if (xml.length > MAX_NFO_BYTES) return null;
  const tree = readTree(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml);
  if (!tree) return null;
  const { root, children } = tree;
  return {
    root,
    title: clip(firstText(children, 'title'), MAX_TITLE_CHARS),
    year: root === 'episodedetails' ? null : yearOf(children),
    plot: clip(firstText(children, 'plot') ?? firstText(children, 'outline'), MAX_PLOT_CHARS),
    genres: root === 'episodedetails' ? [] : genresOf(children),
  };
}
