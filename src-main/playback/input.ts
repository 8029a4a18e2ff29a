import fs from 'node:fs';
import path from 'node:path';
import { realFile, type PlayableFile } from './media.js';
import { runTool, type Tools } from './tools.js';

/**
 * ffmpeg's input for an item: its one file, or, for a movie split over files (`cd1`, `cd2`), a concat list
 * that joins the parts into one stream. The player never knows: the HLS timeline is the sum of the parts,
 * so resume, watched and seeking work on it as on any movie.
 */

/** The extension of the concat lists this module writes into a session's folder (never a media file's). */
const CONCAT_LIST = '.ffconcat';

/** One path quoted for the concat demuxer: single quotes, and `'` written as `'\''`. */
export function concatQuote(file: string): string {
  return `'${file.replace(/'/g, `'\\''`)}'`;
}

/**
 * A concat list for these parts, in order; `file:` keeps a path from being read as another protocol. With
 * every part's length (`duration`), the concat demuxer can seek; without, `-ss` fails and ffmpeg reads
 * every part from the start.
 */
export function concatList(parts: readonly string[], durations?: readonly number[]): string {
  const entry = (p: string, i: number) => {
    const d = durations?.[i];
    return `file ${concatQuote(`file:${p}`)}\n${d !== undefined ? `duration ${d.toFixed(6)}\n` : ''}`;
  };
  return `ffconcat version 1.0\n${parts.map(entry).join('')}`;
}

/**
 * The input to give ffmpeg for `item` whose first file is `realPath`: that path, or a concat list written
 * into `dir` when the item has parts. Important: every part is re-resolved with `realpath` and must lie
 * inside the item's library folder, like the one file of any item; null when one does not.
 */
export function prepareInput(item: PlayableFile, realPath: string, dir: string): string | null {
  if (!item.parts || item.parts.length < 2) return realPath;
  const reals: string[] = [];
  for (const part of item.parts) {
    const real = realFile({ ...item, path: part });
    if (!real) return null;
    reals.push(real.path);
  }
  fs.mkdirSync(dir, { recursive: true });
  const list = path.join(dir, `parts${CONCAT_LIST}`);
  fs.writeFileSync(list, concatList(reals));
  return list;
}

/**
 * ffmpeg's or ffprobe's input arguments for a file, or for what `prepareInput` returned: read as a file and
 * through the file protocol only, so no name and no list can make it reach anything else (DESIGN.md §9).
 */
export function inputArgs(input: string): string[] {
  const demuxer = isConcatList(input) ? ['-f', 'concat', '-safe', '0'] : [];
  return ['-protocol_whitelist', 'file,pipe', ...demuxer, '-i', `file:${input}`];
}

export function isConcatList(input: string): boolean {
  return input.endsWith(CONCAT_LIST);
}

/**
 * The parts of the concat list `list` with their lengths (ffprobe reads each part's header), which are also
 * written into the list so that ffmpeg can seek in it: without them a seek into a later part reads every
 * part before it. A list that has them already is only read. Null, with the list left as it was, when a
 * part cannot be read.
 */
export async function measureParts(tools: Tools, list: string): Promise<{ path: string; durationSec: number }[] | null> {
  const entries = [...fs.readFileSync(list, 'utf8').matchAll(/^file '(.*)'\n(?:duration ([\d.]+)\n)?/gm)].map((m) => ({
    path: (m[1] ?? '').replace(/'\\''/g, "'").replace(/^file:/, ''),
    durationSec: m[2] === undefined ? null : Number(m[2]),
  }));
  if (entries.every((e) => e.durationSec !== null && e.durationSec > 0)) return entries as { path: string; durationSec: number }[];
  const parts: { path: string; durationSec: number }[] = [];
  for (const { path: part } of entries) {
    const args = ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', ...inputArgs(part)];
    const result = await runTool(tools, tools.ffprobe, args, { timeoutMs: 20_000, maxBytes: 4096 }).catch(() => null);
    const durationSec = result?.code === 0 ? Number(result.stdout.toString('utf8').trim()) : NaN;
    if (!(durationSec > 0)) return null;
    parts.push({ path: part, durationSec });
  }
  const tmp = `${list}.tmp`;
  fs.writeFileSync(tmp, concatList(parts.map((p) => p.path), parts.map((p) => p.durationSec)));
  fs.renameSync(tmp, list);
  return parts;
}
