import { useState } from 'react';
import { Button } from '../../../../ui';
import type { LibraryStatus } from '../../model/types';

/** What the notice says: what happened, what was kept, and where the damaged copy is (a name, never a path). */
function recoveryText(recovery: NonNullable<LibraryStatus['recovery']>): { lead: string; kept: string } {
  if (recovery.folders === 0) return { lead: 'The library index was damaged beyond reading, so a new one was started: add your folders again to rebuild it.', kept: '' };
  const items = `${recovery.salvaged.toLocaleString('en-US')} ${recovery.salvaged === 1 ? 'item' : 'items'}`;
  const kept =
    recovery.salvaged === 0 ? '' : recovery.restoring ? ` Restoring watched marks for ${items} as your folders are scanned.` : ` Watched marks were kept for ${recovery.kept.toLocaleString('en-US')} of ${items}.`;
  return { lead: `The library index was damaged and ${recovery.restoring ? 'is being rebuilt' : 'has been rebuilt'} from your folders.`, kept };
}

/** A calm note for the session in which a damaged index was rebuilt. Dismissing it only hides it here. */
export function RecoveryNotice({ recovery }: { recovery: LibraryStatus['recovery'] }) {
  const [dismissed, setDismissed] = useState(false);
  if (!recovery || dismissed) return null;
  const { lead, kept } = recoveryText(recovery);
  return (
    <section className="notice notice-info settings-recovery-notice" aria-label="Library index rebuilt">
      <p>
        {lead}
        {kept} The damaged copy is kept as <code>{recovery.damagedCopy}</code> in the data folder.
      </p>
      <Button size="sm" onClick={() => setDismissed(true)}>
        Dismiss
      </Button>
    </section>
  );
}
