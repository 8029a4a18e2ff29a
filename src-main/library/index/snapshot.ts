import path from 'node:path';
import type { Album, Episode, Folder, LibrarySnapshot, Movie, Show, Track } from '../../contract/index.js';
import type { ReadableDB } from './db.js';
import { countItemsByFolder, listFolderRows } from './index-store.js';
import type { FolderRow } from './index-store.js';
import { cleanText } from '../names/name-text.js';
import { placeExtrasAndParts } from './snapshot-placement.js';
import { continueWatching } from './user-state.js';

interface ItemRow {
  id: string;
  kind: 'movie' | 'episode' | 'track';
  title: string;
  year: number | null;
  show_id: string | null;
  season: number | null;
  episode: number | null;
  episode_title: string | null;
  album_id: string | null;
  artist: string | null;
  track_no: number | null;
  disc_no: number | null;
  duration_sec: number | null;
  container: string | null;
  video_codec: string | null;
  audio_codec: string | null;
  width: number | null;
  height: number | null;
  resume_sec: number | null;
  watched: number;
  plot: string | null;
  poster_art: string | null;
  fanart_art: string | null;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const byNumber = (a: number | null, b: number | null): number => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER);

function facts(r: ItemRow) {
  return {
    durationSec: r.duration_sec,
    container: r.container,
    videoCodec: r.video_codec,
    audioCodec: r.audio_codec,
    width: r.width,
    height: r.height,
    resumeSec: r.resume_sec,
    watched: r.watched === 1,
  };
}

/** A folder as the renderer sees it: display name only, never the path. */
export function toFolderDto(row: FolderRow, itemCount: number): Folder {
  return { id: row.id, name: cleanText(path.basename(row.path) || row.path), kind: row.kind, itemCount, online: row.online };
}

/** Builds the whole library view from the index, sorted the way a person reads it; pictures as `artUrl(id)`. */
export function buildSnapshot(db: ReadableDB, artUrl: (artId: string) => string = (id) => `/art/${id}`): LibrarySnapshot {
  const art = (id: string | null): string | null => (id === null ? null : artUrl(id));
  const subtitleLanguages = loadSubtitleLanguages(db);
  const counts = countItemsByFolder(db);
  const folders = listFolderRows(db).map((row) => toFolderDto(row, counts.get(row.id) ?? 0));
  const rows = db
    .prepare(
      `SELECT id, kind, title, year, show_id, season, episode, episode_title, album_id, artist, track_no, disc_no,
              duration_sec, container, video_codec, audio_codec, width, height, resume_sec, watched, plot, poster_art, fanart_art FROM items`,
    )
    .all() as ItemRow[];
  const showRows = db.prepare('SELECT id, title, plot, poster_art, fanart_art FROM shows').all() as {
    id: string;
    title: string;
    plot: string | null;
    poster_art: string | null;
    fanart_art: string | null;
  }[];
  const albumRows = db.prepare('SELECT id, title, artist FROM albums').all() as { id: string; title: string; artist: string | null }[];

  const movies: Movie[] = [];
  const episodesByShow = new Map<string, Map<number, Episode[]>>();
  const tracksByAlbum = new Map<string, { tracks: (Track & { disc: number | null })[]; years: number[]; cover: string | null }>();

  for (const r of rows) {
    if (r.kind === 'movie') {
      movies.push({
        id: r.id,
        title: r.title,
        year: r.year,
        ...facts(r),
        plot: r.plot,
        posterUrl: art(r.poster_art),
        fanartUrl: art(r.fanart_art),
        subtitleLanguages: subtitleLanguages.get(r.id) ?? [],
        parts: 1, // joined parts and extras: see snapshot-placement.ts
        extras: [],
      });
    } else if (r.kind === 'episode' && r.show_id) {
      const seasons = episodesByShow.get(r.show_id) ?? new Map<number, Episode[]>();
      episodesByShow.set(r.show_id, seasons);
      const season = r.season ?? 0;
      const list = seasons.get(season) ?? [];
      seasons.set(season, list);
      list.push({ id: r.id, season, episode: r.episode ?? 0, title: r.episode_title, ...facts(r), plot: r.plot, subtitleLanguages: subtitleLanguages.get(r.id) ?? [] });
    } else if (r.kind === 'track') {
      if (!r.album_id) continue; // every track gets an album when indexed; see upsertItem
      const group = tracksByAlbum.get(r.album_id) ?? { tracks: [], years: [], cover: null };
      tracksByAlbum.set(r.album_id, group);
      group.tracks.push({ id: r.id, title: r.title, artist: r.artist, trackNo: r.track_no, discNo: r.disc_no, disc: r.disc_no, ...facts(r) });
      if (r.year !== null) group.years.push(r.year);
      group.cover ??= r.poster_art;
    }
  }

  movies.sort((a, b) => collator.compare(a.title, b.title) || byNumber(a.year, b.year));

  const shows: Show[] = showRows
    .filter((s) => episodesByShow.has(s.id))
    .map((s) => ({
      id: s.id,
      title: s.title,
      seasons: [...episodesByShow.get(s.id)!.entries()]
        .sort(([a], [b]) => a - b)
        .map(([season, episodes]) => ({ season, episodes: episodes.sort((a, b) => a.episode - b.episode) })),
      plot: s.plot,
      posterUrl: art(s.poster_art),
      fanartUrl: art(s.fanart_art),
      extras: [],
    }))
    .sort((a, b) => collator.compare(a.title, b.title));

  const albums: Album[] = albumRows
    .filter((a) => tracksByAlbum.has(a.id))
    .map((a) => {
      const group = tracksByAlbum.get(a.id)!;
      const tracks = group.tracks
        .sort((x, y) => byNumber(x.disc, y.disc) || byNumber(x.trackNo, y.trackNo) || collator.compare(x.title, y.title))
        .map(({ disc: _disc, ...track }) => track);
      const year = group.years.length > 0 ? Math.min(...group.years) : null;
      return { id: a.id, title: a.title, artist: a.artist, year, tracks, coverUrl: art(group.cover) };
    })
    .sort((a, b) => collator.compare(a.artist ?? '', b.artist ?? '') || collator.compare(a.title, b.title));

  const { n } = db.prepare('SELECT count(*) AS n FROM unparseable').get() as { n: number };
  const snapshot = { folders, movies, shows, albums, unparseableCount: n, continueWatching: continueWatching(db), recovery: null };
  return placeExtrasAndParts(db, snapshot);
}

/** Item id → the distinct languages of its linked subtitle files, sorted. */
function loadSubtitleLanguages(db: ReadableDB): Map<string, string[]> {
  const rows = db.prepare('SELECT DISTINCT item_id, language FROM item_subtitles WHERE language IS NOT NULL ORDER BY item_id, language').raw(true).all() as [string, string][];
  const out = new Map<string, string[]>();
  for (const [id, language] of rows) {
    const list = out.get(id);
    if (list) list.push(language);
    else out.set(id, [language]);
  }
  return out;
}
