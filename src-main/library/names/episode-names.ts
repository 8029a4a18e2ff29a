import { cleanOrNull, cleanText, cutAtReleaseTags, extractExternalId, separatorsToSpaces, trimSeparators } from './name-text.js';

export interface EpisodeName {
  showTitle: string;
  /** For a date-based episode, the year. */
  season: number;
  /** For a date-based episode, month × 100 + day (so episodes sort by date). */
  episode: number;
  /** Last episode of a multi-episode file (`S01E02E03` → 3), else null. */
  episodeEnd: number | null;
  episodeTitle: string | null;
  /** Air date of a date-based episode (`Show 2024-03-05`), `YYYY-MM-DD`, else null. */
  date: string | null;
  /** Numbered from the first episode of the show, without seasons (anime: `[Group] Show - 12`). */
  absolute: boolean;
}

interface EpisodeMarker {
  season: number | null;
  episode: number;
  episodeEnd: number | null;
  start: number;
  end: number;
  date?: string;
  absolute?: boolean;
}

// 2024-03-05, 2024.03.05, 2024_03_05, 2024 03 05 (a real month and day)
const AIR_DATE = /(?:^|[^\d])(((?:19|20)\d{2})[-._ ](0[1-9]|1[0-2])[-._ ](0[1-9]|[12]\d|3[01]))(?!\d)/;
// "[Group] Show - 12 [1080p]", "Show - 012v2": a dash, then a bare episode number of up to four digits
const ABSOLUTE = /[\s._]-[\s._]+(\d{1,4})(?:v\d)?(?=$|[\s._[(-])/;
const LEADING_GROUP = /^\s*\[[^\]]*\]\s*/;

// S01E02, s1e2, S01.E02, S01E02E03, S01E02-E03, S01E02-03
const SXXEYY = /(?:^|[^a-z0-9])(s(\d{1,3})[\s._-]?e(\d{1,4})((?:(?:[\s._-]?-?[\s._-]?e|-)\d{1,4}(?![\dp]))*))(?![a-z0-9])/i;
// 1x02, 1x02-03, 1x02x03; never 1920x1080 (a leading digit or four digits do not match)
const NXNN = /(?:^|[^a-z0-9])((\d{1,2})x(\d{2,3})((?:[-x]\d{2,3})*))(?![a-z0-9])/i;
// "E05", "Ep 5", "Episode 05" inside a season folder
const BARE_EPISODE = /(?:^|[^a-z0-9])((?:episode|ep|e)[\s._-]?(\d{1,4}))(?![a-z0-9])/i;

/** Finds the season/episode marker in a base name, if any. */
function findEpisodeMarker(base: string): EpisodeMarker | null {
  const tail = (text: string | undefined): number | null => {
    const numbers = [...(text ?? '').matchAll(/\d+/g)].map((m) => Number(m[0]));
    return numbers.length > 0 ? numbers[numbers.length - 1]! : null;
  };
  const range = (first: number, last: number | null): number | null => (last !== null && last > first ? last : null);

  const sxe = SXXEYY.exec(base);
  if (sxe) {
    const start = sxe.index + sxe[0].length - sxe[1]!.length;
    const episode = Number(sxe[3]);
    return { season: Number(sxe[2]), episode, episodeEnd: range(episode, tail(sxe[4])), start, end: start + sxe[1]!.length };
  }
  const nxn = NXNN.exec(base);
  if (nxn) {
    const start = nxn.index + nxn[0].length - nxn[1]!.length;
    const episode = Number(nxn[3]);
    return { season: Number(nxn[2]), episode, episodeEnd: range(episode, tail(nxn[4])), start, end: start + nxn[1]!.length };
  }
  const date = AIR_DATE.exec(base);
  if (date) {
    const start = date.index + date[0].length - date[1]!.length;
    const [year, month, day] = [Number(date[2]), Number(date[3]), Number(date[4])];
    const iso = `${date[2]}-${date[3]}-${date[4]}`;
    return { season: year, episode: month * 100 + day, episodeEnd: null, start, end: start + date[1]!.length, date: iso };
  }
  const bare = BARE_EPISODE.exec(base);
  if (bare) {
    const start = bare.index + bare[0].length - bare[1]!.length;
    return { season: null, episode: Number(bare[2]), episodeEnd: null, start, end: start + bare[1]!.length };
  }
  return null;
}

/** An absolute episode number (`Show - 12`), for names without a season marker. */
function findAbsoluteMarker(base: string): EpisodeMarker | null {
  const m = ABSOLUTE.exec(base);
  if (!m || m.index === 0) return null;
  return { season: 1, episode: Number(m[1]), episodeEnd: null, start: m.index, end: m.index + m[0].length, absolute: true };
}

/**
 * Whether a base name reads as an episode on its own (used to sort files in mixed folders): SxxEyy,
 * 1x02, an air date, or a fansub-style `[Group] Show - 12`.
 */
export function looksLikeEpisode(base: string): boolean {
  return SXXEYY.test(base) || NXNN.test(base) || AIR_DATE.test(base) || (LEADING_GROUP.test(base) && findAbsoluteMarker(base.replace(LEADING_GROUP, '')) !== null);
}

/** The season a folder name stands for: `Season 01`, `Series 2`, `S03`, `Specials` (0), else null. */
export function seasonOfFolder(name: string): number | null {
  const text = cleanText(name);
  if (/^specials?$/i.test(text)) return 0;
  const m = /^(?:season|series|staffel|saison|temporada|stagione)[\s._-]*(\d{1,3})$/i.exec(text) ?? /^s(\d{1,3})$/i.exec(text);
  return m ? Number(m[1]) : null;
}

function cleanShowTitle(raw: string): string {
  return cleanText(cutAtReleaseTags(separatorsToSpaces(extractExternalId(raw).text.replace(LEADING_GROUP, ''))));
}

/**
 * An episode from its path segments (relative to the library folder; the last is the base name without
 * extension), or null when no season and episode number can be found. In a shows folder the show's own
 * folder (the nearest ancestor that is not a season folder) names the show, because file names are often
 * scene-mangled; in a mixed folder (`Downloads/…`) folders say little, so the name's prefix wins when it
 * has one.
 */
export function parseEpisode(segments: readonly string[], opts: { preferFileName?: boolean } = {}): EpisodeName | null {
  // "[Group] " in front of a fansub release is never part of the show's name.
  const base = (segments[segments.length - 1] ?? '').replace(LEADING_GROUP, '');
  const folders = segments.slice(0, -1);
  const parent = folders[folders.length - 1];
  const folderSeason = parent === undefined ? null : seasonOfFolder(parent);
  const showFolder = [...folders].reverse().find((name) => seasonOfFolder(name) === null);

  let marker = findEpisodeMarker(base);
  if (marker && marker.season === null && folderSeason === null) marker = { ...marker, season: 1, absolute: true };
  if (!marker && folderSeason !== null) {
    // "Season 02/05 - Name.mkv": a leading number is the episode.
    const lead = /^(\d{1,3})(?![\dp])/.exec(base.trim());
    if (lead) marker = { season: folderSeason, episode: Number(lead[1]), episodeEnd: null, start: 0, end: lead[0].length };
  }
  if (!marker && folderSeason === null) marker = findAbsoluteMarker(base);
  if (!marker) return null;

  const prefix = cleanShowTitle(base.slice(0, marker.start));
  const fromFolder = showFolder !== undefined ? cleanShowTitle(showFolder) : '';
  const showTitle = opts.preferFileName ? prefix || fromFolder : fromFolder || prefix;
  if (showTitle === '') return null;

  // Bracketed groups after the number are release details ("[1080p]", "[ABCD1234]", "(BD 1080p)").
  const rest = base.slice(marker.end).replace(/\[[^\]]*\]/g, ' ').replace(/\((?:[^)]*\d{3,4}p[^)]*|[A-F0-9]{8})\)/gi, ' ');
  let episodeTitle = cleanOrNull(cutAtReleaseTags(separatorsToSpaces(trimSeparators(rest))));
  // "Show - S01E02 - Show" style repeats are not titles.
  if (episodeTitle !== null && episodeTitle.toLowerCase() === showTitle.toLowerCase()) episodeTitle = null;

  return {
    showTitle,
    season: marker.season ?? folderSeason ?? 0,
    episode: marker.episode,
    episodeEnd: marker.episodeEnd,
    episodeTitle,
    date: marker.date ?? null,
    absolute: marker.absolute ?? false,
  };
}
