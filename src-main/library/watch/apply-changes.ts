import path from 'node:path';
import type { ItemKind } from '../../contract/index.js';
import type { WritableDB } from '../index/db.js';
import type { FolderRow } from '../index/folder-rows.js';
import { forgetPath, moveItem, pruneOrphanGroups, recordUnparseable, upsertItem } from '../index/item-writes.js';
import type { NameFields } from '../index/item-writes.js';
import { listDir } from '../metadata/sidecars.js';
import type { DirListing } from '../metadata/sidecars.js';
import { parseMediaName } from '../names/media-name.js';
import type { ParsedName } from '../names/media-name.js';
import { partGroupOf } from '../names/movie-names.js';
import { forEachConcurrently } from '../scan/for-each-concurrently.js';
import { ProbeFailure, toProbeFailure } from '../scan/probe-errors.js';
import { fileToRead, readItem } from '../scan/read-item.js';
import type { ReadableName, ReadOptions } from '../scan/read-item.js';
import { compareWithIndex } from './disk-changes.js';
import type { ChangeSet, DiskChanges, GoneFile, SeenFile } from './disk-changes.js';

/** Files being read at once; the parse pool bounds the real reads. */
const READS_IN_FLIGHT = 8;

interface ApplyContext {
  db: WritableDB;
  read: ReadOptions;
}

function nameFields(name: ParsedName, relPath: string): NameFields | null {
  switch (name.kind) {
    case 'movie':
      return { kind: 'movie', title: name.title, year: name.year, part: name.part !== null ? { number: name.part, group: partGroupOf(relPath, name) } : null };
    case 'episode':
      return name;
    case 'track':
      return { kind: 'track' };
    default:
      return null;
  }
}

/**
 * What a batch changed in the index, so listeners refresh only what it touched: the kinds of the items
 * written, moved or removed (none when only folders or unreadable files changed), or null when the batch
 * cannot tell (a known file that no longer has a readable name: it may have been any kind).
 */
export interface IndexChange {
  kinds: ItemKind[] | null;
}

/** The kinds of items a name stands for; an extra is listed under a movie or a show. */
function kindsOfName(name: ReadableName): ItemKind[] {
  return name.kind === 'extra' ? ['movie', 'episode'] : [name.kind];
}

/**
 * Brings the index in line with the disk at the changed paths only, without a full rescan. A file that
 * appeared where another disappeared in the same batch, with the same size and sampled-block hash, is
 * the same file moved or renamed: its item keeps its id, media facts and watched state. Returns what
 * changed in the index, or null when nothing did.
 */
export async function applyChanges(ctx: ApplyContext, changes: ChangeSet): Promise<IndexChange | null> {
  const found = compareWithIndex(ctx.db, changes);
  if (found.seen.length === 0 && found.gone.length === 0 && found.changed.length === 0) return found.wentOffline ? { kinds: [] } : null;
  const reader = new BatchReader(ctx, found);
  await forEachConcurrently([...found.seen, ...found.changed], READS_IN_FLIGHT, (file) => reader.handle(file), ctx.read.signal);
  if (!ctx.db.open) return null;
  ctx.db.transaction(() => {
    for (const write of reader.writes) write();
    // Whatever disappeared and was not found again elsewhere is gone (unparseable entries included).
    for (const file of found.gone) if (file.itemId === null || reader.unmatched.has(file)) forgetPath(ctx.db, file.folderId, file.relPath);
    pruneOrphanGroups(ctx.db);
  }).immediate(); // immediate: the main thread's connection writes too (see scan/write-batch.ts)
  for (const file of found.gone) if (file.kind !== null) reader.kinds.add(file.kind);
  return { kinds: reader.unsure ? null : [...reader.kinds] };
}

/**
 * Reads a batch's new and changed files into index writes, to be committed together. Files are read in
 * parallel (a folder copied in brings many); matching a move is synchronous between awaits, so two new
 * files can never claim the same vanished item.
 */
class BatchReader {
  readonly writes: (() => void)[] = [];
  /** Kinds of the items read, moved or found unreadable in place. */
  readonly kinds = new Set<ItemKind>();
  /** A known file lost its readable name: what it was is not known here. */
  unsure = false;
  private readonly changedPaths: Set<SeenFile>;
  /** Vanished items no new file has claimed yet. */
  readonly unmatched: Set<GoneFile>;
  private readonly isNew: Set<SeenFile>;
  /** Folder listings for sidecars, once per batch. */
  private readonly listings = new Map<string, DirListing | null>();
  private readonly now: number;

  constructor(
    private readonly ctx: ApplyContext,
    found: DiskChanges,
  ) {
    this.unmatched = new Set(found.gone.filter((g) => g.itemId !== null));
    this.isNew = new Set(found.seen);
    this.changedPaths = new Set(found.changed);
    this.now = ctx.read.tools.clock.now();
  }

  async handle(file: SeenFile): Promise<void> {
    const name = parseMediaName(file.relPath, file.folder.kind, file.size);
    if (name.kind === 'ignored') return;
    if (name.kind === 'unknown') {
      if (this.changedPaths.has(file)) this.unsure = true;
      this.writes.push(() => recordUnparseable(this.ctx.db, file.folder.id, file, name.reason, false));
      return;
    }
    for (const kind of kindsOfName(name)) this.kinds.add(kind);
    if (await this.claimMove(file, name)) return;
    await this.read(file, name);
  }

  /** Records a new file as the move of a vanished item with the same size and sampled hash; false when it is none. */
  private async claimMove(file: SeenFile, name: ReadableName): Promise<boolean> {
    const sameSize = this.isNew.has(file) ? [...this.unmatched].filter((g) => g.size === file.size && g.sampleHash !== null) : [];
    if (sameSize.length === 0 || file.size === 0) return false;
    const { db, read } = this.ctx;
    try {
      const { sampleHash } = await read.pool.parse('hash', file.absPath, file.ext, file.size, read.signal);
      const match = sameSize.find((g) => g.sampleHash === sampleHash && this.unmatched.has(g));
      const fields = nameFields(name, file.relPath);
      if (!match || !fields) return false;
      this.unmatched.delete(match);
      if (match.kind !== null) this.kinds.add(match.kind);
      const target = { folderId: file.folder.id, relPath: file.relPath, mtimeMs: file.mtimeMs, inode: file.inode };
      this.writes.push(() => {
        if (!moveItem(db, match.itemId!, target, fields)) forgetPath(db, match.folderId, match.relPath);
      });
      return true;
    } catch {
      // Could not hash it: read it as a new file, which records why if it fails again.
      return false;
    }
  }

  private async read(file: SeenFile, name: ReadableName): Promise<void> {
    const { db, read } = this.ctx;
    const folderId = file.folder.id;
    try {
      const item = await readItem(fileToRead(file, name, (relDir) => this.listing(file.folder, relDir), file.folder.path), read);
      this.writes.push(() => upsertItem(db, folderId, item, this.now));
    } catch (error) {
      if (!(error instanceof ProbeFailure)) throw error;
      const failure = toProbeFailure(error);
      this.writes.push(() => recordUnparseable(db, folderId, file, failure.reason, failure.transient));
    }
  }

  private listing(folder: FolderRow, relDir: string): DirListing | null {
    const key = `${folder.id}\u0000${relDir}`;
    if (!this.listings.has(key)) this.listings.set(key, listDir(relDir === '' ? folder.path : path.join(folder.path, ...relDir.split('/')), folder.kind));
    return this.listings.get(key) ?? null;
  }
}
