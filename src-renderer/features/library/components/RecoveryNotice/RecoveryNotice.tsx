import { useState } from 'react';
import type { LibrarySnapshot } from '../../../../api';
import { Button } from '../../../../ui';

export interface RecoveryNoticeProps {
  recovery: LibrarySnapshot['recovery'];
}

/**
 * A calm note, for the session in which a damaged index was rebuilt: what happened, what was kept, and
 * the damaged copy's file name (main sends a name, never a path). Dismissing it only hides it here.
 */
export function RecoveryNotice({ recovery }: RecoveryNoticeProps) {
  const [dismissed, setDismissed] = useState(false);
  if (!recovery || dismissed) return null;
  if (recovery.folders === 0) {
    return (
      <section className="recovery-notice" role="status" aria-label="Library index rebuilt">
        <p>
          The library index was damaged beyond reading, so a new one was started: add your folders again to rebuild it. The damaged copy is kept
          as <code>{recovery.damagedCopy}</code> in the data folder.
        </p>
        <Button onClick={() => setDismissed(true)}>Dismiss</Button>
      </section>
    );
  }
  const items = `${recovery.salvaged} ${recovery.salvaged === 1 ? 'item' : 'items'}`;
  const kept =
    recovery.salvaged === 0 ? '' : recovery.restoring ? ` Restoring watched marks for ${items} as your folders are scanned.` : ` Watched marks were kept for ${recovery.kept} of ${items}.`;
  return (
    <section className="recovery-notice" role="status" aria-label="Library index rebuilt">
      <p>
        The library index was damaged and {recovery.restoring ? 'is being rebuilt' : 'has been rebuilt'} from your folders.{kept} The damaged copy is kept as{' '}
        <code>{recovery.damagedCopy}</code> in the data folder.
      </p>
      <Button onClick={() => setDismissed(true)}>Dismiss</Button>
    </section>
  );
}
