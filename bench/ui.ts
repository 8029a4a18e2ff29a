/// <reference lib="dom" />
/**
 * `npm run bench:ui [-- --items 100000]`: the renderer and main side as a user meets them at 100,000 items
 * (DESIGN.md §7 keys `first_paint`, `search_results`, `long_frames`, `renderer_heap`, `main_rss`,
 * `loop_delay_scan`). An index is built directly (no media files), the real web host serves it from a
 * process of its own, and Debian's Chromium, driven through playwright-core, measures:
 *
 * - first paint: navigation to `#/movies` until the first movie card (title and all) is in the grid; floors in
 *   the same run are the same build on an empty library (navigation to Movies' empty state) and at 1,000
 *   items. Each is a cold page load: the session token is put in sessionStorage before the app starts, as
 *   the token link would, so nothing is loaded before the measured navigation;
 * - search: on `#/search`, last keystroke to the last change of the page, p95 over a few queries;
 * - long frames: animation frames over 50 ms while scrolling the Movies grid top to bottom;
 * - renderer heap after that scroll (after a GC), the main process's peak RSS;
 * - the main process's event-loop delay p99 while it scans a folder of real files.
 *
 * Pages that never paint or scrolls that never end are cut at a bound and reported as such: the figure
 * is then the bound, and the line says so.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { makeMp4 } from '../src-main/test-support/media.js';
import { compiled } from './support/compiled.js';
import { buildUiLibrary } from './support/ui-library.js';

const { values } = parseArgs({ options: { items: { type: 'string', default: '100000' }, 'scan-files': { type: 'string', default: '1000' } } });
const ITEMS = Number(values.items);
const SCAN_FILES = Number(values['scan-files']);
const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(os.tmpdir(), 'glasswing-bench-ui');
const BOUND_MS = 120_000;
const QUERIES = ['nig', 'harbour', 'winter gar', 'echo 12', 'blue road'];

type Host = { child: ChildProcess; url: string };

function request<T>(child: ChildProcess, message: object): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (reply) => resolve(reply as T));
    child.send(message);
  });
}

async function startHost(dataDir: string): Promise<Host> {
  const script = await compiled(new URL('./support/ui-host.ts', import.meta.url), 'ui-host.js');
  const child = fork(script.pathname, [dataDir, path.join(ROOT, 'build')], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, url: (m as { url: string }).url }));
    child.once('exit', (code) => reject(new Error(`the bench host exited with ${code}`)));
  });
}

async function stopHost(host: Host): Promise<void> {
  const exited = new Promise((r) => host.child.once('exit', r));
  host.child.send({ cmd: 'stop' });
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  host.child.kill('SIGKILL');
}

/** The first card of a grid that has its data (skeletons have no link), and Movies' empty state. */
const FIRST_CARD = '.pcard-link';
const EMPTY_STATE = '.empty-title';

/** Records, in the page, when the search field last got input and when the page (the field aside) last changed. */
const PAGE_PROBES = `
  window.__gw = { inputAt: 0, mutatedAt: 0 };
  document.addEventListener('input', () => { window.__gw.inputAt = performance.now(); }, true);
  // The field typed in is not a result: Chromium touches its attributes after the address follows the query.
  new MutationObserver((list) => { if (list.some((m) => m.target.nodeName !== 'INPUT')) window.__gw.mutatedAt = performance.now(); }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
`;

/** Milliseconds from navigation start until `selector` matches, or null past the bound. */
async function paintTime(page: Page, url: string, selector: string): Promise<number | null> {
  await page.goto(url, { waitUntil: 'commit' });
  try {
    const handle = await page.waitForFunction((sel) => (document.querySelector(sel) ? performance.now() : null), selector, { polling: 'raf', timeout: BOUND_MS });
    return (await handle.jsonValue()) as number;
  } catch {
    return null;
  }
}

async function waitQuiet(page: Page, quietMs = 800): Promise<void> {
  await page.waitForFunction((q) => performance.now() - (window as unknown as { __gw: { mutatedAt: number } }).__gw.mutatedAt > q, quietMs, { polling: 100, timeout: BOUND_MS });
}

async function searchTimes(page: Page, origin: string): Promise<number[]> {
  await page.goto(`${origin}/#/search`);
  const box = page.getByRole('searchbox').first();
  await box.waitFor({ timeout: BOUND_MS });
  const times: number[] = [];
  for (const query of QUERIES) {
    await box.fill('');
    await waitQuiet(page);
    await box.pressSequentially(query, { delay: 60 });
    await waitQuiet(page);
    times.push(await page.evaluate(() => {
      const gw = (window as unknown as { __gw: { inputAt: number; mutatedAt: number } }).__gw;
      return Math.max(0, gw.mutatedAt - gw.inputAt);
    }));
  }
  await box.fill('');
  return times;
}

interface Scroll {
  frames: number;
  long: number;
  longestMs: number;
  reachedBottom: boolean;
  /** Which element was scrolled, and how tall its content was: the reader can tell a short page from a fast one. */
  scroller: string;
  heightPx: number;
}

const NO_SCROLL: Scroll = { frames: 0, long: 0, longestMs: 0, reachedBottom: false, scroller: 'none (the page did not answer)', heightPx: 0 };

/** Scrolls the page's largest scroller to the bottom, a screen a frame; counts frames over 50 ms. */
function scrollFrames(page: Page): Promise<Scroll> {
  return page.evaluate(async (boundMs) => {
    const candidates = [document.scrollingElement, ...document.querySelectorAll('*')].filter((el): el is Element => !!el && el.scrollHeight > el.clientHeight + 10);
    const scroller = candidates.sort((a, b) => b.scrollHeight - a.scrollHeight)[0] ?? document.documentElement;
    const started = performance.now();
    let last = started;
    let frames = 0;
    let long = 0;
    let longestMs = 0;
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      const t = performance.now();
      const dt = t - last;
      last = t;
      frames++;
      if (dt > 50) long++;
      longestMs = Math.max(longestMs, dt);
      const bottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
      if (bottom || t - started > boundMs) {
        const scrollerName = `${scroller.tagName.toLowerCase()}${scroller.className ? '.' + String(scroller.className).split(' ')[0] : ''}`;
        return { frames, long, longestMs: Math.round(longestMs), reachedBottom: bottom, scroller: scrollerName, heightPx: scroller.scrollHeight };
      }
      scroller.scrollTop += Math.round(window.innerHeight * 0.9);
    }
  }, BOUND_MS);
}

async function scrollMovies(page: Page, origin: string): Promise<Scroll> {
  await page.goto(`${origin}/#/movies`);
  await page.locator(FIRST_CARD).first().waitFor({ timeout: BOUND_MS });
  return scrollFrames(page);
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

interface Opened {
  ms: number | null;
  host: Host;
  page: Page;
  /** The host's address without the token (`http://127.0.0.1:PORT`). */
  origin: string;
}

/** Builds an index of `items`, serves it, and times a cold load of Movies until `selector` shows. */
async function firstPaint(browser: Browser, items: number, selector: string): Promise<Opened> {
  const dataDir = path.join(WORK, `data-${items}`);
  await buildUiLibrary(dataDir, items);
  const host = await startHost(dataDir);
  const url = new URL(host.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(PAGE_PROBES);
  // What the token link leaves behind, set before the app's first script runs.
  await page.addInitScript((t) => sessionStorage.setItem('glasswing.token', t), token);
  return { ms: await paintTime(page, `${url.origin}/#/movies`, selector), host, page, origin: url.origin };
}

function scanFolder(): string {
  const dir = path.join(WORK, 'scan-me');
  const seed = path.join(WORK, 'seed.mp4');
  if (!fs.existsSync(seed)) makeMp4(seed, 1);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < SCAN_FILES; i++) fs.copyFileSync(seed, path.join(dir, `Scan Reel ${i} (2001).mp4`));
  return dir;
}

const phase = (what: string) => process.stderr.write(`[bench:ui] ${what}\n`);
const fmt = (ms: number | null) => (ms === null ? `over ${BOUND_MS / 1000} s` : `${Math.round(ms)} ms`);
const round = (x: number) => Math.round(x * 10) / 10;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] ?? 0;

async function main(): Promise<void> {
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-stale.js')], { stdio: 'inherit' });
  fs.mkdirSync(WORK, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--enable-precise-memory-info'],
  });
  try {
    phase('empty library');
    const empty = await firstPaint(browser, 0, EMPTY_STATE);
    await empty.page.close();
    await stopHost(empty.host);
    phase('1,000 items');
    const small = await firstPaint(browser, 1000, FIRST_CARD);
    await small.page.close();
    await stopHost(small.host);
    phase(`${ITEMS.toLocaleString('en')} items: building the index, first paint`);
    const big = await firstPaint(browser, ITEMS, FIRST_CARD);
    const painted = big.ms !== null;
    phase('search');
    // A page too busy to answer within the bound counts as the bound, and the bench goes on.
    const searches = painted ? await searchTimes(big.page, big.origin).catch(() => [BOUND_MS]) : [];
    phase('scroll');
    const scroll = painted ? await scrollMovies(big.page, big.origin).catch(() => NO_SCROLL) : NO_SCROLL;
    const heap = await heapMb(big.page).catch(() => NaN);
    phase(`scanning ${SCAN_FILES} files`);
    const scan = await request<{ p99Ms: number; maxMs: number; files: number; seconds: number }>(big.host.child, { cmd: 'scan', dir: scanFolder() });
    const rss = await request<{ rss: number; peakRss: number }>(big.host.child, { cmd: 'rss' });
    await big.page.close();
    await stopHost(big.host);
    report({ empty: empty.ms, small: small.ms, big: big.ms, searches, scroll, heap, scan, peakRssMb: rss.peakRss / 1024 / 1024 });
  } finally {
    await browser.close();
  }
}

interface Measured {
  empty: number | null;
  small: number | null;
  big: number | null;
  searches: number[];
  scroll: Scroll;
  heap: number;
  scan: { p99Ms: number; maxMs: number; files: number; seconds: number };
  peakRssMb: number;
}

function report(m: Measured): void {
  const paint = m.big ?? BOUND_MS;
  const floor = m.empty ?? BOUND_MS;
  const figures = {
    first_paint: { value: round(paint), unit: 'ms', floor: round(floor), ratio: round(paint / floor), target: '≤ 1.5× the empty library and < 500 ms' },
    search_results: { value: round(p95(m.searches)), unit: 'ms', target: 'p95 < 100 ms' },
    long_frames: { value: m.scroll.long, unit: 'frames', target: '0 over 50 ms' },
    renderer_heap: { value: round(m.heap), unit: 'MB', target: '< 150 MB' },
    main_rss: { value: round(m.peakRssMb), unit: 'MB', target: '< 250 MB' },
    loop_delay_scan: { value: round(m.scan.p99Ms), unit: 'ms', target: 'p99 < 20 ms' },
  };
  const line = (k: string, v: string) => process.stdout.write(`${k.padEnd(18)} ${v}\n`);
  line('first paint', `${fmt(m.big)} at ${ITEMS.toLocaleString('en')} items; ${fmt(m.small)} at 1,000; empty library ${fmt(m.empty)} (${figures.first_paint.ratio}×)`);
  line('search', `p95 ${figures.search_results.value} ms over ${m.searches.length} queries (${m.searches.map((t) => Math.round(t)).join(', ')} ms)`);
  line('scroll', `${m.scroll.long} of ${m.scroll.frames} frames over 50 ms, longest ${m.scroll.longestMs} ms, ${m.scroll.scroller} ${m.scroll.heightPx.toLocaleString('en')} px tall${m.scroll.reachedBottom ? '' : ', did not reach the bottom'}`);
  line('renderer heap', `${figures.renderer_heap.value} MB after the scroll`);
  line('main RSS', `${figures.main_rss.value} MB peak`);
  line('scan loop delay', `p99 ${figures.loop_delay_scan.value} ms, max ${round(m.scan.maxMs)} ms, scanning ${m.scan.files} files in ${round(m.scan.seconds)} s`);
  const out = path.join(ROOT, 'bench', 'results', 'ui.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ bench: 'ui', items: ITEMS, figures }, null, 2) + '\n');
}

await main();
