import type { WritableDB } from '../index/db.js';
import { getFolderRow } from '../index/folder-rows.js';

/** Writes are committed in transactions of this many files. */
const BATCH_SIZE = 100;

/**
 * The index writes of one folder's scan, committed in transactions of `BATCH_SIZE`. The folder may be
 * removed (or the library closed) while files are being read; writes for it then have nowhere to go and
 * are dropped.
 *
 * Important: the scan writes through the engine thread's connection while the main thread's connection
 * may remove the folder at any moment. Each batch is an immediate transaction (the write lock taken at
 * BEGIN, so it reads the newest index) that checks the folder inside it: checked outside, a removal
 * committed in between would turn the batch into a foreign-key failure.
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
    if (!this.db.open) return;
    this.db
      .transaction(() => {
        if (this.folderStillIndexed()) writes.forEach((write) => write());
      })
      .immediate();
  }
}
