import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../contract/index.js';
import { cleanText } from './names/name-text.js';

/** The name the UI shows for a folder: its last segment (never the full path). */
export function folderDisplayName(folderPath: string): string {
  return cleanText(path.basename(folderPath) || folderPath);
}

/** The last `count` folders of a path's segments, as the platform writes them. */
const tail = (segments: readonly string[], count: number): string => segments.slice(segments.length - count).join(path.sep);

/**
 * Where the UI says each folder is (display text only; see the contract's `Folder.place`): the last folders
 * of the path that holds it, two at most and never all of them, unless more are what tell it from a folder
 * of the same name. Deeper paths start with "…", so no whole path reads as one.
 */
export function folderPlaces(folderPaths: readonly string[]): string[] {
  const names = folderPaths.map(folderDisplayName);
  const parents = folderPaths.map((p) => path.dirname(p).split(path.sep).filter(Boolean));
  return parents.map((segments, i) => {
    const clashes = (count: number) => parents.some((other, j) => j !== i && names[j] === names[i] && tail(other, count) === tail(segments, count));
    let count = Math.max(0, Math.min(2, segments.length - 1));
    while (count < segments.length && clashes(count)) count++;
    return count === 0 ? '' : cleanText(`…${path.sep}${tail(segments, count)}`);
  });
}

/** Whether `inner` is `outer` or lies inside it (both absolute, normalized). */
function isSameOrInside(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The real path of a folder the user wants to add, or AppError('not-found') with a reason they can act on. */
export function resolveFolderPath(input: string): string {
  if (input.trim() === '') throw new AppError('not-found', 'No folder was given.');
  let real: string;
  try {
    real = fs.realpathSync.native(path.resolve(input));
  } catch {
    throw new AppError('not-found', 'That folder does not exist or cannot be opened.');
  }
  let isDirectory = false;
  try {
    isDirectory = fs.statSync(real).isDirectory();
  } catch {
    // falls through to the error below
  }
  if (!isDirectory) throw new AppError('not-found', 'That path is a file, not a folder.');
  return real;
}

/**
 * Refuses a folder that is already in the library, inside one, or containing one: the same file would
 * otherwise be indexed twice under two ids.
 */
export function assertNoOverlap(real: string, existing: readonly string[]): void {
  for (const other of existing) {
    const name = folderDisplayName(other);
    if (other === real) throw new AppError('conflict', `“${name}” is already in the library.`);
    if (isSameOrInside(real, other)) throw new AppError('conflict', `That folder is inside “${name}”, which is already in the library.`);
    if (isSameOrInside(other, real)) throw new AppError('conflict', `That folder contains “${name}”, which is already in the library. Remove it first.`);
  }
}
