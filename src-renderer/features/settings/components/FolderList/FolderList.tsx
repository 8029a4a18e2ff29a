import type { Folder } from '../../../../api';
import { Button, Dialog, Icon, plural } from '../../../../ui';
import { KIND_LABEL } from '../../model/labels';

export interface FolderListProps {
  folders: readonly Folder[];
  /** A scan or a folder change is running: the buttons that would start another wait. */
  busy: boolean;
  onScan: (folder: Folder) => void;
  onRemove: (folder: Folder) => void;
}

/**
 * Each folder with its place (two named alike are told apart by the folders that hold them; main sends the
 * last few, never the path), its kind, size and whether it is reachable, and Scan and Remove. Names are
 * strangers' text: rendered as text, isolated (<bdi>) so a right-to-left override cannot reorder the row.
 */
export function FolderList({ folders, busy, onScan, onRemove }: FolderListProps) {
  return (
    <ul className="settings-folder-list" aria-label="Library folders">
      {folders.map((folder) => (
        <li key={folder.id} className="settings-folder">
          <span className="settings-folder-icon" aria-hidden="true">
            <Icon.Folder />
          </span>
          <span className="settings-folder-label" title={folder.place ? `${folder.name} in ${folder.place}` : folder.name}>
            <bdi className="settings-folder-name">{folder.name}</bdi>
            {folder.place ? (
              <bdi id={`folder-place-${folder.id}`} className="settings-folder-where">
                {folder.place}
              </bdi>
            ) : null}
          </span>
          <span className="settings-folder-facts">
            <span className="chip">{KIND_LABEL[folder.kind]}</span>
            <span className="settings-folder-count">{plural(folder.itemCount, 'item')}</span>
            <span className={folder.online ? 'pill pill-ok' : 'pill pill-bad'}>{folder.online ? 'Online' : 'Offline'}</span>
          </span>
          <span className="settings-folder-actions">
            <FolderButton folder={folder} action="Scan" disabled={busy} onClick={onScan} />
            <FolderButton folder={folder} action="Remove" disabled={false} onClick={onRemove} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/** "Scan folder Movies", described by its place so two alike are told apart by a screen reader too. */
function FolderButton({ folder, action, disabled, onClick }: { folder: Folder; action: 'Scan' | 'Remove'; disabled: boolean; onClick: (folder: Folder) => void }) {
  return (
    <Button
      size="sm"
      variant="ghost"
      aria-label={`${action} folder ${folder.name}`}
      aria-describedby={folder.place ? `folder-place-${folder.id}` : undefined}
      disabled={disabled}
      onClick={() => onClick(folder)}
    >
      {action}
    </Button>
  );
}

/** "Its 3 items leave the library." */
function whatGoes(items: number): string {
  if (items === 0) return 'Nothing from it is in the library yet.';
  return items === 1 ? 'Its one item leaves the library.' : `Its ${plural(items, 'item')} leave the library.`;
}

/** Asks before a folder leaves the library: which one, how many items go, and that its files stay. */
export function RemoveFolderDialog({ folder, onCancel, onConfirm }: { folder: Folder; onCancel: () => void; onConfirm: () => void }) {
  return (
    <Dialog
      title={`Remove “${folder.name}”?`}
      onClose={onCancel}
      actions={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant="danger" onClick={onConfirm}>
            Remove folder
          </Button>
        </>
      }
    >
      {folder.place ? (
        <p className="dialog-where">
          In <bdi>{folder.place}</bdi>
        </p>
      ) : null}
      <p>
        {whatGoes(folder.itemCount)} The files on disk are not touched, and you can add the folder again later.
      </p>
    </Dialog>
  );
}
