import { AppError } from '../../contract/index.js';
import type { AlbumDetail, DetailRequest, Episode, Extra, FileFacts, LibraryDetail, Show } from '../../contract/index.js';
import { prepared, type ReadableDB } from './db.js';
import type { ItemRow } from './item-rows.js';
import { nextEpisode } from './episode-order.js';
import { albumSummaries, artistSummaries, movieParts, partsDuration, type AlbumRow } from './library-pages.js';
import { LISTED_MOVIE } from './page-queries.js';
import { byExtraTitle, ownerMovie, toExtra, toMovieRef, type ExtraRow, type MovieRef } from './snapshot-placement.js';
import { loadSubtitleLanguages, orderSeasons, orderTracks, SNAPSHOT_COLUMNS, toEpisode, toMovie, toTrack, type PictureLinks, type SnapshotRow } from './snapshot.js';
import { extraOwnerDir } from '../names/media-name.js';
import { movieDirOf } from '../names/movie-names.js';
import { titleKey } from '../names/name-text.js';

/**
 * `library.detail`: one item, show, album or artist with everything its page shows. One call for all four
 * (the request names the kind) so an item page, whatever it shows, has one door and one 'not-found'; each
 * reads only the rows of what it asked for, through the indexes on show, album, artist and part group.
 */

type DetailRow = SnapshotRow & Pick<ItemRow, 'folder_id' | 'rel_path' | 'part_group' | 'episode_end'> & { mime: string; size: number; extra_type: string | null };

const EXTRA_COLUMNS = 'id, folder_id, rel_path, title, extra_type, extra_owner, duration_sec';

const notFound = (what: string): AppError => new AppError('not-found', `That ${what} is not in the library any more.`);

/** The movies of a folder, as `ownerMovie` needs them: read only for folders that hold extras. */
function movieRefsOf(db: ReadableDB, folderId: string): MovieRef[] {
  return (prepared(db, `SELECT g.id, g.folder_id, g.rel_path, g.title FROM items g WHERE g.folder_id = ? AND ${LISTED_MOVIE}`).all(folderId) as Pick<
    ItemRow,
    'id' | 'folder_id' | 'rel_path' | 'title'
  >[]).map(toMovieRef);
}

/**
 * The extras `placeExtrasAndParts` would list under this movie. Only extras named after it or beside it can
 * be its own; the folder's movies (against which `ownerMovie` decides) are read only when there are such.
 */
function movieExtras(db: ReadableDB, movie: Pick<ItemRow, 'id' | 'folder_id' | 'rel_path' | 'title'>): Extra[] {
  const key = titleKey(movie.title);
  const dir = movieDirOf(movie.rel_path);
  const candidates = (prepared(db, `SELECT ${EXTRA_COLUMNS} FROM items WHERE extra_type IS NOT NULL AND folder_id = ?`).all(movie.folder_id) as ExtraRow[]).filter(
    (e) => (e.extra_owner !== null && titleKey(e.extra_owner) === key) || extraOwnerDir(e.rel_path) === dir,
  );
  if (candidates.length === 0) return [];
  const refs = movieRefsOf(db, movie.folder_id);
  return candidates.filter((e) => ownerMovie(e, refs) === movie.id).map(toExtra).sort(byExtraTitle);
}

/** The extras named after a show that no movie owns (as in the snapshot). */
function showExtras(db: ReadableDB, showTitle: string): Extra[] {
  const key = titleKey(showTitle);
  const named = (prepared(db, `SELECT ${EXTRA_COLUMNS} FROM items WHERE extra_type IS NOT NULL AND extra_owner IS NOT NULL`).all() as ExtraRow[]).filter(
    (e) => titleKey(e.extra_owner!) === key,
  );
  const refsByFolder = new Map<string, MovieRef[]>();
  const refs = (folderId: string): MovieRef[] => refsByFolder.get(folderId) ?? refsByFolder.set(folderId, movieRefsOf(db, folderId)).get(folderId)!;
  return named.filter((e) => ownerMovie(e, refs(e.folder_id)) === null).map(toExtra).sort(byExtraTitle);
}

function fileFacts(db: ReadableDB, row: DetailRow): FileFacts {
  if (row.part_group === null) return { mime: row.mime, size: row.size, parts: [] };
  const parts = movieParts(db, row.folder_id, row.part_group);
  return { mime: row.mime, size: parts.reduce((sum, p) => sum + p.size, 0), parts };
}

type EpisodeShow = Extract<LibraryDetail, { kind: 'episode' }>['show'];
type TrackAlbum = Extract<LibraryDetail, { kind: 'track' }>['album'];

/** An episode's show with its pictures, so the episode's page has them without asking for the show. */
function episodeShow(db: ReadableDB, row: DetailRow, links: PictureLinks): EpisodeShow {
  const show = prepared(db, 'SELECT id, title, poster_art, fanart_art FROM shows WHERE id = ?').get(row.show_id) as
    | { id: string; title: string; poster_art: string | null; fanart_art: string | null }
    | undefined;
  if (!show) throw notFound('episode');
  return { id: show.id, title: show.title, posterUrl: links.art(show.poster_art), fanartUrl: links.art(show.fanart_art), thumbUrl: links.thumb(show.poster_art) };
}

/** A track's album with the cover its own page shows (the same summary), without the album's tracks. */
function trackAlbum(db: ReadableDB, row: DetailRow, links: PictureLinks): TrackAlbum {
  const album = prepared(db, 'SELECT id, title, artist FROM albums WHERE id = ?').get(row.album_id) as AlbumRow | undefined;
  if (!album) throw notFound('track');
  const { id, title, artist, coverUrl, thumbUrl } = albumSummaries(db, [album], links)[0]!;
  return { id, title, artist, coverUrl, thumbUrl };
}

/** A movie's genres in its nfo's order (migration 012): a few rows of the item's own key. */
function movieGenres(db: ReadableDB, id: string): string[] {
  return prepared(db, 'SELECT genre FROM item_genres WHERE item_id = ? ORDER BY position').pluck().all(id) as string[];
}

function itemDetail(db: ReadableDB, id: string, links: PictureLinks): LibraryDetail {
  const row = prepared(db, `SELECT ${SNAPSHOT_COLUMNS}, folder_id, rel_path, part_group, episode_end, mime, size, extra_type FROM items WHERE id = ?`).get(id) as DetailRow | undefined;
  if (!row) throw notFound('item');
  const languages = loadSubtitleLanguages(db, [id]).get(id) ?? [];
  const file = fileFacts(db, row);
  if (row.kind === 'episode') return { kind: 'episode', episode: toEpisode(row, languages), show: episodeShow(db, row, links), file, next: nextEpisode(db, row) };
  if (row.kind === 'track') return { kind: 'track', track: toTrack(row), album: trackAlbum(db, row, links), file };
  const movie = toMovie(row, links.art, languages);
  const parts = file.parts.length > 0 ? { parts: file.parts.length, durationSec: partsDuration(file.parts) } : {};
  // An extra is played from its owner's page and lists no extras of its own.
  const extras = row.extra_type === null ? movieExtras(db, row) : [];
  return { kind: 'movie', movie: { ...movie, ...parts, extras, genres: movieGenres(db, id) }, file };
}

function showDetail(db: ReadableDB, id: string, links: PictureLinks): Show {
  const show = prepared(db, 'SELECT id, title, plot, poster_art, fanart_art FROM shows WHERE id = ?').get(id) as
    | { id: string; title: string; plot: string | null; poster_art: string | null; fanart_art: string | null }
    | undefined;
  const rows = prepared(db, `SELECT ${SNAPSHOT_COLUMNS} FROM items WHERE show_id = ?`).all(id) as SnapshotRow[];
  if (!show || rows.length === 0) throw notFound('show');
  const languages = loadSubtitleLanguages(db, rows.map((r) => r.id));
  const seasons = new Map<number, Episode[]>();
  for (const r of rows) {
    const episode = toEpisode(r, languages.get(r.id) ?? []);
    seasons.set(episode.season, [...(seasons.get(episode.season) ?? []), episode]);
  }
  return {
    id: show.id,
    title: show.title,
    seasons: orderSeasons(seasons),
    plot: show.plot,
    posterUrl: links.art(show.poster_art),
    fanartUrl: links.art(show.fanart_art),
    extras: showExtras(db, show.title),
  };
}

/**
 * The id of an album's artist, when that artist's page lists the album: an artist is a track artist (an
 * album lists under the artists of its tracks), found by the key `ensureArtist` gives the name.
 */
function albumArtistId(db: ReadableDB, album: AlbumRow): string | null {
  if (album.artist === null) return null;
  // Through the album's tracks (items_album), not the artist's, which may be thousands.
  const row = prepared(db, 'SELECT r.id FROM artists r WHERE r.artist_key = ? AND r.id IN (SELECT i.artist_id FROM items i WHERE i.album_id = ?)').get(
    titleKey(album.artist),
    album.id,
  ) as { id: string } | undefined;
  return row?.id ?? null;
}

function albumDetail(db: ReadableDB, id: string, links: PictureLinks): AlbumDetail {
  const album = prepared(db, 'SELECT id, title, artist FROM albums WHERE id = ?').get(id) as AlbumRow | undefined;
  const summary = album ? albumSummaries(db, [album], links)[0]! : null;
  if (!album || !summary || summary.trackCount === 0) throw notFound('album');
  const tracks = orderTracks((prepared(db, `SELECT ${SNAPSHOT_COLUMNS} FROM items WHERE album_id = ?`).all(id) as SnapshotRow[]).map(toTrack));
  const discs: AlbumDetail['discs'] = [];
  for (const track of tracks) {
    const last = discs[discs.length - 1];
    if (last && last.disc === track.discNo) last.tracks.push(track);
    else discs.push({ disc: track.discNo, tracks: [track] });
  }
  return { ...summary, artistId: albumArtistId(db, album), discs };
}

function artistDetail(db: ReadableDB, id: string, links: PictureLinks): LibraryDetail {
  const row = prepared(db, 'SELECT id, name FROM artists WHERE id = ?').get(id) as { id: string; name: string } | undefined;
  const artist = row ? artistSummaries(db, [row])[0]! : null;
  if (!artist || artist.trackCount === 0) throw notFound('artist');
  const albums = prepared(
    db,
    'SELECT a.id, a.title, a.artist FROM albums a WHERE a.id IN (SELECT album_id FROM items WHERE artist_id = ?) ORDER BY a.sort_title, a.id',
  ).all(id) as AlbumRow[];
  return { kind: 'artist', artist, albums: albumSummaries(db, albums, links) };
}

/** An item, show, album or artist by id; AppError 'not-found' when there is none. */
export function libraryDetail(db: ReadableDB, request: DetailRequest, links: PictureLinks): LibraryDetail {
  switch (request.kind) {
    case 'item':
      return itemDetail(db, request.id, links);
    case 'show':
      return { kind: 'show', show: showDetail(db, request.id, links) };
    case 'album':
      return { kind: 'album', album: albumDetail(db, request.id, links) };
    case 'artist':
      return artistDetail(db, request.id, links);
  }
}
