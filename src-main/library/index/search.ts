import type { Statement } from 'better-sqlite3';
import type { SearchHit } from '../../contract/index.js';
import { prepared, type ReadableDB } from './db.js';

/**
 * Search over the FTS5 index of titles (see migration 002) and, for typos, its trigram index (006).
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
 *   3. anything matching in title or context (an episode by its show, a track by its artist);
 *   4. only when passes 1–3 found nothing: typos, titles with a word a small edit away from each typed
 *      word of 4 letters or more ("nigth" → "Night Train"), fewest edits first (see `typoPass`).
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
  /** Pass 4 only: edits from the typed words to the title's (see `typoEdits`). */
  edits?: number;
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

/**
 * Typo tolerance starts at 4 letters. A 1–3 letter word is one edit away from a large share of all short
 * words ("car", "cat", "at", "art"), so its "corrections" would be noise; it has at most one trigram, which
 * any typo destroys, so the trigram index could not find them anyway; and such queries are still being
 * typed: pass 1 answers them.
 */
const MIN_TYPO_WORD = 4;
/**
 * Rowids read per trigram of the typed words, and trigrams looked up per query: together they bound pass 4
 * at 16 × 200 index reads whatever the library's size. A trigram held by more titles than this ("the")
 * yields an arbitrary 200 of them; the rarer trigrams of the same word, read whole, carry the ranking.
 */
const ROWS_PER_TRIGRAM = 200;
const MAX_TRIGRAMS = 16;

/**
 * Pass 4's two reads, exported for the query-plan test. Trigram lists are read unranked: ranking an OR of
 * a word's trigrams by bm25 measured 8–130 ms at 100,000 titles (it scores every title holding "the" or
 * "nig"), against about 1 ms for all the capped reads of "nigth".
 */
export const TYPO_SQL = {
  trigram: 'SELECT rowid AS doc FROM search_trigrams WHERE search_trigrams MATCH ? LIMIT ?',
  docs: 'SELECT doc, kind, ref, title, subtitle, playable FROM search_docs WHERE doc IN (SELECT value FROM json_each(?))',
} as const;

/** Edits a typed word may be away from a title word: one up to 7 letters, two from 8. */
const allowedEdits = (word: string): number => (word.length >= 8 ? 2 : 1);

/**
 * Damerau–Levenshtein distance in its optimal-string-alignment form: inserting, deleting or replacing a
 * character, or swapping two neighbours, costs one edit each ("nigth" → "night" is 1, not 2).
 * Compares code points, so a letter outside the BMP counts once.
 */
export function editDistance(from: string, to: string): number {
  const a = Array.from(from);
  const b = Array.from(to);
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    [before, previous] = [previous, current];
  }
  return previous[b.length]!;
}

/** Fewest edits from a typed word to a title word or to its beginning, or more than allowed when neither is close. */
function wordEdits(typed: string, word: string): number {
  const allowed = allowedEdits(typed);
  // Lengths further apart than the allowed edits cannot be close: skip the quadratic work on long words.
  const whole = Math.abs(word.length - typed.length) <= allowed ? editDistance(typed, word) : allowed + 1;
  return Math.min(whole, editDistance(typed, word.slice(0, typed.length)));
}

/**
 * Edits from the typed words to the title's: each typed word counts the fewest edits to some title word,
 * or to its beginning (the user may still be typing: "lantre" is one swap from "lanter…n"). 0 for a word
 * that begins a title word; null when a word is too short to correct or too far from every title word.
 */
export function typoEdits(
  titleWords: readonly string[],
  queryWords: readonly string[],
  edits: (typed: string, word: string) => number = wordEdits,
): number | null {
  let total = 0;
  for (const typed of queryWords) {
    if (titleWords.some((word) => word.startsWith(typed))) continue;
    if (typed.length < MIN_TYPO_WORD) return null;
    const fewest = Math.min(...titleWords.map((word) => edits(typed, word)));
    if (fewest > allowedEdits(typed)) return null;
    total += fewest;
  }
  return total;
}

/** `wordEdits` remembering its answers: candidate titles share most of their words ("The", "Night"). */
function rememberedWordEdits(): (typed: string, word: string) => number {
  const known = new Map<string, number>();
  return (typed, word) => {
    const key = `${typed}\u0000${word}`;
    let edits = known.get(key);
    if (edits === undefined) known.set(key, (edits = wordEdits(typed, word)));
    return edits;
  };
}

/**
 * The trigrams to look up for the typed words long enough to correct, at most `MAX_TRIGRAMS`: each word's
 * own first, then those of the word with one letter deleted. A swap or a wrong letter in the middle of a
 * short word can destroy every trigram it shares with the title ("nihgt" has none of "night"'s); deleting
 * each letter in turn brings back a run the title holds ("nigt" → "nig").
 */
export function typoTrigrams(queryWords: readonly string[]): string[] {
  // A word's first MAX_TRIGRAMS letters already give that many trigrams: the rest would only cost time.
  const words = queryWords
    .map((word) => Array.from(word).slice(0, MAX_TRIGRAMS))
    .filter((letters) => letters.length >= MIN_TYPO_WORD);
  const trigrams = new Set<string>();
  const add = (letters: readonly string[]): void => {
    for (let i = 0; i + 3 <= letters.length && trigrams.size < MAX_TRIGRAMS; i++) trigrams.add(letters.slice(i, i + 3).join(''));
  };
  for (const letters of words) add(letters);
  for (const letters of words) for (let i = 0; i < letters.length && trigrams.size < MAX_TRIGRAMS; i++) add(letters.toSpliced(i, 1));
  return [...trigrams];
}

/** The `cap` documents that hold the most of `trigrams` (then the oldest), from bounded index reads. */
function mostSharedTrigrams(db: ReadableDB, trigrams: readonly string[], cap: number): number[] {
  const shared = new Map<number, number>();
  const read = prepared(db, TYPO_SQL.trigram);
  for (const trigram of trigrams) {
    // Quoted, so the trigram is read as text, never as FTS5 syntax.
    for (const { doc } of read.all(`"${trigram.replace(/"/g, '""')}"`, ROWS_PER_TRIGRAM) as { doc: number }[]) {
      shared.set(doc, (shared.get(doc) ?? 0) + 1);
    }
  }
  return [...shared]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, cap)
    .map(([doc]) => doc);
}

/**
 * Pass 4: candidates from the trigram index (`search_trigrams`, migration 006) by how many trigrams of the
 * typed words they share, at most `cap`, then kept only when every typed word is close to a title word.
 */
function typoPass(db: ReadableDB, queryWords: readonly string[], cap: number): DocRow[] {
  const trigrams = typoTrigrams(queryWords);
  if (trigrams.length === 0) return [];
  const docs = mostSharedTrigrams(db, trigrams, cap);
  if (docs.length === 0) return [];
  const rows = prepared(db, TYPO_SQL.docs).all(JSON.stringify(docs)) as DocRow[];
  const wordEdits = rememberedWordEdits();
  return rows.flatMap((row) => {
    const edits = typoEdits(foldWords(row.title), queryWords, wordEdits);
    return edits === null ? [] : [{ ...row, edits }];
  });
}

/** Best first: by tier (typo matches last, fewest edits first), kind, length, title. */
function rank(rows: Iterable<DocRow>, queryWords: readonly string[]): DocRow[] {
  const ranked = [...rows].map((row) => {
    const words = foldWords(row.title);
    const exact = words.length === 0 ? 4 : tier(words, queryWords);
    return { row, tier: row.edits === undefined ? exact : 5, edits: row.edits ?? 0, length: row.title.length };
  });
  ranked.sort(
    (a, b) =>
      a.tier - b.tier ||
      a.edits - b.edits ||
      KIND_WEIGHT[a.row.kind] - KIND_WEIGHT[b.row.kind] ||
      a.length - b.length ||
      (a.row.title < b.row.title ? -1 : a.row.title > b.row.title ? 1 : 0),
  );
  return ranked.map(({ row }) => row);
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
  // Only when nothing matches as typed (Typesense's default too): beside exact hits, corrections are noise
  // ("night" would list "Harbour Lights", one edit from "light").
  if (found.size === 0) for (const row of typoPass(db, queryWords, cap)) found.set(row.doc, row);
  return rank(found.values(), queryWords)
    .slice(0, limit)
    .map((row) => ({ id: row.ref, kind: row.kind, title: row.title, subtitle: row.subtitle, playableId: row.playable }));
}
