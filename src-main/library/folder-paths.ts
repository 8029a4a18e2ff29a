import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../contract/index.js';
import { cleanText } from './names/name-text.js';

/** The name the UI shows for a folder: its last segment (never the full path). */
export function folderDisplayName(folderPath: string): string {
  return cleanText(path.basename(folderPath) || folderPath);
}

/** Where the UI says a folder is (display text only): the folder that holds it, and its whole path. */
export function folderLocation(folderPath: string): { parent: string; full: string } {
  return { parent: cleanText(path.dirname(folderPath)), full: cleanText(folderPath) };
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
