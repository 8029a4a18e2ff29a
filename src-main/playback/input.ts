import fs from 'node:fs';
import path from 'node:path';
import { realFile, type PlayableFile } from './media.js';

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

/** A concat list for these parts, in order; `file:` keeps a path from being read as another protocol. */
export function concatList(parts: readonly string[]): string {
  return `ffconcat version 1.0\n${parts.map((p) => `file ${concatQuote(`file:${p}`)}\n`).join('')}`;
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

/** ffmpeg's input arguments for what `prepareInput` returned. */
export function inputArgs(input: string): string[] {
  return input.endsWith(CONCAT_LIST) ? ['-f', 'concat', '-safe', '0', '-i', `file:${input}`] : ['-i', `file:${input}`];
}
