import type { WritableDB } from '../index/db.js';
import { getFolderRow } from '../index/folder-rows.js';

/** Writes are committed in transactions of this many files. */
const BATCH_SIZE = 100;

/**
 * The index writes of one folder's scan, committed in transactions of `BATCH_SIZE`. The folder may be
 * removed (or the library closed) while files are being read; writes for it then have nowhere to go and
 * are dropped.
 */
export class WriteBatch {
  private readonly pending: (() => void)[] = [];

  constructor(
    private readonly db: WritableDB,
    private readonly folderId: string,
  ) {}

  folderStillIndexed(): boolean {
    return this.db.open && getFolderRow(this.db, this.folderId) !== null;
  }

  queue(write: () => void): void {
    this.pending.push(write);
    if (this.pending.length >= BATCH_SIZE) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const writes = this.pending.splice(0);
    if (this.folderStillIndexed()) this.db.transaction(() => writes.forEach((write) => write()))();
  }
}
