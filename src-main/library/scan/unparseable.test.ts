import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoLibrary, openLibrary } from '../index.js';
import { toProbeFailure } from './probe-errors.js';
import { countingFfprobe, makeTempDir } from '../test-support/fixtures.js';
import { testLibraryOptions } from '../test-support/library-options.js';

let temp: ReturnType<typeof makeTempDir>;
let demo: string;
let ffprobe: ReturnType<typeof countingFfprobe>;

beforeAll(async () => {
  temp = makeTempDir();
  demo = path.join(temp.dir, 'demo');
  await generateDemoLibrary(demo);
  ffprobe = countingFfprobe(temp.dir);
});

afterAll(() => temp.cleanup());

const nightTrain = (): string => path.join(demo, 'Movies', 'Night Train (1998).mp4');

describe('files that cannot be read', () => {
  it('lists broken files as unparseable with a reason and finishes the scan', async () => {
    const movies = path.join(temp.dir, 'broken-movies');
    const music = path.join(temp.dir, 'broken-music');
    fs.mkdirSync(movies);
    fs.mkdirSync(music);
    fs.copyFileSync(nightTrain(), path.join(movies, 'Good (2001).mp4'));
    fs.writeFileSync(path.join(movies, 'Empty (2002).mp4'), '');
    const whole = fs.readFileSync(nightTrain());
    fs.writeFileSync(path.join(movies, 'Truncated (2003).mp4'), whole.subarray(0, Math.floor(whole.length / 2)));
    fs.writeFileSync(path.join(movies, 'Tiny Truncated (2003).mp4'), whole.subarray(0, 2000));
    fs.writeFileSync(path.join(movies, 'Garbage (2004).mkv'), Buffer.from(Array.from({ length: 40_000 }, (_, i) => (i * 7919 + 13) % 256)));
    fs.writeFileSync(path.join(music, 'Noise.mp3'), Buffer.from(Array.from({ length: 40_000 }, (_, i) => (i * 104729 + 7) % 256)));
    // A directory with a media name is walked as a folder, never read as a file.
    fs.mkdirSync(path.join(movies, 'x.mp4'));
    // Unreadable files (chmod 000) cannot be simulated here: tests run as root, which reads anyway. The
    // reason mapping for EACCES is covered below, and the real case runs on non-root machines.

    const lib = openLibrary(testLibraryOptions(path.join(temp.dir, 'data-broken'), { ffprobe: ffprobe.path }));
    lib.addFolder(movies, 'movies');
    lib.addFolder(music, 'music');
    const summary = await lib.scan();
    const reasons = Object.fromEntries(summary.failed.map((f) => [f.name, f.reason]));
    expect(reasons).toEqual({
      'Empty (2002).mp4': 'the file is empty (0 bytes)',
      'Truncated (2003).mp4': expect.stringMatching(/truncated/),
      'Tiny Truncated (2003).mp4': expect.stringMatching(/truncated/),
      'Garbage (2004).mkv': expect.stringMatching(/Matroska|recognizable/),
      'Noise.mp3': 'not a recognizable audio file',
    });
    for (const reason of Object.values(reasons)) expect(reason).not.toContain(temp.dir);
    expect(summary.added).toBe(1);
    const snapshot = lib.snapshot();
    expect(snapshot.movies.map((m) => m.title)).toEqual(['Good']);
    expect(snapshot.unparseableCount).toBe(5);

    // Unchanged broken files are not read again, but are still reported.
    ffprobe.reset();
    const again = await lib.scan();
    expect(ffprobe.count()).toBe(0);
    expect(again.failed).toHaveLength(5);
    expect(again.unchanged).toBe(6);

    // A repaired file becomes an item; a deleted broken file leaves the unparseable list.
    fs.copyFileSync(nightTrain(), path.join(movies, 'Truncated (2003).mp4'));
    fs.rmSync(path.join(movies, 'Empty (2002).mp4'));
    const repaired = await lib.scan();
    expect(repaired.added).toBe(1);
    expect(lib.snapshot().unparseableCount).toBe(3);
    lib.close();
  });

  it('gives up on a file whose parser hangs, replaces the reader, and retries the file next scan', async () => {
    const movies = path.join(temp.dir, 'slow-movies');
    fs.mkdirSync(movies);
    fs.copyFileSync(nightTrain(), path.join(movies, 'HANG Film (2005).mp4'));
    fs.copyFileSync(nightTrain(), path.join(movies, 'Quick Film (2006).mp4'));
    const lib = openLibrary(
      testLibraryOptions(path.join(temp.dir, 'data-slow'), {
        ffprobe: ffprobe.path,
        probeTimeoutMs: 2500,
        parseWorkers: 1,
        parseWorkerModule: new URL('../test-support/hanging-worker.js', import.meta.url),
      }),
    );
    lib.addFolder(movies, 'movies');
    const summary = await lib.scan();
    expect(summary.failed).toEqual([{ name: 'HANG Film (2005).mp4', reason: expect.stringMatching(/took longer than/) }]);
    expect(summary.added).toBe(1);
    const again = await lib.scan();
    // The timed-out file is tried again (and hangs again); the good one is not read again.
    expect(again).toMatchObject({ unchanged: 1, added: 0, failed: [{ name: 'HANG Film (2005).mp4', reason: expect.stringMatching(/took longer than/) }] });
    lib.close();
  });

  it('gives a slow ffprobe a wall-clock limit too (for files read by ffprobe, like AVI)', async () => {
    const movies = path.join(temp.dir, 'slow-avi');
    fs.mkdirSync(movies);
    const avi = path.join(movies, 'Quick Film (2006).avi');
    const made = spawnSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=160x90:rate=10:duration=1', '-c:v', 'mpeg4', avi]);
    expect(made.status).toBe(0);
    fs.copyFileSync(avi, path.join(movies, 'SLOW Film (2005).avi'));
    const lib = openLibrary(testLibraryOptions(path.join(temp.dir, 'data-slow-avi'), { ffprobe: ffprobe.path, probeTimeoutMs: 2500 }));
    lib.addFolder(movies, 'movies');
    ffprobe.reset();
    const summary = await lib.scan();
    expect(summary.failed).toEqual([{ name: 'SLOW Film (2005).avi', reason: expect.stringMatching(/took longer than/) }]);
    expect(lib.snapshot().movies).toEqual([expect.objectContaining({ title: 'Quick Film', container: 'avi', videoCodec: 'mpeg4', width: 160, height: 90 })]);
    expect(ffprobe.count()).toBe(2);
    ffprobe.reset();
    await lib.scan();
    expect(ffprobe.count()).toBe(1); // the timed-out file is tried again, the good one is not
    lib.close();
  });

  it.skipIf(process.getuid?.() === 0)('lists a file without read permission (non-root only)', async () => {
    const movies = path.join(temp.dir, 'locked-movies');
    fs.mkdirSync(movies);
    const locked = path.join(movies, 'Locked (2007).mp4');
    fs.copyFileSync(nightTrain(), locked);
    fs.chmodSync(locked, 0o000);
    const lib = openLibrary(testLibraryOptions(path.join(temp.dir, 'data-locked'), { ffprobe: ffprobe.path }));
    lib.addFolder(movies, 'movies');
    const summary = await lib.scan();
    expect(summary.failed).toHaveLength(1);
    lib.close();
  });

  it('words permission and disappearance errors for people, without the path', () => {
    const eacces = Object.assign(new Error(`EACCES: permission denied, open '/secret/Movie.mp4'`), { code: 'EACCES' });
    expect(toProbeFailure(eacces).reason).toBe('no permission to read the file');
    expect(toProbeFailure(Object.assign(new Error('x'), { code: 'ENOENT' })).reason).toBe('the file disappeared during the scan');
    expect(toProbeFailure(new Error('/secret/Movie.mp4: Invalid data found when processing input')).reason).toBe('not a recognizable media file');
  });
});

describe('hostile names', () => {
  it('survive the round trip: NFC titles, real paths that open, ids unrelated to names', async () => {
    const movies = path.join(temp.dir, 'hostile-movies');
    fs.mkdirSync(movies);
    const names = [
      '🎬 Émoji Film (2001).mp4',
      'Cafe\u0301 Noir (2002).mp4', // NFD on disk
      `It's "Quoted" <script>alert(1)<\\script> & more (2003).mp4`,
      `${'Very Long Title '.repeat(14).trim()} (2004).mp4`,
      '-rf --version (2005).mp4', // looks like options to a command line
      'http:evil (2006).mp4', // looks like an ffmpeg protocol
    ];
    for (const name of names) fs.copyFileSync(nightTrain(), path.join(movies, name));
    const lib = openLibrary(testLibraryOptions(path.join(temp.dir, 'data-hostile'), { ffprobe: ffprobe.path }));
    lib.addFolder(movies, 'movies');
    const summary = await lib.scan();
    expect(summary.failed).toEqual([]);
    expect(summary.added).toBe(names.length);

    const movieList = lib.snapshot().movies;
    const titles = movieList.map((m) => m.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        '🎬 Émoji Film',
        'Caf\u00e9 Noir',
        `It's "Quoted" <script>alert(1)<\\script> & more`,
        'Very Long Title '.repeat(14).trim(),
        '-rf --version', // a leading dash is part of the title; the file opens through its path, never argv
        'http:evil',
      ]),
    );
    for (const title of titles) expect(title).toBe(title.normalize('NFC'));
    for (const movie of movieList) {
      const resolved = lib.resolveItem(movie.id)!;
      expect(fs.statSync(resolved.path).size).toBeGreaterThan(0);
      expect(path.dirname(resolved.path)).toBe(fs.realpathSync(movies));
      expect(resolved.path).not.toContain(movie.id);
    }
    // The NFD file keeps its on-disk spelling so it still opens.
    const cafe = movieList.find((m) => m.title === 'Caf\u00e9 Noir')!;
    expect(path.basename(lib.resolveItem(cafe.id)!.path)).toBe('Cafe\u0301 Noir (2002).mp4');
    lib.close();
  });

  it('does not follow symlinks out of the folder', async () => {
    const movies = path.join(temp.dir, 'linked-movies');
    fs.mkdirSync(movies);
    fs.copyFileSync(nightTrain(), path.join(movies, 'Inside (2001).mp4'));
    fs.symlinkSync(nightTrain(), path.join(movies, 'Outside (2002).mp4'));
    fs.symlinkSync(path.join(demo, 'Movies'), path.join(movies, 'Outside Folder'));
    const lib = openLibrary(testLibraryOptions(path.join(temp.dir, 'data-links'), { ffprobe: ffprobe.path }));
    lib.addFolder(movies, 'movies');
    await lib.scan();
    expect(lib.snapshot().movies.map((m) => m.title)).toEqual(['Inside']);
    lib.close();
  });
});
