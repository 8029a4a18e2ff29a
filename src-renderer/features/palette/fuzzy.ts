/** Fuzzy matching for the palette: "movi" and "gmv" both find "Go to Movies". */

export interface FuzzyMatch {
  /** Higher is better; only comparable between matches of the same query. */
  score: number;
  /** Indexes (into `[...text]`, by code point) of the characters matched, for marking them. */
  positions: number[];
}

/** One folded character per code point (case and accents dropped), so positions map back to the text. */
function foldChars(text: string): string[] {
  return [...text].map((ch) => [...ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()][0] ?? ch);
}

function isWordStart(chars: readonly string[], i: number): boolean {
  return i === 0 || !/[\p{L}\p{N}]/u.test(chars[i - 1]!);
}

function substringAt(hay: readonly string[], needle: readonly string[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Each query character in order, taking a word's first letter where one comes before the next plain hit. */
function subsequence(hay: readonly string[], needle: readonly string[], preferStarts: boolean): number[] | null {
  const positions: number[] = [];
  let from = 0;
  for (const ch of needle) {
    let at = -1;
    if (preferStarts) for (let i = from; i < hay.length && at < 0; i++) if (hay[i] === ch && isWordStart(hay, i)) at = i;
    if (at < 0) at = hay.indexOf(ch, from);
    if (at < 0) return null;
    positions.push(at);
    from = at + 1;
  }
  return positions;
}

/** How well `query` matches `text`, or null when its characters do not all appear in order. */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const needle = foldChars(query.trim().replace(/\s+/g, ' '));
  if (needle.length === 0) return { score: 0, positions: [] };
  const hay = foldChars(text);
  const at = substringAt(hay, needle);
  if (at >= 0) return { score: 1000 + (isWordStart(hay, at) ? 500 : 0) - at, positions: needle.map((_, i) => at + i) };
  // Spaces in the query only separate: "theme dark" finds "Theme: dark".
  const letters = needle.filter((c) => c !== ' ');
  const positions = subsequence(hay, letters, true) ?? subsequence(hay, letters, false);
  if (!positions) return null;
  const starts = positions.filter((p) => isWordStart(hay, p)).length;
  const runs = positions.filter((p, i) => i > 0 && p === positions[i - 1]! + 1).length;
  return { score: 100 + 20 * starts + 10 * runs - (positions[positions.length - 1]! - positions[0]!), positions };
}

/** The text split into marked (matched) and plain parts, by code point. */
export function markPositions(text: string, positions: readonly number[]): Array<{ text: string; match: boolean }> {
  const marked = new Set(positions);
  const parts: Array<{ text: string; match: boolean }> = [];
  [...text].forEach((ch, i) => {
    const match = marked.has(i);
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += ch;
    else parts.push({ text: ch, match });
  });
  return parts;
}
