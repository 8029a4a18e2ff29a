import { z } from 'zod';
import { AppError, ItemId, LibrarySection, SortDirection } from '../../contract/index.js';

/**
 * The keyset cursor of a page: where the last row of the previous page stood in its sort (its sort key and
 * id), and the section, sort and direction it was made for. The renderer gets it as an opaque base64url
 * string and only passes it back.
 *
 * Important: a cursor is input from the renderer like any other. It is decoded with zod and must match the
 * request it comes with, so a tampered or foreign cursor is a 'bad-request', never an SQL error; its values
 * only ever reach SQLite as bound parameters.
 */

/** A sort key as the index holds it: text for titles, a number for years, durations and dates. */
export type SortKey = string | number;

export interface PagePosition {
  section: LibrarySection;
  sort: string;
  direction: SortDirection;
  key: SortKey;
  id: string;
}

/** A title longer than this cannot be paged past (the contract caps a cursor at 16 KiB). */
const MAX_KEY_CHARS = 4096;

const Encoded = z.tuple([
  LibrarySection,
  z.string().max(16),
  SortDirection,
  z.union([z.string().max(MAX_KEY_CHARS), z.number().finite()]),
  ItemId,
]);

/** The cursor that continues after `position`. */
export function encodeCursor(position: PagePosition): string {
  const { section, sort, direction, key, id } = position;
  return Buffer.from(JSON.stringify([section, sort, direction, key, id]), 'utf8').toString('base64url');
}

const refused = (): AppError => new AppError('bad-request', 'That page cursor is not valid here: start again from the first page.');

/**
 * Decodes `cursor` for a request of `expected` (section, sort, direction) whose keys are `keyType`.
 * Throws AppError 'bad-request' for anything that is not a cursor this request could have been given.
 */
export function decodeCursor(cursor: string, expected: Omit<PagePosition, 'key' | 'id'>, keyType: 'string' | 'number'): PagePosition {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  const parsed = Encoded.safeParse(raw);
  if (!parsed.success) throw refused();
  const [section, sort, direction, key, id] = parsed.data;
  if (section !== expected.section || sort !== expected.sort || direction !== expected.direction || typeof key !== keyType) throw refused();
  return { section, sort, direction, key, id };
}
