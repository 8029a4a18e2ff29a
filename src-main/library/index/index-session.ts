import type { LibrarySnapshot } from '../../contract/index.js';
import { closeDatabase, isCorruptionError } from '../../sqlite/index.js';
import type { WritableDB } from './db.js';
import { openIndex } from './index-recovery.js';
import type { IndexRecovery } from './index-recovery.js';
import { salvagedStateCounts } from './salvaged-state.js';

/**
 * The index as one library session holds it: opened (quarantined and rebuilt when damaged, see
 * index-recovery.ts), and closed cleanly unless the session met damage.
 */
export class IndexSession {
  readonly db: WritableDB;
  /** Set when this session found the index damaged and rebuilt it. */
  readonly recovery: IndexRecovery | null;
  // Set when a query met a damaged page: the in-use marker then stays, so the next start checks the index
  // thoroughly and rebuilds it (see sqlite/health.ts).
  private damageSeen = false;

  constructor(file: string, now: number) {
    ({ db: this.db, recovery: this.recovery } = openIndex(file, now));
  }

  /** Rethrows `error`, noting first whether it says the index is damaged. */
  noteDamage(error: unknown): never {
    if (isCorruptionError(error)) this.damageSeen = true;
    throw error;
  }

  /** The snapshot's notice of a rebuild: how much of the salvaged user state found its items again so far. */
  recoveryNotice(restoring: boolean): LibrarySnapshot['recovery'] {
    if (!this.recovery) return null;
    const { kept, total } = salvagedStateCounts(this.db);
    return { damagedCopy: this.recovery.quarantineName, folders: this.recovery.foldersRestored, kept, salvaged: total, restoring };
  }

  close(): void {
    closeDatabase(this.db, { damageSeen: this.damageSeen });
  }
}
