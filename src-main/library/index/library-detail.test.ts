import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, type DetailRequest, type LibraryDetail } from '../../contract/index.js';
import { makeTempDir } from '../test-support/fixtures.js';
import { episodeRecord, trackRecord } from '../test-support/records.js';
import { openIndexDatabase, type WritableDB } from './db.js';
import { insertFolder } from './folder-rows.js';
import type { ItemRecord } from './item-record.js';
import { upsertItem } from './item-writes.js';
import { libraryDetail } from './library-detail.js';

const links = { art: (id: string | null): string | null => (id === null ? null : `/art/${id}`), thumb: (id: string | null): string | null => (id === null ? null : `/thumb/${id}`) };
/** Artwork ids as the cache names pictures: a sha256 of the content. */
const POSTER = 'a'.repeat(64);
const FANART = 'f'.repeat(64);
const COVER = 'c'.repeat(64);

let temp: ReturnType<typeof makeTempDir>;
let indexes = 0;
beforeAll(() => {
  temp = makeTempDir('glasswing-detail-');
});
afterAll(() => temp.cleanup());

/** A fresh, migrated index with one folder, and a way to add records to it. */
function freshIndex(): { db: WritableDB; add: (record: ItemRecord) => string } {
  const n = ++indexes;
  const db = openIndexDatabase(path.join(temp.dir, `library-${n}.db`));
  const folderId = insertFolder(db, path.join(temp.dir, `folder-${n}`), 'mixed', 0).id;
  return { db, add: (record) => upsertItem(db, folderId, record, 0) };
}

/** A detail as the renderer receives it: checked against the contract. */
const detail = (db: WritableDB, request: DetailRequest): LibraryDetail => calls['library.detail'].output.parse(libraryDetail(db, request, links));

function albumOf(db: WritableDB, trackId: string): Extract<LibraryDetail, { kind: 'album' }>['album'] {
  const track = detail(db, { kind: 'item', id: trackId });
  if (track.kind !== 'track') throw new Error(`not a track: ${track.kind}`);
  const album = detail(db, { kind: 'album', id: track.album.id });
  if (album.kind !== 'album') throw new Error(`not an album: ${album.kind}`);
  return album.album;
}

describe("an album's artist", () => {
  it("is named by the id of the artist's page, which lists the album", () => {
    const { db, add } = freshIndex();
    const track = add(trackRecord('Low Tide', 'The Glass Wings', 'Coastal'));
    add(trackRecord('Undertow', 'The Glass Wings', 'Coastal'));
    add(trackRecord('Halo', 'Beyoncé', 'I Am'));
    const album = albumOf(db, track);
    expect(album.artistId).not.toBeNull();
    const artist = detail(db, { kind: 'artist', id: album.artistId! });
    expect(artist).toMatchObject({ kind: 'artist', artist: { name: 'The Glass Wings' } });
    expect(artist.kind === 'artist' && artist.albums.map((a) => a.id)).toEqual([album.id]);
    db.close();
  });

  it('is found whatever the case and spacing of the album artist tag', () => {
    const { db, add } = freshIndex();
    const track = add({ ...trackRecord('Low Tide', 'The Glass Wings', 'Coastal'), albumArtist: 'the  glass wings' });
    const album = albumOf(db, track);
    expect(detail(db, { kind: 'artist', id: album.artistId! })).toMatchObject({ kind: 'artist', artist: { name: 'The Glass Wings' } });
    db.close();
  });

  it('is null for an album without an artist, and for one whose artist has no track on it', () => {
    const { db, add } = freshIndex();
    const untagged = add({ ...trackRecord('Hiss', 'Somebody', 'Tapes'), albumArtist: null });
    // "Beyoncé" has a page (for another album), but this compilation lists under its tracks' artists only.
    add(trackRecord('Halo', 'Beyoncé', 'I Am'));
    const duet = add({ ...trackRecord('Duet', 'Beyoncé & Friends', 'Together'), albumArtist: 'Beyoncé' });
    expect(albumOf(db, untagged)).toMatchObject({ artist: null, artistId: null });
    expect(albumOf(db, duet)).toMatchObject({ artist: 'Beyoncé', artistId: null });
    db.close();
  });
});

describe("an episode's and a track's detail", () => {
  it("carry the show's poster, fan art and thumbnail with its id and title", () => {
    const { db, add } = freshIndex();
    const id = add({ ...episodeRecord('Harbour Lights', 1, 2, 'The Storm'), show: { plot: null, posterArt: POSTER, fanartArt: FANART } });
    const found = detail(db, { kind: 'item', id });
    expect(found).toMatchObject({ kind: 'episode', show: { title: 'Harbour Lights', posterUrl: `/art/${POSTER}`, fanartUrl: `/art/${FANART}`, thumbUrl: `/thumb/${POSTER}` } });
    if (found.kind !== 'episode') throw new Error(found.kind);
    const show = detail(db, { kind: 'show', id: found.show.id });
    expect(show.kind === 'show' && [show.show.posterUrl, show.show.fanartUrl]).toEqual([found.show.posterUrl, found.show.fanartUrl]);
    db.close();
  });

  it("carry the album's cover (as its page shows it) with its id, title and artist, and null without pictures", () => {
    const { db, add } = freshIndex();
    const bare = add(trackRecord('Low Tide', 'The Glass Wings', 'Coastal'));
    add({ ...trackRecord('Undertow', 'The Glass Wings', 'Coastal'), posterArt: COVER });
    const found = detail(db, { kind: 'item', id: bare });
    expect(found).toMatchObject({ kind: 'track', album: { title: 'Coastal', artist: 'The Glass Wings', coverUrl: `/art/${COVER}`, thumbUrl: `/thumb/${COVER}` } });
    expect(found.kind === 'track' && found.album.id).toBe(albumOf(db, bare).id);
    const plain = add(episodeRecord('Quiet Street', 1, 1, null));
    expect(detail(db, { kind: 'item', id: plain })).toMatchObject({ kind: 'episode', show: { posterUrl: null, fanartUrl: null, thumbUrl: null } });
    db.close();
  });
});
