import { createHash } from 'node:crypto';
import type { WritableDB } from '../index/db.js';

/**
 * A 100,000-item index written straight with SQL (no media files): movies (with ties in every sort key,
 * unknown years and durations, case-only title differences, movies in two parts, and extras), shows with
 * episodes, albums with tracks over two discs, genres on most movies (a common one in two spellings, a middling
 * one, a rare one, and one only a later part and an extra have). What was inserted is returned, so tests check the queries
 * against it rather than against themselves.
 */

export interface BigMovie {
  id: string;
  title: string;
  year: number | null;
  durationSec: number | null;
  addedAt: number;
  width: number | null;
  watched: boolean;
  /** As stored, in order; "Drama" and "drama" are one genre. */
  genres: string[];
}

export interface BigIndex {
  /** The movies a listing shows: no extras, and a movie in parts once (its first part). */
  movies: BigMovie[];
  shows: { id: string; title: string; addedAt: number; episodes: number }[];
  albums: { id: string; title: string; addedAt: number }[];
  artists: { id: string; name: string; addedAt: number }[];
  /** A movie in two parts, with its two extras. */
  split: { id: string; followerId: string; extraIds: string[] };
  folderId: string;
}

export const BIG_COUNTS = { movies: 40_000, shows: 500, episodesPerShow: 60, albums: 2_000, tracksPerAlbum: 15, artists: 1_000 };
/** How many of each a big index holds: the tests' 100,000 items, or a bench's own sizes. */
export type BigCounts = typeof BIG_COUNTS;

/** A stable id in no particular order (so ties are not broken by insertion order by accident). */
export const bigId = (seed: string): string => createHash('sha256').update(seed).digest('base64url').slice(0, 22);

const WORDS = ['night', 'train', 'harbour', 'light', 'paper', 'moon', 'long', 'walk', 'river', 'glass', 'wing', 'storm', 'echo', 'silver', 'road'];
const titleOf = (n: number): string => {
  const title = `${WORDS[n % 15]} ${WORDS[Math.floor(n / 15) % 15]} ${Math.floor(n / 225) % 40}`;
  // Every third title capitalised: sorting must ignore case, ties only by id.
  return n % 3 === 0 ? title.replace(/\b\w/g, (c) => c.toUpperCase()) : title;
};
const WIDTHS = [720, 1280, 1920, 3840, null];
/**
 * A quarter of movies are Drama (an eighth spelled "drama"), 5 % Film-Noir, 1 % Western, the rest one of three
 * or none: a common, a middling and a rare genre, each paged by a plan of its own (`genrePlan`).
 */
const genresOf = (n: number): string[] => {
  const genres = n % 4 === 0 ? [n % 8 === 0 ? 'Drama' : 'drama'] : n % 5 === 0 ? [] : [['Comedy', 'Crime', 'Horror'][n % 4 - 1]!];
  if (n % 20 === 7) genres.push('Film-Noir');
  return n % 100 === 3 ? [...genres, 'Western'] : genres;
};

interface Inserts {
  item: (row: Record<string, unknown>) => void;
  genres: (itemId: string, genres: readonly string[]) => void;
  group: (table: 'shows' | 'albums' | 'artists', id: string, key: string, title: string, addedAt: number) => void;
}

function inserts(db: WritableDB, folderId: string): Inserts {
  const item = db.prepare(`INSERT INTO items (id, folder_id, rel_path, kind, title, year, show_id, show_title, season, episode, episode_title,
      album_id, album, artist, artist_id, track_no, disc_no, duration_sec, width, height, watched, mime, size, mtime_ms, scanned_at, added_at,
      part, part_group, extra_type, extra_owner)
    VALUES (@id, '${folderId}', @relPath, @kind, @title, @year, @showId, @showTitle, @season, @episode, @episodeTitle,
      @albumId, @album, @artist, @artistId, @trackNo, @discNo, @durationSec, @width, @height, @watched, 'video/mp4', @size, 1, 0, @addedAt,
      @part, @partGroup, @extraType, @extraOwner)`);
  const nulls = { year: null, showId: null, showTitle: null, season: null, episode: null, episodeTitle: null, albumId: null, album: null, artist: null };
  const more = { artistId: null, trackNo: null, discNo: null, durationSec: null, width: null, height: null, watched: 0, size: 1000, part: null };
  const rest = { partGroup: null, extraType: null, extraOwner: null };
  const groups = {
    shows: db.prepare('INSERT INTO shows (id, title_key, title, added_at) VALUES (?, ?, ?, ?)'),
    albums: db.prepare('INSERT INTO albums (id, album_key, title, artist, added_at) VALUES (?, ?, ?, NULL, ?)'),
    artists: db.prepare('INSERT INTO artists (id, artist_key, name, added_at) VALUES (?, ?, ?, ?)'),
  };
  const genre = db.prepare('INSERT INTO item_genres (item_id, genre, position) VALUES (?, ?, ?)');
  return {
    item: (row) => item.run({ ...nulls, ...more, ...rest, ...row }),
    genres: (itemId, genres) => genres.forEach((name, position) => genre.run(itemId, name, position)),
    group: (table, id, key, title, addedAt) => groups[table].run(id, key, title, addedAt),
  };
}

function insertMovies(add: Inserts, out: BigIndex, counts: BigCounts): void {
  for (let n = 0; n < counts.movies; n++) {
    const movie: BigMovie = {
      id: bigId(`movie ${n}`),
      title: titleOf(n),
      year: n % 20 === 0 ? null : 1950 + (n % 75),
      durationSec: n % 25 === 0 ? null : 60 * (80 + (n % 90)),
      addedAt: 1_700_000_000_000 + (n % 500) * 86_400_000,
      width: WIDTHS[n % 5]!,
      watched: n % 3 === 1,
      genres: genresOf(n),
    };
    out.movies.push(movie);
    const { genres, ...row } = movie;
    add.item({ ...row, relPath: `Movies/${n}/${movie.title}.mp4`, kind: 'movie', height: movie.width, watched: movie.watched ? 1 : 0 });
    add.genres(movie.id, genres);
  }
  // One movie in two parts with two extras: a listing shows it once, with both parts' length, and the first
  // part's genres (the second part's and the extras' are not the movie's).
  const split = { id: bigId('split 1'), followerId: bigId('split 2'), extraIds: [bigId('trailer'), bigId('featurette')] };
  const movie: BigMovie = { id: split.id, title: 'Split Movie', year: 2001, durationSec: 3000, addedAt: 1_700_000_000_000, width: 1920, watched: false, genres: ['Drama'] };
  out.movies.push(movie);
  const part = { kind: 'movie', title: 'Split Movie', year: 2001, durationSec: 3000, width: 1920, addedAt: movie.addedAt, partGroup: 'Movies/split\u0000split movie\u00002001' };
  add.item({ ...part, id: split.id, relPath: 'Movies/split/Split Movie cd1.mp4', part: 1 });
  add.item({ ...part, id: split.followerId, relPath: 'Movies/split/Split Movie cd2.mp4', part: 2, size: 2000 });
  add.item({ id: split.extraIds[0], relPath: 'Movies/split/Trailers/Split Movie.mp4', kind: 'movie', title: 'Split Movie', addedAt: 1, extraType: 'trailer', extraOwner: 'Split Movie' });
  add.item({ id: split.extraIds[1], relPath: 'Movies/split/Featurettes/Making of.mp4', kind: 'movie', title: 'Making of', addedAt: 1, extraType: 'featurette', extraOwner: 'Split Movie' });
  add.genres(split.id, movie.genres);
  add.genres(split.followerId, ['Drama', 'Part Two Only']);
  add.genres(split.extraIds[0]!, ['Part Two Only']);
  out.split = split;
}

function insertShows(add: Inserts, out: BigIndex, counts: BigCounts): void {
  for (let s = 0; s < counts.shows; s++) {
    const show = { id: bigId(`show ${s}`), title: titleOf(s * 7), addedAt: 1_600_000_000_000 + (s % 50), episodes: counts.episodesPerShow };
    out.shows.push(show);
    add.group('shows', show.id, `show ${s}`, show.title, show.addedAt);
    for (let e = 0; e < counts.episodesPerShow; e++) {
      // Inserted out of order (season 3 first) so a detail must sort them.
      const season = 3 - Math.floor(e / 20);
      const episode = 20 - (e % 20);
      add.item({
        id: bigId(`show ${s} episode ${e}`),
        relPath: `Shows/${s}/S${season}E${episode}.mkv`,
        kind: 'episode',
        title: `Episode ${episode}`,
        showId: show.id,
        showTitle: show.title,
        season,
        episode,
        episodeTitle: `Episode ${episode}`,
        watched: season === 1 ? 1 : 0,
        addedAt: show.addedAt,
      });
    }
  }
}

function insertMusic(add: Inserts, out: BigIndex, counts: BigCounts): void {
  for (let a = 0; a < counts.artists; a++) {
    const artist = { id: bigId(`artist ${a}`), name: titleOf(a * 11), addedAt: 1_500_000_000_000 + (a % 10) };
    out.artists.push(artist);
    add.group('artists', artist.id, `artist ${a}`, artist.name, artist.addedAt);
  }
  for (let a = 0; a < counts.albums; a++) {
    const album = { id: bigId(`album ${a}`), title: titleOf(a * 3), addedAt: 1_500_000_000_000 + (a % 30) };
    out.albums.push(album);
    add.group('albums', album.id, `album ${a}`, album.title, album.addedAt);
    for (let t = 0; t < counts.tracksPerAlbum; t++) {
      // Tracks of an album by two artists (each artist on four albums), over two discs, inserted backwards.
      const artist = out.artists[(a + (t % 2)) % counts.artists]!;
      const disc = t < 8 ? 2 : 1;
      add.item({
        id: bigId(`album ${a} track ${t}`),
        relPath: `Music/${a}/${t}.flac`,
        kind: 'track',
        title: `Track ${t}`,
        albumId: album.id,
        album: album.title,
        artist: artist.name,
        artistId: artist.id,
        trackNo: 15 - t,
        discNo: disc,
        year: 1990 + (a % 30),
        addedAt: album.addedAt,
      });
    }
  }
}

/** Fills an empty, migrated index with 100,000 items (or `counts`); returns what it inserted. */
export function buildBigIndex(db: WritableDB, counts: BigCounts = BIG_COUNTS): BigIndex {
  const folderId = bigId('folder');
  db.prepare("INSERT INTO folders (id, path, kind, added_at) VALUES (?, '/media', 'mixed', 0)").run(folderId);
  const out: BigIndex = { movies: [], shows: [], albums: [], artists: [], split: { id: '', followerId: '', extraIds: [] }, folderId };
  const add = inserts(db, folderId);
  db.transaction(() => {
    insertMovies(add, out, counts);
    insertShows(add, out, counts);
    insertMusic(add, out, counts);
  })();
  return out;
}
