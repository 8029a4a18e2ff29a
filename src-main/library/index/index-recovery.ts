import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../sqlite/index.js';
import { LIBRARY_INDEX, type WritableDB } from './db.js';
import { mergeSalvages, salvageIndex } from './salvage.js';
import type { Salvage } from './salvage.js';

/**
 * Opening the index, and rebuilding it when it is damaged: `openDatabase` moves the damaged file (with its
 * -wal and -shm) aside as `library.db.corrupt-<time>` (quarantined, never deleted) and creates a fresh index;
 * here the folders readable from the damaged copy (or the newest `*.bak`) are added back, and the user state
 * of its items waits in `salvaged_state` until the rescan indexes each file again (see `salvaged-state.ts`).
 */

/** What a rebuild did, for the notice the user sees. */
export interface IndexRecovery {
  /** The quarantined copy's file name (never a path: it is shown to the renderer). */
  quarantineName: string;
  foldersRestored: number;
  /** Items whose watched mark or resume position was salvaged (the "M" of "kept for N of M"). */
  statesSalvaged: number;
}

interface OpenedIndex {
  db: WritableDB;
  recovery: IndexRecovery | null;
}

/** The newest migration backup beside `file` (`library.db.v<N>.bak`), if any. */
function newestBackup(file: string): string | null {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.v`;
  const backups = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.bak'))
    .map((name) => ({ name, version: Number(name.slice(prefix.length, -'.bak'.length)) }))
    .filter((b) => Number.isInteger(b.version))
    .sort((a, b) => b.version - a.version);
  return backups[0] ? path.join(dir, backups[0].name) : null;
}

function restore(db: WritableDB, salvage: Salvage, now: number): void {
  const folder = db.prepare('INSERT OR IGNORE INTO folders (id, path, kind, online, added_at) VALUES (?, ?, ?, 1, ?)');
  const state = db.prepare(
    `INSERT OR IGNORE INTO salvaged_state (folder_path, rel_path, size, sample_hash, item_id, watched, resume_sec, state_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    salvage.folders.forEach((f, i) => folder.run(f.id, f.path, f.kind, now + i));
    for (const item of salvage.items) {
      state.run(item.folderPath, item.relPath, item.size, item.sampleHash, item.itemId, item.watched ? 1 : 0, item.resumeSec, item.stateAt);
    }
  })();
}

/** Restores into the fresh index at `file` what could be salvaged from its quarantined copy and newest backup. */
function salvageInto(db: WritableDB, file: string, quarantined: string, now: number): IndexRecovery {
  const backup = newestBackup(file);
  const salvage = mergeSalvages(salvageIndex(quarantined), ...(backup ? [salvageIndex(backup)] : []));
  restore(db, salvage, now);
  const statesSalvaged = salvage.items.filter((i) => i.watched || i.resumeSec !== null).length;
  return { quarantineName: path.basename(quarantined), foldersRestored: salvage.folders.length, statesSalvaged };
}

/**
 * Opens the index at `file`, rebuilding it when it is damaged; it stays marked in use until closed through
 * `closeDatabase`. The full check runs only after a session that did not close cleanly.
 */
export function openIndex(file: string, now: number): OpenedIndex {
  const { db, quarantined } = openDatabase(file, LIBRARY_INDEX, now);
  const index = db as WritableDB;
  return { db: index, recovery: quarantined ? salvageInto(index, file, quarantined, now) : null };
}
