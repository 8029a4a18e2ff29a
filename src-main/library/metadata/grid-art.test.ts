import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndexDatabase, type WritableDB } from '../index/db.js';
import { insertFolder } from '../index/folder-rows.js';
import { upsertItem } from '../index/item-writes.js';
import { makeTempDir } from '../test-support/fixtures.js';
import { episodeRecord, movieRecord } from '../test-support/records.js';
import { gridArt, sweepArtwork, thumbsDir } from './artwork-cache.js';

let temp: ReturnType<typeof makeTempDir>;
let db: WritableDB;
const artId = (n: number): string => n.toString(16).padStart(64, '0');

beforeAll(() => {
  temp = makeTempDir('glasswing-grid-art-');
  db = openIndexDatabase(path.join(temp.dir, 'library.db'));
  const folderId = insertFolder(db, '/films', 'movies', 1).id;
  const shows = insertFolder(db, '/shows', 'shows', 1).id;
  db.transaction(() => {
    // More than one page of posters, a movie without one, and an episode whose still no grid shows.
    for (let i = 1; i <= 1203; i++) upsertItem(db, folderId, movieRecord(`Film ${i}`, 2000, { posterArt: artId(i), fanartArt: artId(100_000 + i) }), 1);
    upsertItem(db, folderId, movieRecord('No Poster'), 1);
    upsertItem(db, shows, { ...episodeRecord('Harbour', 1, 1, 'Pilot'), posterArt: artId(90_000), show: { plot: null, posterArt: artId(80_000), fanartArt: null } }, 1);
  })();
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

describe('gridArt', () => {
  it('walks every poster a grid shows, page after page, and no episode still or backdrop', () => {
    const ids = [...gridArt(db)];
    const expected = [...Array.from({ length: 1203 }, (_, i) => artId(i + 1)), artId(80_000)];
    expect(ids.sort()).toEqual(expected.sort());
  });
});

describe('sweepArtwork', () => {
  it('deletes thumbnails of pictures nothing refers to, keeps the rest and this process’s writes in progress', () => {
    const artDir = path.join(temp.dir, 'artwork');
    const thumbs = thumbsDir(artDir);
    fs.mkdirSync(thumbs, { recursive: true });
    const names = [`${artId(1)}.jpg`, `${artId(80_000)}.jpg`, `${artId(5_000)}.jpg`, `.${artId(2)}.${process.pid}.x.partial`, `.${artId(3)}.1.x.partial`];
    for (const name of names) fs.writeFileSync(path.join(thumbs, name), 'x');
    fs.writeFileSync(path.join(artDir, `${artId(1)}.jpg`), 'x');
    fs.writeFileSync(path.join(artDir, `${artId(6_000)}.jpg`), 'x');
    expect(sweepArtwork(db, artDir)).toBe(3);
    expect(fs.readdirSync(artDir).sort()).toEqual([`${artId(1)}.jpg`, 'thumbs']);
    expect(fs.readdirSync(thumbs).sort()).toEqual([`.${artId(2)}.${process.pid}.x.partial`, `${artId(1)}.jpg`, `${artId(80_000)}.jpg`].sort());
  });
});
