/**
 * `npm run bench:scan` (tsx bench/scan.ts [--files N] [--workers W] [--keep]): the library engine at scale.
 *
 * Generates a library (default 10,000 files) from a handful of real files made with ffmpeg: movies (MP4)
 * and episodes (Matroska) as hardlinks under varied realistic names, and music as MP3 copies that each
 * carry their own ID3 tags (title, artist, album artist, album, track, year). Then, in one run:
 *
 * - floors: a bare synchronous readdir + stat walk of the tree; the same walk plus music-metadata
 *   `parseFile(path, { duration: false, skipCovers: true })` of every file in the same number of worker
 *   threads as the scanner uses, with no index;
 * - first scan and unchanged rescan (best of three, like the walk floor) of the real library engine (fresh index);
 * - ranked search latency p50/p99 over 1,000 realistic queries (the first 1–5 letters of a title typed);
 * - peak RSS of the process that runs the library (its worker threads are inside it) while scanning and
 *   searching. The engine runs in a child process of its own, as compiled JavaScript under plain node like
 *   the app's main process: this script's own bookkeeping (the generated names, tsx's loader thread) would
 *   otherwise be charged to the library (it was 120-160 MB of the "before opening" baseline).
 *
 * Prints each figure with its ratio to its floor and writes bench/results/scan.json (DESIGN.md §7).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { defaultParseWorkers } from '../src-main/library/scan/parse-pool.js';
import { systemClock } from '../src-main/ports.js';
import { compiled } from './support/compiled.js';

const { values: args } = parseArgs({
  options: {
    files: { type: 'string', default: '10000' },
    workers: { type: 'string' },
    keep: { type: 'boolean', default: false },
    /** Internal: run the engine part only (in the child process), from this JSON config file. */
    engine: { type: 'string' },
  },
});
const FILES = Math.max(100, Number(args.files));
const WORKERS = args.workers ? Math.max(1, Number(args.workers)) : defaultParseWorkers();
const QUERIES = 1_000;

// ---------------------------------------------------------------------------------------------- names

/** A deterministic generator, so two runs build the same library. */
let seed = 0x9e3779b9;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

const WORDS = (
  'night train paper moon harbour light glass river stone winter summer garden shadow silver golden ' +
  'city ocean mountain fire water dream last first little big dark bright wild quiet lost found north south ' +
  'east west road home heart blue red green black white star sun rain storm wind snow island forest desert ' +
  'valley king queen prince girl boy man woman child ghost angel devil secret story letter song dance ' +
  'game house room door window bridge tower castle empire kingdom war peace love hope time memory morning ' +
  'evening midnight echo mirror crystal iron velvet paper lantern harvest orchard meadow canyon lagoon ' +
  'café amélie façade naïve señor über smörgåsbord crème brûlée ångström zoë beyoncé björk'
).split(' ');
const ARTISTS = [
  'Glass Harbour', 'Nina Simone', 'Beyoncé', 'Björk', 'Sigur Rós', 'The Night Trains', 'Paper Moons', 'Low Tide',
  'Mötley Crüe', 'Zoë Keating', 'Café Tacvba', 'Silver Lanterns', 'Northern Echo', 'Velvet Orchard', 'Iron & Wine',
];
const EPISODE_WORDS = ['Pilot', 'The Return', 'Homecoming', 'Endgame', 'Crossroads', 'Aftermath', 'Reunion', 'Exodus', 'Legacy'];

const titleCase = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
function title(minWords: number, maxWords: number): string {
  const words = Array.from({ length: between(minWords, maxWords) }, () => titleCase(pick(WORDS)));
  if (random() < 0.3) words.unshift('The');
  return words.join(' ');
}
const safe = (name: string): string => name.replace(/[/\\:*?"<>|]/g, ' ').trim();

// ---------------------------------------------------------------------------------------------- media

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-nostdin', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The handful of real files everything else is made of. */
function makeSources(dir: string): { movie: string; episode: string; mp3Frames: Buffer } {
  fs.mkdirSync(dir, { recursive: true });
  const movie = path.join(dir, 'movie.mp4');
  const episode = path.join(dir, 'episode.mkv');
  const mp3 = path.join(dir, 'track.mp3');
  const av = (out: string, format: string[]): void =>
    ffmpeg([
      ...['-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=24:duration=2', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '64k', '-shortest', ...format, out],
    ]);
  if (!fs.existsSync(movie)) av(movie, ['-movflags', '+faststart']);
  if (!fs.existsSync(episode)) av(episode, []);
  if (!fs.existsSync(mp3)) ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=330:duration=2', '-ac', '1', '-c:a', 'libmp3lame', '-b:a', '32k', '-id3v2_version', '0', mp3]);
  return { movie, episode, mp3Frames: fs.readFileSync(mp3) };
}

/** An ID3v2.3 tag with UTF-16 text frames, so every track carries its own tags. */
function id3(tags: Record<string, string>): Buffer {
  const frames = Object.entries(tags).map(([id, text]) => {
    const body = Buffer.concat([Buffer.from([0x01, 0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const head = Buffer.alloc(10);
    head.write(id, 0, 'latin1');
    head.writeUInt32BE(body.length, 4);
    return Buffer.concat([head, body]);
  });
  const body = Buffer.concat(frames);
  const size = body.length;
  const header = Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, (size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
  return Buffer.concat([header, body]);
}

interface Generated {
  roots: { movies: string; shows: string; music: string };
  titles: string[];
}

/** Lays out `files` files: 20 % movies, 30 % episodes, 50 % tracks, with Plex-style and scene-style names. */
function generate(dir: string, files: number): Generated {
  const sources = makeSources(path.join(dir, 'sources'));
  const roots = { movies: path.join(dir, 'Movies'), shows: path.join(dir, 'Shows'), music: path.join(dir, 'Music') };
  for (const root of Object.values(roots)) fs.rmSync(root, { recursive: true, force: true });
  const titles: string[] = [];
  const link = (source: string, target: string): void => {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.linkSync(source, target);
  };

  const movies = Math.round(files * 0.2);
  const episodes = Math.round(files * 0.3);
  const tracks = files - movies - episodes;
  for (let i = 0; i < movies; i++) {
    const name = `${title(1, 4)} ${i}`;
    const year = between(1950, 2024);
    titles.push(name);
    const style = random();
    if (style < 0.5) link(sources.movie, path.join(roots.movies, safe(`${name} (${year})`), safe(`${name} (${year}).mp4`)));
    else if (style < 0.8) link(sources.movie, path.join(roots.movies, `${name.replace(/ /g, '.')}.${year}.1080p.BluRay.x264-GRP.mp4`));
    else link(sources.movie, path.join(roots.movies, safe(`${name} (${year}) [imdbid-tt${between(1_000_000, 9_999_999)}].mp4`)));
  }
  for (let made = 0, s = 0; made < episodes; s++) {
    const show = `${title(1, 3)} ${s}`;
    titles.push(show);
    for (let season = 1; season <= between(1, 4) && made < episodes; season++) {
      for (let episode = 1; episode <= between(6, 13) && made < episodes; episode++, made++) {
        const name = `${pick(EPISODE_WORDS)} ${title(1, 2)}`;
        titles.push(name);
        const code = `S${String(season).padStart(2, '0')}E${String(episode).padStart(2, '0')}`;
        link(sources.episode, path.join(roots.shows, safe(show), `Season ${String(season).padStart(2, '0')}`, safe(`${show} - ${code} - ${name}.mkv`)));
      }
    }
  }
  for (let made = 0, a = 0; made < tracks; a++) {
    const artist = a < ARTISTS.length ? ARTISTS[a]! : `${title(1, 2)} ${a}`;
    titles.push(artist);
    for (let album = 0; album < between(1, 3) && made < tracks; album++) {
      const albumTitle = title(1, 3);
      const year = String(between(1960, 2024));
      titles.push(albumTitle);
      const count = between(8, 14);
      for (let no = 1; no <= count && made < tracks; no++, made++) {
        const song = title(1, 4);
        titles.push(song);
        const tag = id3({ TIT2: song, TPE1: artist, TPE2: artist, TALB: albumTitle, TRCK: `${no}/${count}`, TYER: year });
        const file = path.join(roots.music, safe(artist), safe(albumTitle), safe(`${String(no).padStart(2, '0')} - ${song}.mp3`));
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, Buffer.concat([tag, sources.mp3Frames]));
      }
    }
  }
  return { roots, titles };
}


// ---------------------------------------------------------------------------------------------- floors

/** The bare floor: a synchronous readdir(withFileTypes) + stat walk. */
function walk(root: string, out: string[] = []): string[] {
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.isFile()) {
        fs.statSync(full);
        out.push(full);
      }
    }
  }
  return out;
}

/** The parse floor: the walk, then parseFile of every file in `workers` worker threads (one file at a time each), no index. */
async function walkAndParse(roots: string[], workers: number): Promise<number> {
  const started = performance.now();
  const files = roots.flatMap((root) => walk(root));
  const mm = import.meta.resolve('music-metadata');
  const code = `
    const { parentPort } = require('node:worker_threads');
    import(${JSON.stringify(mm)}).then(({ parseFile }) => {
      parentPort.on('message', async (batch) => {
        for (const file of batch) { try { await parseFile(file, { duration: false, skipCovers: true }); } catch {} }
        parentPort.postMessage(batch.length);
      });
      parentPort.postMessage(0);
    });`;
  let next = 0;
  const BATCH = 32;
  await Promise.all(
    Array.from({ length: workers }, () => {
      const worker = new Worker(code, { eval: true });
      return new Promise<void>((resolve, reject) => {
        worker.on('error', reject);
        worker.on('message', () => {
          if (next >= files.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          worker.postMessage(files.slice(next, (next += BATCH)));
        });
      });
    }),
  );
  return (performance.now() - started) / 1000;
}

// ---------------------------------------------------------------------------------------------- engine

interface EngineConfig {
  roots: Generated['roots'];
  files: number;
  workers: number;
  workerModule: string;
  engineModule: string;
  queries: string[];
}

interface EngineResult {
  firstScan: number;
  rescans: number[];
  latencies: number[];
  slowest: string[];
  empty: number;
  peakRss: number;
  baseRss: number;
}

/** The kernel's high-water mark of this process's RSS (Linux), else 0: exact where sampling can miss a spike. */
function rssHighWaterMark(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The engine part, run in the child process: first scan, rescans, search, peak RSS. */
async function engine(config: EngineConfig): Promise<EngineResult> {
  const { openLibrary } = await import('../src-main/library/index.js');
  const { roots, files, workers, queries } = config;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasswing-bench-scan-data-'));
  const baseRss = process.memoryUsage.rss();
  let peakRss = baseRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
  const lib = openLibrary({
    dataDir,
    tools: { ffprobe: 'ffprobe', ffmpeg: 'ffmpeg', spawn, clock: systemClock },
    artUrl: (artId) => `/art/${artId}`,
    thumbUrl: (artId) => `/thumb/${artId}`,
    parseWorkers: workers,
    parseWorkerModule: new URL(config.workerModule),
    engineWorkerModule: new URL(config.engineModule),
  });
  lib.addFolder(roots.movies, 'movies');
  lib.addFolder(roots.shows, 'shows');
  lib.addFolder(roots.music, 'music');
  // Where the memory goes, phase by phase, on stderr: the peak alone does not say what to fix.
  const mb = (n: number): string => `${Math.round(n / 1048576)} MB`;
  const trace = (what: string): void => {
    const m = process.memoryUsage();
    process.stderr.write(`  [memory] ${what.padEnd(34)} rss ${mb(m.rss)}, main heap ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, peak so far ${mb(Math.max(peakRss, rssHighWaterMark()))}\n`);
  };
  let phase = '';
  const onProgress = (p: { phase: string; currentFolder: string | null }): void => {
    const now = `${p.phase} ${p.currentFolder ?? ''}`;
    if (now !== phase) trace(`first scan: ${(phase = now)}`);
  };
  let t = performance.now();
  const first = await lib.scan({ onProgress });
  const firstScan = (performance.now() - t) / 1000;
  trace(`first scan took ${firstScan.toFixed(1)} s`);
  if (first.added !== files || first.failed.length > 0) {
    throw new Error(`first scan added ${first.added} of ${files}; failed: ${JSON.stringify(first.failed.slice(0, 5))}`);
  }
  // Best of three, like the walk floor: both then run warm (JIT and page cache), as a rescan in a running app does.
  const rescans: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    const again = await lib.scan();
    rescans.push((performance.now() - t) / 1000);
    if (again.unchanged !== files) throw new Error(`rescan saw ${again.unchanged} unchanged of ${files}`);
  }
  trace(`after rescans of ${rescans.map((r) => r.toFixed(3)).join(', ')} s`);

  // Search: what a person types, 1–5 letters of a title, ranked results (limit 20 as the UI asks).
  for (const q of queries.slice(0, 100)) lib.search(q, 20); // warm the statement and page caches
  const timed: [number, string][] = [];
  let empty = 0;
  for (const q of queries) {
    const s = performance.now();
    const hits = lib.search(q, 20);
    timed.push([performance.now() - s, q]);
    if (hits.length === 0) empty++;
  }
  timed.sort((a, b) => a[0] - b[0]);
  trace('after 1,100 searches');
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss(), rssHighWaterMark());
  lib.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    firstScan,
    rescans,
    latencies: timed.map(([ms]) => ms),
    slowest: timed.slice(-5).reverse().map(([ms, q]) => `${JSON.stringify(q)} ${ms.toFixed(2)} ms`),
    empty,
    peakRss,
    baseRss,
  };
}

// ---------------------------------------------------------------------------------------------- run

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

async function main(): Promise<void> {
  const dir = path.join(os.tmpdir(), `glasswing-bench-scan-${FILES}`);
  fs.mkdirSync(dir, { recursive: true });
  process.stdout.write(`Generating ${FILES.toLocaleString('en')} files in ${dir} …\n`);
  const t = performance.now();
  const { roots, titles } = generate(dir, FILES);
  process.stdout.write(`  generated in ${((performance.now() - t) / 1000).toFixed(1)} s; ${WORKERS} parse workers\n`);
  const rootList = [roots.movies, roots.shows, roots.music];

  // The library engine, on a fresh index, in a child process of its own (see the header).
  const queries = Array.from({ length: QUERIES }, () => pick(titles).slice(0, between(1, 5)).trimEnd() || 'a');
  const config: EngineConfig = {
    roots,
    files: FILES,
    workers: WORKERS,
    workerModule: (await compiled(new URL('../src-main/library/scan/parse-worker.ts', import.meta.url), 'parse-worker.js')).href,
    // The engine thread that scans (issue 13), compiled the same way.
    engineModule: (await compiled(new URL('../src-main/library/engine/engine-worker.ts', import.meta.url), 'engine-worker.js')).href,
    queries,
  };
  const configFile = path.join(dir, 'engine.json');
  fs.writeFileSync(configFile, JSON.stringify(config));
  const engineScript = await compiled(new URL(import.meta.url), 'scan-engine.js');
  const child = spawnSync(process.execPath, [engineScript.pathname, '--engine', configFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the engine process failed (${child.status ?? child.signal})`);
  const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as EngineResult;
  const { firstScan, rescans, latencies, slowest, empty, peakRss, baseRss } = result;
  const rescan = Math.min(...rescans);

  // Floors, after the engine so their worker threads do not inflate its peak RSS (the tree is in the
  // page cache after generation, as it was for the scans).
  walk(roots.movies);
  const walkRuns = [0, 1, 2].map(() => {
    const s = performance.now();
    const n = rootList.reduce((sum, root) => sum + walk(root).length, 0);
    if (n !== FILES) throw new Error(`walked ${n} files, expected ${FILES}`);
    return (performance.now() - s) / 1000;
  });
  const walkFloor = Math.min(...walkRuns);
  const parseFloor = await walkAndParse(rootList, WORKERS);
  if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });


  const figures = {
    first_scan: {
      value: round(firstScan),
      unit: 's',
      floor: round(parseFloor),
      ratio: round(firstScan / parseFloor, 2),
      target: '≤ 1.3× the walk + parse floor',
    },
    rescan: { value: round(rescan), unit: 's', floor: round(walkFloor), ratio: round(rescan / walkFloor, 2), target: '≤ 1.2× the bare walk' },
    search_p50: { value: round(percentile(latencies, 50)), unit: 'ms' },
    search_p99: { value: round(percentile(latencies, 99)), unit: 'ms', target: '< 5 ms at 100,000 items' },
    peak_rss: {
      value: round(peakRss / 1024 / 1024, 1),
      unit: 'MB',
      target: '< 250 MB at 100,000 items',
      note: 'the process running the library engine (compiled, plain node, worker threads included), not the bench',
    },
  };
  const line = (label: string, text: string): void => void process.stdout.write(`${label.padEnd(14)}${text}\n`);
  process.stdout.write(`\nScan benchmark: ${FILES.toLocaleString('en')} files, ${WORKERS} workers\n`);
  line('walk floor', `${walkFloor.toFixed(3)} s  (${Math.round(FILES / walkFloor).toLocaleString('en')} files/s)`);
  line('parse floor', `${parseFloor.toFixed(3)} s  (${Math.round(FILES / parseFloor).toLocaleString('en')} files/s)`);
  line('first scan', `${firstScan.toFixed(3)} s  (${Math.round(FILES / firstScan).toLocaleString('en')} files/s)  ${figures.first_scan.ratio}× the parse floor`);
  line('rescan', `${rescan.toFixed(3)} s  ${figures.rescan.ratio}× the walk floor  (first rescan after the scan: ${rescans[0]!.toFixed(3)} s)`);
  line('search p50', `${figures.search_p50.value} ms`);
  line('search p99', `${figures.search_p99.value} ms  (${QUERIES} queries, ${empty} with no hits; slowest ${slowest.join(', ')})`);
  line('peak RSS', `${figures.peak_rss.value} MB  (engine process; ${(baseRss / 1024 / 1024).toFixed(1)} MB before opening the library)`);

  const out = path.join(path.dirname(new URL(import.meta.url).pathname), 'results', 'scan.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ bench: 'scan', figures }, null, 2) + '\n');
  process.stdout.write(`\nWrote ${path.relative(process.cwd(), out)}\n`);
}

if (args.engine) {
  const result = await engine(JSON.parse(fs.readFileSync(args.engine, 'utf8')) as EngineConfig);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0); // the pool's workers are unref'd, but do not wait for them
} else {
  await main();
}
