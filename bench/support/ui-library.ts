/**
 * A library index of any size built directly (no media files, no scan): movies, shows with ten episodes,
 * albums with ten tracks, in the proportions of a real collection. Writes through the index's own upsert,
 * so what the UI is measured on is what a scan would have stored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openIndexDatabase } from '../../src-main/library/index/db.js';
import { insertFolder } from '../../src-main/library/index/folder-rows.js';
import type { ItemRecord } from '../../src-main/library/index/item-record.js';
import { upsertItem } from '../../src-main/library/index/item-writes.js';
import { movieRecord } from '../../src-main/library/test-support/records.js';
import { ManualClock, systemClock } from '../../src-main/ports.js';
import { openTelemetry } from '../../src-main/telemetry/index.js';

const WORDS = ['night', 'train', 'harbour', 'lights', 'paper', 'moons', 'winter', 'garden', 'silent', 'river', 'glass', 'wing', 'north', 'summer', 'echo', 'stone', 'blue', 'road', 'city', 'dream'];

function titleOf(i: number): string {
  const a = WORDS[i % WORDS.length]!;
  const b = WORDS[Math.floor(i / WORDS.length) % WORDS.length]!;
  return `${a[0]!.toUpperCase()}${a.slice(1)} ${b} ${i}`;
}

/** Twenty real genre names; Western is the rare one (1 % of movies). */
const GENRES = ['Drama', 'Comedy', 'Thriller', 'Action', 'Romance', 'Crime', 'Horror', 'Adventure', 'Science Fiction', 'Animation', 'Documentary', 'Family', 'Fantasy', 'Mystery', 'History', 'War', 'Music', 'Biography', 'Sport', 'Western'];

/**
 * A movie's nfo genres, as a library of scraped nfo files has them: none for a fifth, else one or two, Drama
 * for a third of all movies, Western for 1 %.
 */
function genresOf(i: number): string[] {
  const h = Math.imul(i + 1, 2654435761) >>> 0;
  const genres = new Set<string>();
  if (h % 5 !== 0) {
    genres.add(h % 3 === 0 ? 'Drama' : GENRES[1 + ((h >>> 3) % 18)]!);
    if ((h >>> 8) % 2 === 0) genres.add(GENRES[1 + ((h >>> 9) % 18)]!);
  }
  if ((h >>> 16) % 100 === 0) genres.add('Western');
  return [...genres];
}

function base(i: number, relPath: string): ItemRecord {
  return movieRecord(titleOf(i), 1950 + (i % 75), {
    relPath,
    size: 1_000_000 + i,
    mtimeMs: 1_700_000_000_000 + i,
    durationSec: 5400 + (i % 3600),
    container: 'mov,mp4,m4a,3gp,3g2,mj2',
    videoCodec: 'h264',
    audioCodec: 'aac',
    width: 1920,
    height: 1080,
  });
}

/** The i-th item of a library: 60 % movies, 25 % episodes, 15 % tracks. */
function itemAt(i: number): ItemRecord {
  const slot = i % 20;
  if (slot < 12) return { ...base(i, `Movies/${titleOf(i)}.mp4`), genres: genresOf(i) };
  if (slot < 17) {
    const show = Math.floor(i / 50);
    return { ...base(i, `Shows/Show ${show}/S01E${String(i % 10).padStart(2, '0')} ${i}.mkv`), kind: 'episode', showTitle: `Show ${titleOf(show)}`, season: 1, episode: (i % 10) + 1, episodeTitle: titleOf(i), durationSec: 2700 };
  }
  const album = Math.floor(i / 30);
  return {
    ...base(i, `Music/Artist ${album % 500}/Album ${album}/${i}.flac`),
    kind: 'track',
    album: `Album ${titleOf(album)}`,
    albumArtist: `Artist ${album % 500}`,
    artist: `Artist ${album % 500}`,
    trackNo: (i % 10) + 1,
    discNo: 1,
    mime: 'audio/flac',
    container: 'flac',
    videoCodec: null,
    audioCodec: 'flac',
    width: null,
    height: null,
    durationSec: 240,
  };
}

/**
 * A data directory holding an index of `items` items under one (empty) mixed folder, with the privacy
 * screen already seen so the app opens on the library.
 */
export async function buildUiLibrary(dataDir: string, items: number): Promise<string> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const folderPath = path.join(dataDir, 'library');
  fs.mkdirSync(folderPath, { recursive: true });
  const db = openIndexDatabase(path.join(dataDir, 'library.db'));
  const now = systemClock.now();
  const folder = insertFolder(db, folderPath, 'mixed', now);
  db.transaction(() => {
    for (let i = 0; i < items; i++) upsertItem(db, folder.id, itemAt(i), now);
  })();
  db.close();
  const telemetry = openTelemetry({ dataDir, appVersion: '0.1.0', clock: new ManualClock(now), fetch: () => Promise.reject(new Error('the bench never uploads')), endpoint: null, env: {}, cliOff: false, policyPath: null });
  telemetry.markSeen();
  await telemetry.close();
  return folderPath;
}
