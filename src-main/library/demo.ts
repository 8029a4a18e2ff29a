import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../contract/index.js';
import { forEachConcurrently } from './scan/for-each-concurrently.js';

interface DemoFile {
  /** Relative to the demo folder, `/`-separated. */
  relPath: string;
  /** ffmpeg arguments between the inputs and the output (codecs, tags). */
  args: string[];
  /** Muxer, given explicitly because the file is written under a temporary name first. */
  format: string;
  /** A text sidecar written as is instead of by ffmpeg (`args` and `format` unused). */
  text?: string;
}

const lavfi = (source: string): string[] => ['-f', 'lavfi', '-i', source];

function videoFile(relPath: string, pattern: 'testsrc2' | 'smptebars', seconds: number, tone: number, format: 'mp4' | 'matroska'): DemoFile {
  return {
    relPath,
    format,
    args: [
      ...lavfi(`${pattern}=size=640x360:rate=24:duration=${seconds}`),
      ...lavfi(`sine=frequency=${tone}:sample_rate=48000:duration=${seconds}`),
      ...['-map', '0:v', '-map', '1:a', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-g', '48'],
      ...['-c:a', 'aac', '-b:a', '96k', '-shortest'],
      ...(format === 'mp4' ? ['-movflags', '+faststart'] : []),
    ],
  };
}

/** A one-frame JPEG of a diagonal gradient: a stand-in poster or cover. */
function pictureFile(relPath: string, size: string, from: string, to: string): DemoFile {
  return { relPath, format: 'mjpeg', args: [...lavfi(gradient(size, from, to)), '-frames:v', '1'] };
}

const gradient = (size: string, from: string, to: string): string => `gradients=size=${size}:c0=${from}:c1=${to}:duration=1:rate=1:seed=1`;

function trackFile(no: number, title: string, tone: number): DemoFile {
  const tags = { title, artist: 'Glass Harbour', album_artist: 'Glass Harbour', album: 'Low Tide', track: `${no}/3`, date: '2021' };
  return {
    relPath: `Music/Glass Harbour/Low Tide/${String(no).padStart(2, '0')} - ${title}.mp3`,
    format: 'mp3',
    args: [
      ...lavfi(`sine=frequency=${tone}:sample_rate=44100:duration=4`),
      // The album's cover, embedded in each track's ID3 tag as its front cover (no cover.jpg beside them).
      ...lavfi(gradient('300x300', '0x2a9d8f', '0x264653')),
      ...['-map', '0:a', '-map', '1:v', '-c:v', 'mjpeg', '-frames:v', '1', '-disposition:v', 'attached_pic'],
      ...['-metadata:s:v', 'title=Album cover', '-metadata:s:v', 'comment=Cover (front)'],
      ...['-c:a', 'libmp3lame', '-b:a', '96k', '-id3v2_version', '3'],
      ...Object.entries(tags).flatMap(([key, value]) => ['-metadata', `${key}=${value}`]),
    ],
  };
}

const NIGHT_TRAIN_NFO = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<movie>
  <title>Night Train</title>
  <year>1998</year>
  <plot>A sleeper train crosses a frozen border at night &amp; six strangers share one compartment.</plot>
  <genre>Drama</genre>
  <genre>Thriller / Mystery</genre>
</movie>
`;

/** Genres in another scraper's style (several in one element), so the demo's Movies screen offers the genre filter. */
const PAPER_MOONS_NFO = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<movie>
  <title>Paper Moons</title>
  <year>2004</year>
  <genre>Comedy | Drama</genre>
</movie>
`;

/** English subtitles for Night Train, so the demo shows the subtitle menu at work. */
const NIGHT_TRAIN_SRT = `1
00:00:00,500 --> 00:00:02,800
The border is closed tonight.

2
00:00:03,000 --> 00:00:05,800
Then we wait for the morning train.
`;

/**
 * The demo library's files: two movies (one with a poster, an nfo and English subtitles beside it, the other with an
 * nfo; both nfo files give genres), one show with two episodes, one three-track album with embedded cover art.
 */
const DEMO_FILES: readonly DemoFile[] = [
  videoFile('Movies/Night Train (1998).mp4', 'testsrc2', 6, 440, 'mp4'),
  pictureFile('Movies/Night Train (1998)-poster.jpg', '400x600', '0x1d3557', '0xe76f51'),
  { relPath: 'Movies/Night Train (1998).nfo', args: [], format: '', text: NIGHT_TRAIN_NFO },
  { relPath: 'Movies/Night Train (1998).en.srt', args: [], format: '', text: NIGHT_TRAIN_SRT },
  videoFile('Movies/Paper Moons (2004).mp4', 'smptebars', 6, 523, 'mp4'),
  { relPath: 'Movies/Paper Moons (2004).nfo', args: [], format: '', text: PAPER_MOONS_NFO },
  videoFile('Shows/Harbour Lights/Season 01/Harbour Lights - S01E01.mkv', 'testsrc2', 5, 330, 'matroska'),
  videoFile('Shows/Harbour Lights/Season 01/Harbour Lights - S01E02.mkv', 'smptebars', 5, 392, 'matroska'),
  trackFile(1, 'First Light', 262),
  trackFile(2, 'Undertow', 294),
  trackFile(3, 'Lantern', 349),
];

function runFfmpeg(ffmpegPath: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new AppError('not-found', 'ffmpeg was not found, so the demo library cannot be made. Install ffmpeg and try again.')
          : error,
      ),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg failed (exit ${code}): ${stderr.trim()}`))));
  });
}

/**
 * Makes the demo library in `dir` with ffmpeg: `Movies/`, `Shows/` and `Music/`. Files that already
 * exist are kept, so a second call is nearly free. Each file is written under a hidden temporary name
 * (the scanner skips dotfiles) and renamed when complete, so a scan never sees half a file.
 */
export async function generateDemoLibrary(dir: string, opts: { ffmpegPath?: string } = {}): Promise<void> {
  const ffmpegPath = opts.ffmpegPath ?? 'ffmpeg';
  const todo = DEMO_FILES.filter((file) => {
    try {
      return fs.statSync(path.join(dir, ...file.relPath.split('/'))).size === 0;
    } catch {
      return true;
    }
  });
  await forEachConcurrently(todo, 4, async (file) => {
    const target = path.join(dir, ...file.relPath.split('/'));
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      if (file.text !== undefined) fs.writeFileSync(temp, file.text);
      else await runFfmpeg(ffmpegPath, ['-y', '-v', 'error', '-nostdin', ...file.args, '-f', file.format, temp]);
      fs.renameSync(temp, target);
    } finally {
      fs.rmSync(temp, { force: true });
    }
  });
}
