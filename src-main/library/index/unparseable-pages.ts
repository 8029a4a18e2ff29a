import { z } from 'zod';
import { AppError, ItemId, type UnparseablePage, type UnparseableRequest } from '../../contract/index.js';
import { fileDisplayName } from '../names/name-text.js';
import { prepared, type ReadableDB } from './db.js';

/**
 * `library.unparseable`: the files that could not be read, a page at a time, in the order they were found.
 * The keyset is the row's rowid (one seek in the table, or in `unparseable_by_folder` for one folder), so
 * the cursor the renderer holds carries no path, only a number and the folder it was made for.
 */

const Cursor = z.tuple([ItemId.nullable(), z.number().int().nonnegative()]);

const refused = (): AppError => new AppError('bad-request', 'That page cursor is not valid here: start again from the first page.');

function encodeAfter(folderId: string | null, rowid: number): string {
  return Buffer.from(JSON.stringify([folderId, rowid]), 'utf8').toString('base64url');
}

/** The rowid a cursor continues after; AppError 'bad-request' for one that is not this request's. */
function decodeAfter(cursor: string, folderId: string | null): number {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  const parsed = Cursor.safeParse(raw);
  if (!parsed.success || parsed.data[0] !== folderId) throw refused();
  return parsed.data[1];
}

type Row = { rowid: number; folderId: string; relPath: string; reason: string };

const ALL = 'SELECT rowid, folder_id AS folderId, rel_path AS relPath, reason FROM unparseable WHERE rowid > @after ORDER BY rowid LIMIT @take';
const OF_FOLDER = 'SELECT rowid, folder_id AS folderId, rel_path AS relPath, reason FROM unparseable WHERE folder_id = @folder AND rowid > @after ORDER BY rowid LIMIT @take';

/** One page of unreadable files (of one folder, or all); AppError 'not-found' for a folder not in the library. */
export function unparseablePage(db: ReadableDB, request: UnparseableRequest): UnparseablePage {
  const folder = request.folderId ?? null;
  if (folder !== null && !prepared(db, 'SELECT 1 FROM folders WHERE id = ?').get(folder)) throw new AppError('not-found', 'That folder is not in the library.');
  const after = request.after === null ? 0 : decodeAfter(request.after, folder);
  const rows = prepared(db, folder === null ? ALL : OF_FOLDER).all({ after, take: request.limit + 1, ...(folder === null ? {} : { folder }) }) as Row[];
  const more = rows.length > request.limit;
  if (more) rows.length = request.limit;
  return {
    // Display text only: the base name, never the path (which is also why the cursor holds a rowid).
    files: rows.map((r) => ({ name: fileDisplayName(r.relPath), reason: r.reason, folderId: r.folderId })),
    next: more ? encodeAfter(folder, rows[rows.length - 1]!.rowid) : null,
  };
}

/** How many files could not be read, in every folder. */
export function unparseableCount(db: ReadableDB): number {
  return (prepared(db, 'SELECT count(*) AS n FROM unparseable').get() as { n: number }).n;
}
