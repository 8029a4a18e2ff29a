import { useState, type FormEvent } from 'react';
import type { Folder, FolderKind } from '../../../../api';
import { Button, Dialog, ErrorText, Icon, plural } from '../../../../ui';
import { useFolderActions, type FolderActions } from '../../hooks/useFolderActions';
import { KIND_LABEL } from '../../labels';

export interface FolderPanelProps {
  folders: readonly Folder[];
  canPickFolders: boolean;
}

const KINDS: readonly FolderKind[] = ['movies', 'shows', 'music', 'mixed'];

/** The library folders, with add (typed path, or the system picker in Electron) and remove. */
export function FolderPanel({ folders, canPickFolders }: FolderPanelProps) {
  const actions = useFolderActions();
  const [removing, setRemoving] = useState<Folder | null>(null);
  return (
    <section className="folders" aria-labelledby="folders-title">
      <h2 id="folders-title" className="section-title">
        Folders
      </h2>
      {folders.length > 0 ? <FolderList folders={folders} busy={actions.busy} onRemove={setRemoving} /> : null}
      <AddFolderForm canPickFolders={canPickFolders} actions={actions} />
      <ErrorText>{actions.error}</ErrorText>
      {actions.notice ? <p className="notice-text">{actions.notice}</p> : null}
      {removing ? (
        <RemoveFolderDialog
          folder={removing}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            setRemoving(null);
            actions.remove(removing);
          }}
        />
      ) : null}
    </section>
  );
}

/**
 * Each folder with its place (two named alike are told apart by the folders that hold them; main sends the
 * last few, never the path), its kind, size and whether it is reachable, and a Remove button that asks
 * first and says which folder it removes.
 */
function FolderList({ folders, busy, onRemove }: { folders: readonly Folder[]; busy: boolean; onRemove: (folder: Folder) => void }) {
  return (
    <ul className="folder-list">
      {folders.map((folder) => (
        <li key={folder.id} className="folder">
          <span className="folder-icon" aria-hidden="true">
            <Icon.Folder />
          </span>
          <span className="folder-label" title={folderTooltip(folder)}>
            <span className="folder-name">{folder.name}</span>
            {folder.place ? (
              <span id={`folder-place-${folder.id}`} className="folder-where">
                {folder.place}
              </span>
            ) : null}
          </span>
          <span className="folder-facts">
            <span className="chip">{KIND_LABEL[folder.kind]}</span>
            <span className="muted small">{plural(folder.itemCount, 'item')}</span>
            <span className={folder.online ? 'pill pill-ok' : 'pill pill-bad'}>{folder.online ? 'Online' : 'Offline'}</span>
          </span>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Remove folder ${folder.name}`}
            aria-describedby={folder.place ? `folder-place-${folder.id}` : undefined}
            onClick={() => onRemove(folder)}
            disabled={busy}
          >
            Remove
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** The name in full (the row may cut it short) and where the folder is. */
function folderTooltip(folder: Folder): string {
  return folder.place ? `${folder.name} in ${folder.place}` : folder.name;
}

/** A folder's kind, and its path typed in, or (where the host has one) chosen in the system picker. */
function AddFolderForm({ canPickFolders, actions }: { canPickFolders: boolean; actions: FolderActions }) {
  const [path, setPath] = useState('');
  const [kind, setKind] = useState<FolderKind>('mixed');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = path.trim();
    if (trimmed) actions.add(trimmed, kind, () => setPath(''));
    else actions.refuse('Type the full path of a folder on this machine.');
  }

  return (
    <form className="add-folder" onSubmit={onSubmit}>
      {canPickFolders ? null : (
        <label className="field-stack grow">
          <span>Folder path</span>
          <input type="text" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/you/Videos" spellCheck={false} autoComplete="off" />
        </label>
      )}
      <label className="field-stack">
        <span>Kind</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as FolderKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      {canPickFolders ? (
        <Button icon={<Icon.Folder />} onClick={() => actions.pick(kind)} disabled={actions.busy}>
          Choose folder…
        </Button>
      ) : (
        <Button type="submit" icon={<Icon.Folder />} disabled={actions.busy}>
          Add folder
        </Button>
      )}
    </form>
  );
}

/** Asks before a folder leaves the library, and says that its files stay where they are. */
function RemoveFolderDialog({ folder, onCancel, onConfirm }: { folder: Folder; onCancel: () => void; onConfirm: () => void }) {
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
      {folder.place ? <p className="folder-where">In {folder.place}</p> : null}
      <p>
        Its {plural(folder.itemCount, 'item')} leave the library. The files on disk are not touched, and you can add the folder again
        later.
      </p>
    </Dialog>
  );
}
