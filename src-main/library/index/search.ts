import type { Statement } from 'better-sqlite3';
import type { SearchHit } from '../../contract/index.js';
import type { ReadableDB } from './db.js';

/**
 * Search over the FTS5 index of titles (see migration 002).
 *
 * Why not `ORDER BY rank`: FTS5 must score every match before it can sort, and a one- or two-letter
 * prefix matches a large part of a big library (issue 6 measured 22 ms p99 at 100k items, against
 * 0.34 ms unranked). FTS5 prefix queries also gather the whole prefix's doclist before a LIMIT applies,
 * so even unranked, "t" costs milliseconds at 100k. Instead, passes that each stop at a LIMIT collect a
 * bounded set of candidates, strongest first, and JavaScript ranks only those:
 *
 *   1. titles that begin with the typed text: a range scan on `search_docs.title_key` (lower-cased
 *      title, B-tree index), O(log n + limit) however short the query ("nig" → "Night Train");
 *   2. titles in which every typed word begins a word, through FTS5, case- and accent-insensitive
 *      ("nig tr" → "Night Train", "beyonce" → "Beyoncé");
 *   3. anything matching in title or context (an episode by its show, a track by its artist).
 *
 * Each pass finds only weaker tiers than the one before, so once the request is filled the rest are
 * skipped: the short queries that match most of a library are answered by pass 1 alone. When a pass
 * matches more than its cap, which candidates it returns is arbitrary (alphabetical for pass 1,
 * document order for the others), so for very short queries the order within a tier is exact only
 * among those candidates.
 */

/** At most this many candidates per pass. */
const CANDIDATES_PER_PASS = 100;
/** Words of a query beyond this are ignored (each adds a term to the FTS5 query). */
const MAX_WORDS = 8;

/** How strongly a kind is preferred when the text matches equally well: containers first. */
const KIND_WEIGHT: Readonly<Record<SearchHit['kind'], number>> = { show: 0, movie: 0, artist: 1, album: 1, episode: 2, track: 2 };

const MATCH_SQL = `SELECT d.doc, d.kind, d.ref, d.title, d.subtitle, d.playable
  FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT ?) AS m JOIN search_docs d ON d.doc = m.rowid`;
// '\u{10FFFF}' sorts after every character, so [key, key || max) is exactly the keys that begin with key.
const BEGINS_SQL = `SELECT doc, kind, ref, title, subtitle, playable FROM search_docs
  WHERE title_key >= @key AND title_key < @key || char(1114111) ORDER BY title_key LIMIT @limit`;
const statements = new WeakMap<ReadableDB, { match: Statement; begins: Statement }>();

/** SQLite's `lower()`: ASCII only, so the typed key compares like the stored `title_key`. */
const asciiLower = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

interface DocRow {
  doc: number;
  kind: SearchHit['kind'];
  ref: string;
  title: string;
  subtitle: string | null;
  playable: string | null;
}

/**
 * Case- and accent-folded words, the way FTS5's `unicode61 remove_diacritics 2` sees them (closely
 * enough for ranking; matching itself is done by FTS5).
 */
function foldWords(text: string): string[] {
  // Plain ASCII (most titles) needs no Unicode normalization: the cheap path keeps ranking fast.
  // eslint-disable-next-line no-control-regex
  const folded = /^[\x00-\x7f]*$/.test(text) ? text.toLowerCase() : text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

/**
 * Turns typed text into a safe FTS5 query: every word becomes a quoted prefix term (`"nig"* "tr"*`), so
 * no character the user types (`"`, `*`, `-`, `NEAR(`, `AND`, `:`) is ever read as FTS5 syntax. Returns
 * null when nothing searchable is left.
 */
export function ftsTerms(query: string): string[] | null {
  const words = foldWords(query.slice(0, 200)).slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  // Words hold only letters and digits, but quote-doubling keeps this safe even if that ever changes.
  return words.map((word) => `"${word.replace(/"/g, '""')}"`);
}

/** 0 = the title is the query; 1 = begins with it; 2 = every word begins a title word, first one first; 3 = every word in the title; 4 = elsewhere. */
function tier(titleWords: readonly string[], queryWords: readonly string[]): number {
  const title = titleWords.join(' ');
  const query = queryWords.join(' ');
  if (title === query) return 0;
  if (title.startsWith(query)) return 1;
  const inTitle = queryWords.every((q) => titleWords.some((w) => w.startsWith(q)));
  if (!inTitle) return 4;
  return titleWords[0]!.startsWith(queryWords[0]!) ? 2 : 3;
}

/** Ranked hits for what the user has typed so far; [] for an empty or unsearchable query. */
export function searchIndex(db: ReadableDB, query: string, limit: number): SearchHit[] {
  const terms = ftsTerms(query);
  if (terms === null || limit <= 0) return [];
  const queryWords = foldWords(query).slice(0, MAX_WORDS);
  const cap = Math.max(limit, CANDIDATES_PER_PASS);
  let sql = statements.get(db);
  if (!sql) statements.set(db, (sql = { match: db.prepare(MATCH_SQL), begins: db.prepare(BEGINS_SQL) }));
  const { match, begins } = sql;
  const typed = asciiLower(query.slice(0, 200).replace(/\s+/g, ' ').trimStart());
  const passes: (() => DocRow[])[] = [
    // Every row here is a tier 0/1 match; a few times the limit leaves room to prefer short titles.
    () => (typed === '' ? [] : (begins.all({ key: typed, limit: Math.min(cap, limit * 3) }) as DocRow[])),
    () => match.all(`{title} : ${terms.map((t) => `${t}*`).join(' ')}`, cap) as DocRow[],
    () => match.all(terms.map((t) => `${t}*`).join(' '), cap) as DocRow[],
  ];
  const found = new Map<number, DocRow>();
  for (const pass of passes) {
    for (const row of pass()) found.set(row.doc, row);
    if (found.size >= limit) break;
  }
  const ranked = [...found.values()].map((row) => {
    const words = foldWords(row.title);
    return { row, tier: words.length === 0 ? 4 : tier(words, queryWords), length: row.title.length };
  });
  ranked.sort(
    (a, b) =>
      a.tier - b.tier ||
      KIND_WEIGHT[a.row.kind] - KIND_WEIGHT[b.row.kind] ||
      a.length - b.length ||
      (a.row.title < b.row.title ? -1 : a.row.title > b.row.title ? 1 : 0),
  );
  return ranked.slice(0, limit).map(({ row }) => ({
    id: row.ref,
    kind: row.kind,
    title: row.title,
    subtitle: row.subtitle,
    playableId: row.playable,
  }));
}
