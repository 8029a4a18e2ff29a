import type { MediaFacts } from '../../ports.js';
import type { ExtraType, ItemKind } from '../../contract/index.js';
import type { LinkedSubtitle } from '../metadata/sidecars.js';

/** Everything the scanner knows about one indexed file. */
export interface ItemRecord extends MediaFacts {
  relPath: string;
  kind: ItemKind;
  title: string;
  year: number | null;
  showTitle: string | null;
  season: number | null;
  episode: number | null;
  episodeEnd: number | null;
  episodeTitle: string | null;
  album: string | null;
  albumArtist: string | null;
  artist: string | null;
  trackNo: number | null;
  discNo: number | null;
  compilation: boolean;
  mime: string;
  size: number;
  mtimeMs: number;
  /** The file's inode when known (a rescan re-reads a file whose inode changed: it was replaced). */
  inode: number | null;
  /** Hash of a few sampled blocks (see `sample-hash.ts`): recognises the file after a move. */
  sampleHash: string | null;
  /** Local metadata (migration 004); absent means none. */
  plot?: string | null;
  posterArt?: string | null;
  fanartArt?: string | null;
  subtitles?: readonly LinkedSubtitle[];
  /** Migration 012: a movie's genres from its nfo (each distinct, case aside); absent means none. */
  genres?: readonly string[];
  /** An episode's show folder said this (`tvshow.nfo`, `poster.jpg`): written to its show. */
  show?: { plot: string | null; posterArt: string | null; fanartArt: string | null } | null;
  /** Migration 005: a trailer, featurette… of the movie or show its path names; absent for a main item. */
  extra?: { type: ExtraType; owner: string | null };
  /** Migration 005: one file of a movie split over several; parts with the same `group` are one movie. */
  part?: { number: number; group: string };
}
