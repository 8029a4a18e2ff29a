import { useState } from 'react';
import type { Folder, LibraryChangeScope } from '../../../../api';
import { Button, ErrorText, Icon } from '../../../../ui';
import { useLibraryQuery } from '../../../../data/useLibraryQuery';
import { useFolderActions } from '../../hooks/useFolderActions';
import { visibleText } from '../../model/visibleText';
import { useLibraryStatus } from '../../hooks/useLibraryStatus';
import { useScan, type ScanView } from '../../hooks/useScan';
import { AddFolderForm } from '../AddFolderForm/AddFolderForm';
import { FolderList, RemoveFolderDialog } from '../FolderList/FolderList';
import { RecoveryNotice } from '../RecoveryNotice/RecoveryNotice';
import { ScanPanel } from '../ScanPanel/ScanPanel';
import { UnparseableList } from '../UnparseableList/UnparseableList';

/** The library's folders: add, remove, scan and cancel, live progress, and what could not be read. */
export function LibraryTab() {
  const status = useLibraryStatus();
  const scan = useScan();
  if (!status.data) {
    return status.error ? (
      <div className="settings-load-error">
        <ErrorText>The library folders could not be loaded: {status.error}</ErrorText>
        <Button onClick={status.reload}>Try again</Button>
      </div>
    ) : (
      <p className="muted" role="status">
        Loading folders…
      </p>
    );
  }
  const { unparseableCount, recovery } = status.data;
  // Folder names and places are strangers' text: shown (here and in every dialog and notice) with their
  // direction controls spelled out.
  const folders = status.data.folders.map((f) => ({ ...f, name: visibleText(f.name), place: visibleText(f.place) }));
  return (
    <>
      <RecoveryNotice recovery={recovery} />
      <FoldersSection folders={folders} scan={scan} />
      <UnparseableList total={unparseableCount} folders={folders} />
    </>
  );
}

const NO_SCOPES: readonly LibraryChangeScope[] = [];

/** Whether this host can open a folder picker (the desktop app) or takes a typed path (the web host). */
function useCanPickFolders(): boolean {
  const info = useLibraryQuery('app.info', {}, { scopes: NO_SCOPES });
  return info.data?.canPickFolders ?? false;
}

function FoldersSection({ folders, scan }: { folders: readonly Folder[]; scan: ScanView }) {
  const actions = useFolderActions();
  const canPick = useCanPickFolders();
  const [removing, setRemoving] = useState<Folder | null>(null);
  return (
    <section className="settings-group settings-folders" aria-labelledby="folders-title">
      <div className="group-head">
        <h2 id="folders-title" className="section-title" tabIndex={-1}>
          Folders
        </h2>
        {folders.length > 0 ? (
          <Button size="sm" icon={<Icon.Refresh />} onClick={() => scan.scan()} disabled={scan.scanning}>
            Scan all folders
          </Button>
        ) : null}
      </div>
      <ScanPanel scan={scan} />
      {folders.length > 0 ? (
        <FolderList folders={folders} busy={scan.scanning} onScan={(f) => scan.scan(f.id)} onRemove={setRemoving} />
      ) : (
        <div className="empty">
          <p className="empty-title">No folders yet</p>
          <p className="muted">Add the folder that holds your movies, shows or music below. Glasswing reads the files where they are, starts at once, and looks nothing up online.</p>
        </div>
      )}
      <AddFolderForm canPickFolders={canPick} actions={actions} />
      <ErrorText>{actions.error}</ErrorText>
      <p className="notice-text" role="status">
        {actions.notice}
      </p>
      {removing ? (
        <RemoveFolderDialog
          folder={removing}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            setRemoving(null);
            // The row and its button go: the focus waits on the heading instead of falling to the page.
            actions.remove(removing, () => document.getElementById('folders-title')?.focus());
          }}
        />
      ) : null}
    </section>
  );
}
