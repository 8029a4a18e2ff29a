import { z } from 'zod';

/**
 * Library DTOs. Items are addressed by opaque random ids; no absolute path ever crosses to the renderer.
 * Names shown to the user (a folder's last segment and its place, a failed file's base name) are display
 * text only: no call accepts them back to address anything.
 */

/** 16 random bytes, base64url: never derived from a path. */
export const ItemId = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not an item id');
export type ItemId = z.infer<typeof ItemId>;

export const FolderKind = z.enum(['movies', 'shows', 'music', 'mixed']);
export type FolderKind = z.infer<typeof FolderKind>;

export const ItemKind = z.enum(['movie', 'episode', 'track']);
export type ItemKind = z.infer<typeof ItemKind>;

export const Folder = z.object({
  id: ItemId,
  /** The folder's last path segment, for display. */
  name: z.string(),
  /**
   * Where the folder is, so two named alike can be told apart: the last folders of the path that holds it,
   * as "…/nas/media" (two at most and never the whole path, unless only more tell it from a folder of the
   * same name); empty where nothing needs saying. Display text only, like `name`.
   */
  place: z.string(),
  kind: FolderKind,
  itemCount: z.number().int().nonnegative(),
  online: z.boolean(),
});
export type Folder = z.infer<typeof Folder>;

const MediaFacts = {
  durationSec: z.number().nonnegative().nullable(),
  container: z.string().nullable(),
  videoCodec: z.string().nullable(),
  audioCodec: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** Where playback stopped last time, when it is worth resuming; null otherwise. */
  resumeSec: z.number().nonnegative().nullable(),
  /** Played to at least 90 %. */
  watched: z.boolean(),
};

/** A trailer, featurette, deleted scene… of a movie or show: playable by id, never listed as a movie itself. */
export const ExtraType = z.enum(['extra', 'trailer', 'featurette', 'behind the scenes', 'deleted scene', 'interview', 'scene', 'short']);
export type ExtraType = z.infer<typeof ExtraType>;

export const Extra = z.object({
  id: ItemId,
  title: z.string(),
  type: ExtraType,
  durationSec: z.number().nonnegative().nullable(),
});
export type Extra = z.infer<typeof Extra>;

/** A cached picture's URL on this host (`/art/<sha256>`, `media://art/<sha256>`): by content id, never a path. */
export const ArtUrl = z.string().regex(/^(\/art\/|media:\/\/art\/)[0-9a-f]{64}$/, 'not an artwork URL');

/**
 * A poster's or cover's small picture for grids and shelves (`/thumb/<sha256>`, `media://thumb/<sha256>`):
 * the same content id as the full picture, scaled once and cached beside the artwork. Grids never load the
 * full-size picture.
 */
export const ThumbUrl = z.string().regex(/^(\/thumb\/|media:\/\/thumb\/)[0-9a-f]{64}$/, 'not a thumbnail URL');
export type ThumbUrl = z.infer<typeof ThumbUrl>;

/**
 * Local metadata (issue 6): from `.nfo` sidecars, artwork beside the files or embedded in them, and subtitle
 * files named after a video. Null means none.
 */
const LocalMetadata = {
  /** Plain text from an nfo; never markup. */
  plot: z.string().nullable(),
  posterUrl: ArtUrl.nullable(),
  fanartUrl: ArtUrl.nullable(),
};

export const Movie = z.object({
  id: ItemId,
  title: z.string(),
  year: z.number().int().nullable(),
  ...MediaFacts,
  ...LocalMetadata,
  /** Languages of the external subtitle files beside it (`en`, `fr`), as their names declare them. */
  subtitleLanguages: z.array(z.string()),
  /** How many files the movie is split over (`cd1`, `cd2`): played as one stream. 1 for most. */
  parts: z.number().int().positive(),
  extras: z.array(Extra),
});
export type Movie = z.infer<typeof Movie>;

export const Episode = z.object({
  id: ItemId,
  season: z.number().int().nonnegative(),
  episode: z.number().int().nonnegative(),
  title: z.string().nullable(),
  ...MediaFacts,
  plot: z.string().nullable(),
  subtitleLanguages: z.array(z.string()),
});
export type Episode = z.infer<typeof Episode>;

export const Season = z.object({
  season: z.number().int().nonnegative(),
  episodes: z.array(Episode),
});
export type Season = z.infer<typeof Season>;

export const Show = z.object({
  /** Stable per show title within the library; opaque like item ids. */
  id: ItemId,
  title: z.string(),
  seasons: z.array(Season),
  ...LocalMetadata,
  extras: z.array(Extra),
});
export type Show = z.infer<typeof Show>;

export const Track = z.object({
  id: ItemId,
  title: z.string(),
  artist: z.string().nullable(),
  trackNo: z.number().int().nullable(),
  discNo: z.number().int().nullable(),
  ...MediaFacts,
});
export type Track = z.infer<typeof Track>;

export const Album = z.object({
  id: ItemId,
  title: z.string(),
  artist: z.string().nullable(),
  year: z.number().int().nullable(),
  tracks: z.array(Track),
  /** The album folder's `cover.jpg`, or the picture embedded in its tracks. */
  coverUrl: ArtUrl.nullable(),
});
export type Album = z.infer<typeof Album>;

export const LibrarySnapshot = z.object({
  folders: z.array(Folder),
  movies: z.array(Movie),
  shows: z.array(Show),
  albums: z.array(Album),
  unparseableCount: z.number().int().nonnegative(),
  /** Movies and episodes with a resume position, most recently played first. */
  continueWatching: z.array(ItemId),
  /** Set for the session in which a damaged index was rebuilt; null otherwise. */
  recovery: z
    .object({
      /** The quarantined copy's file name, for display only (never a path). */
      damagedCopy: z.string(),
      /** Library folders read back from the damaged copy or a backup; 0 means the user must add them again. */
      folders: z.number().int().nonnegative(),
      /** Items whose watched mark or resume position was carried over, of `salvaged` readable ones. */
      kept: z.number().int().nonnegative(),
      salvaged: z.number().int().nonnegative(),
      /** The rescan that re-populates the index has not finished yet: `kept` is still growing. */
      restoring: z.boolean(),
    })
    .nullable(),
});
export type LibrarySnapshot = z.infer<typeof LibrarySnapshot>;

export const ScanPhase = z.enum(['idle', 'walking', 'parsing', 'indexing', 'done', 'cancelled', 'failed']);
export type ScanPhase = z.infer<typeof ScanPhase>;

export const ScanProgress = z.object({
  phase: ScanPhase,
  seen: z.number().int().nonnegative(),
  parsed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** Display name of the folder being scanned. */
  currentFolder: z.string().nullable(),
  /** Files found unchanged since the last scan: counted as done without being read. */
  unchanged: z.number().int().nonnegative(),
  /** Files read (or failed) per second lately; null until there is enough to tell. */
  ratePerSec: z.number().nonnegative().nullable(),
  /** Seconds left at that rate while files are being read; null when unknown. */
  etaSec: z.number().nonnegative().nullable(),
});
export type ScanProgress = z.infer<typeof ScanProgress>;

export const UnparseableFile = z.object({
  /** The file's base name, for display only. */
  name: z.string(),
  reason: z.string(),
});
export type UnparseableFile = z.infer<typeof UnparseableFile>;

/** How many unreadable files a scan's summary names; `library.unparseable` pages through all of them. */
export const SCAN_FAILED_SAMPLE = 50;

export const ScanSummary = z.object({
  added: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  /** The first unreadable files met (a library of broken downloads must not make the reply grow). */
  failed: z.array(UnparseableFile).max(SCAN_FAILED_SAMPLE),
  /** All the files this scan could not read. */
  failedCount: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
});
export type ScanSummary = z.infer<typeof ScanSummary>;

export const SearchHit = z.object({
  id: ItemId,
  kind: z.enum(['movie', 'show', 'episode', 'album', 'track', 'artist']),
  title: z.string(),
  /** Context for the hit: the show of an episode, the artist of an album, the album of a track. */
  subtitle: z.string().nullable(),
  /** The item to play when chosen, or null for containers (show, album, artist). */
  playableId: ItemId.nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** "Your stats": computed from the local history only, and never sent. */
export const LocalStats = z.object({
  /** The last eight weeks, oldest first; `weekStart` is a Monday, "2026-11-16". */
  weeks: z.array(z.object({ weekStart: z.string(), hours: z.number().nonnegative() })),
  /** How many playbacks went each way. */
  modes: z.object({ direct: z.number().int().nonnegative(), remux: z.number().int().nonnegative(), transcode: z.number().int().nonnegative() }),
  /** Library size by day, from the scans, oldest first. */
  growth: z.array(z.object({ date: z.string(), items: z.number().int().nonnegative() })),
});
export type LocalStats = z.infer<typeof LocalStats>;

/*
 * Paged queries (issue 13): nothing returns the whole library. A section is read a page at a time with
 * keyset pagination: `next` is an opaque cursor the renderer only passes back as `after`, and `prev` one it
 * passes back as `after` with the direction reversed, to read the items before a page. A grid that jumps (a
 * scrollbar dragged, End) asks for the page `at` a position instead of walking there.
 */

export const LibrarySection = z.enum(['movies', 'shows', 'albums', 'artists']);
export type LibrarySection = z.infer<typeof LibrarySection>;
export const SortDirection = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof SortDirection>;
export const MovieSort = z.enum(['title', 'year', 'added', 'duration']);
export type MovieSort = z.infer<typeof MovieSort>;
/** Shows, albums and artists sort by title (an artist's name) or by when they entered the library. */
export const GroupSort = z.enum(['title', 'added']);
export type GroupSort = z.infer<typeof GroupSort>;
/** By the picture's width: sd < 1280, hd < 1920, fhd < 3840, uhd from 3840 (so a 1920×800 scope film is fhd). */
export const ResolutionClass = z.enum(['sd', 'hd', 'fhd', 'uhd']);
export type ResolutionClass = z.infer<typeof ResolutionClass>;

/** The most characters of a genre: longer ones in an nfo are cut to this. */
export const GENRE_MAX_CHARS = 40;
/** The most genres one movie keeps from its nfo. */
export const MOVIE_GENRES_MAX = 10;
/** The most genres `library.counts` lists: the most common ones. */
export const GENRE_FILTERS_MAX = 100;
/** A genre as an nfo spells it: display text; compared case-insensitively (ASCII) by the index. */
export const Genre = z.string().min(1).max(GENRE_MAX_CHARS);

export const MovieFilters = z.object({
  unwatched: z.boolean().optional(),
  resolution: ResolutionClass.optional(),
  /** The first year of a decade: 1990 is 1990–1999. */
  decade: z.number().int().min(1800).max(2200).multipleOf(10).optional(),
  /** Movies whose nfo gives this genre (case aside). */
  genre: Genre.optional(),
});
export type MovieFilters = z.infer<typeof MovieFilters>;

/** Opaque to the renderer; main validates and decodes it (a tampered one is a 'bad-request'). */
export const PageCursor = z.string().min(1).max(16_384).regex(/^[A-Za-z0-9_-]+$/, 'not a page cursor');
/** The most a page may hold; a reply's arrays say so too (see bounded-replies.test.ts). */
export const PAGE_MAX = 200;
const pageLimit = z.number().int().min(1).max(PAGE_MAX).default(50);
const pageAfter = PageCursor.nullable().default(null);
/** The most items a listing can be jumped into: far beyond any library, small enough to stay exact. */
export const PAGE_POSITION_MAX = 100_000_000;
/**
 * The page that starts at this position (0: the first item) of the sorted, filtered listing, in the request's
 * direction; past the end, an empty page. Instead of `after`, never with it.
 */
const pageAt = z.number().int().min(0).max(PAGE_POSITION_MAX).optional();
const oneStart = { message: 'A page starts after a cursor or at a position, not both.', path: ['at'] };
const startsOnce = (request: { after: string | null; at?: number }) => request.after === null || request.at === undefined;

export const LibraryPageRequest = z.discriminatedUnion('section', [
  z
    .object({
      section: z.literal('movies'),
      sort: MovieSort.default('title'),
      direction: SortDirection.default('asc'),
      filters: MovieFilters.default({}),
      limit: pageLimit,
      after: pageAfter,
      at: pageAt,
    })
    .refine(startsOnce, oneStart),
  ...(['shows', 'albums', 'artists'] as const).map((section) =>
    z
      .object({ section: z.literal(section), sort: GroupSort.default('title'), direction: SortDirection.default('asc'), limit: pageLimit, after: pageAfter, at: pageAt })
      .refine(startsOnce, oneStart),
  ),
]);
export type LibraryPageRequest = z.output<typeof LibraryPageRequest>;

/** The small picture a grid shows: the poster's (or cover's) thumbnail, null without artwork. */
const GridArt = { thumbUrl: ThumbUrl.nullable() };

/** A movie in a grid: the snapshot's `Movie` less its extras (the item detail has them). */
export const MovieSummary = Movie.omit({ extras: true }).extend(GridArt);
export type MovieSummary = z.infer<typeof MovieSummary>;

export const ShowSummary = Show.omit({ seasons: true, extras: true }).extend({
  ...GridArt,
  seasonCount: z.number().int().nonnegative(),
  episodeCount: z.number().int().nonnegative(),
  unwatchedCount: z.number().int().nonnegative(),
});
export type ShowSummary = z.infer<typeof ShowSummary>;

export const AlbumSummary = Album.omit({ tracks: true }).extend({ ...GridArt, trackCount: z.number().int().nonnegative() });
export type AlbumSummary = z.infer<typeof AlbumSummary>;

/** A track artist (search finds the same ones). */
export const ArtistSummary = z.object({
  id: ItemId,
  name: z.string(),
  albumCount: z.number().int().nonnegative(),
  trackCount: z.number().int().nonnegative(),
});
export type ArtistSummary = z.infer<typeof ArtistSummary>;

/** Continues after the page's last item, in the same direction; null at the end. */
const nextCursor = PageCursor.nullable();
/**
 * Continues before the page's first item: `after` for the same request in the opposite direction, which
 * lists the items before this page nearest first. Null when the page starts the listing (or is empty).
 */
const prevCursor = PageCursor.nullable();
export const LibraryPage = z.discriminatedUnion('section', [
  z.object({ section: z.literal('movies'), items: z.array(MovieSummary).max(PAGE_MAX), next: nextCursor, prev: prevCursor }),
  z.object({ section: z.literal('shows'), items: z.array(ShowSummary).max(PAGE_MAX), next: nextCursor, prev: prevCursor }),
  z.object({ section: z.literal('albums'), items: z.array(AlbumSummary).max(PAGE_MAX), next: nextCursor, prev: prevCursor }),
  z.object({ section: z.literal('artists'), items: z.array(ArtistSummary).max(PAGE_MAX), next: nextCursor, prev: prevCursor }),
]);
export type LibraryPage = z.infer<typeof LibraryPage>;

const count = z.number().int().nonnegative();
export const LibraryCounts = z.object({
  movies: count,
  shows: count,
  episodes: count,
  albums: count,
  tracks: count,
  artists: count,
  /** What each movie filter leaves on its own; decades that hold no movie are left out. */
  movieFilters: z.object({
    unwatched: count,
    resolution: z.record(ResolutionClass, count),
    decades: z.array(z.object({ decade: z.number().int(), count })),
    /** The `GENRE_FILTERS_MAX` genres most movies have, by name; none when no nfo gives one. */
    genres: z.array(z.object({ genre: Genre, count })).max(GENRE_FILTERS_MAX),
  }),
});
export type LibraryCounts = z.infer<typeof LibraryCounts>;

export const DetailRequest = z.object({ kind: z.enum(['item', 'show', 'album', 'artist']), id: ItemId });
export type DetailRequest = z.infer<typeof DetailRequest>;

/** What the file (or the files, for a movie in parts) holds beyond the media facts on the DTO. */
export const FileFacts = z.object({
  mime: z.string(),
  /** Bytes, all parts together. */
  size: count,
  /** Each file of a movie in parts, in playing order; empty for a single file. */
  parts: z.array(z.object({ number: z.number().int().positive(), durationSec: z.number().nonnegative().nullable(), size: count })),
});
export type FileFacts = z.infer<typeof FileFacts>;

export const AlbumDetail = AlbumSummary.extend({
  /**
   * The album artist's page (`library.detail` kind 'artist'), which lists this album; null when the album
   * has no artist, or its artist has no track on it (a compilation's "Various Artists" has no page).
   */
  artistId: ItemId.nullable(),
  /** Tracks by disc (null: untagged, last) and number. */
  discs: z.array(z.object({ disc: z.number().int().nullable(), tracks: z.array(Track) })),
});
export type AlbumDetail = z.infer<typeof AlbumDetail>;

/** A show as an episode's context on a shelf or page. */
export const ShowRef = z.object({ id: ItemId, title: z.string(), thumbUrl: ThumbUrl.nullable() });
export type ShowRef = z.infer<typeof ShowRef>;

/** A movie as its own page shows it: with its nfo's genres, in the nfo's order. */
export const MovieDetail = Movie.extend({ genres: z.array(Genre).max(MOVIE_GENRES_MAX) });
export type MovieDetail = z.infer<typeof MovieDetail>;

export const LibraryDetail = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('movie'), movie: MovieDetail, file: FileFacts }),
  z.object({
    kind: z.literal('episode'),
    episode: Episode,
    /** Its show, with the show's pictures, so the page needs no second call for them. */
    show: ShowRef.extend({ posterUrl: ArtUrl.nullable(), fanartUrl: ArtUrl.nullable() }),
    file: FileFacts,
    /** The episode after it in the show (next in season, else the first of the next season); null at the end. */
    next: Episode.pick({ id: true, season: true, episode: true, title: true }).nullable(),
  }),
  z.object({
    kind: z.literal('track'),
    track: Track,
    /** Its album, with the album's cover, so the page needs no second call for it. */
    album: AlbumSummary.pick({ id: true, title: true, artist: true, coverUrl: true, thumbUrl: true }),
    file: FileFacts,
  }),
  z.object({ kind: z.literal('show'), show: Show }),
  z.object({ kind: z.literal('album'), album: AlbumDetail }),
  z.object({ kind: z.literal('artist'), artist: ArtistSummary, albums: z.array(AlbumSummary) }),
]);
export type LibraryDetail = z.infer<typeof LibraryDetail>;

/*
 * Issue 13, the screens: everything a window asks for is bounded by the screen, never by the library.
 */

/** How many entries each Home shelf holds at most. */
export const SHELF_LIMIT = 24;

export const ShelfEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('movie'), movie: MovieSummary }),
  z.object({ kind: z.literal('episode'), episode: Episode, show: ShowRef }),
]);
export type ShelfEntry = z.infer<typeof ShelfEntry>;

/** Home: what to go on with and what is new, each shelf at most `SHELF_LIMIT` long. */
export const HomeShelves = z.object({
  /** Movies and episodes with a resume point, most recently played first. */
  continueWatching: z.array(ShelfEntry).max(SHELF_LIMIT),
  /** For each show played lately with nothing to resume: its next unwatched episode. */
  upNext: z.array(ShelfEntry).max(SHELF_LIMIT),
  /** Newest first. */
  recentlyAdded: z.object({
    movies: z.array(ShelfEntry).max(SHELF_LIMIT),
    episodes: z.array(ShelfEntry).max(SHELF_LIMIT),
    albums: z.array(AlbumSummary).max(SHELF_LIMIT),
  }),
});
export type HomeShelves = z.infer<typeof HomeShelves>;

/** The folders and the index's health: what Settings and the library's notices show. Bounded by folders. */
export const LibraryStatus = LibrarySnapshot.pick({ folders: true, unparseableCount: true, recovery: true });
export type LibraryStatus = z.infer<typeof LibraryStatus>;

/** Files that could not be read, a page at a time, with the folder each is in. */
export const UnparseableRequest = z.object({ folderId: ItemId.optional(), limit: pageLimit, after: pageAfter });
export type UnparseableRequest = z.output<typeof UnparseableRequest>;
export const UnparseablePage = z.object({
  files: z.array(UnparseableFile.extend({ folderId: ItemId })).max(PAGE_MAX),
  next: PageCursor.nullable(),
});
export type UnparseablePage = z.infer<typeof UnparseablePage>;

/** Marks one item, or every episode of a show, watched or unwatched (the resume point is cleared either way). */
export const SetWatchedRequest = z.object({ kind: z.enum(['item', 'show']), id: ItemId, watched: z.boolean() });
export type SetWatchedRequest = z.infer<typeof SetWatchedRequest>;

/** What a change touched, so a window refetches only what it shows. */
export const LibraryChangeScope = z.enum(['folders', 'movies', 'shows', 'albums', 'artists', 'home']);
export type LibraryChangeScope = z.infer<typeof LibraryChangeScope>;
export const LibraryChange = z.object({
  /** Lists that may have changed; empty when only `items` did. */
  scopes: z.array(LibraryChangeScope),
  /** Items whose watched mark or resume point changed (at most a few hundred; more is said with `scopes`). */
  items: z.array(ItemId).max(500),
  /** Grows with every change; a window that missed one refetches what it shows. */
  version: z.number().int().nonnegative(),
});
export type LibraryChange = z.infer<typeof LibraryChange>;
