import { useState, type FormEvent } from 'react';
import { errorMessage, useApi, useNoteFeature, type Folder, type FolderKind } from '../../../../api';
import { Button, Dialog, Icon, plural } from '../../../../ui';
import { KIND_LABEL } from '../../labels';

export interface FolderPanelProps {
  folders: readonly Folder[];
  canPickFolders: boolean;
}

const KINDS: readonly FolderKind[] = ['movies', 'shows', 'music', 'mixed'];

/** The library folders, with add (typed path, or the system picker in Electron) and remove. */
export function FolderPanel({ folders, canPickFolders }: FolderPanelProps) {
  const client = useApi();
  const noteFeature = useNoteFeature();
  const [path, setPath] = useState('');
  const [kind, setKind] = useState<FolderKind>('mixed');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [removing, setRemoving] = useState<Folder | null>(null);

  async function act(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = path.trim();
    if (!trimmed) {
      setError('Type the full path of a folder on this machine.');
      return;
    }
    void act(async () => {
      const folder = await client['library.addFolder']({ path: trimmed, kind });
      noteFeature('add-folder');
      setPath('');
      setNotice(`Added “${folder.name}”. Scan the library to index it.`);
    });
  }

  function onPick() {
    void act(async () => {
      const folder = await client['library.pickFolder']({ kind });
      if (folder) noteFeature('add-folder');
      if (folder) setNotice(`Added “${folder.name}”. Scan the library to index it.`);
    });
  }

  function onRemove(folder: Folder) {
    setRemoving(null);
    void act(async () => {
      const { removedItems } = await client['library.removeFolder']({ folderId: folder.id });
      setNotice(`Removed “${folder.name}” and ${plural(removedItems, 'item')} from the library. No files were touched.`);
    });
  }

  return (
    <section className="folders" aria-labelledby="folders-title">
      <h2 id="folders-title" className="section-title">
        Folders
      </h2>
      {folders.length > 0 ? (
        <ul className="folder-list">
          {folders.map((folder) => (
            <li key={folder.id} className="folder">
              <span className="folder-icon" aria-hidden="true">
                <Icon.Folder />
              </span>
              <span className="folder-name" title={folder.name}>
                {folder.name}
              </span>
              <span className="chip">{KIND_LABEL[folder.kind]}</span>
              <span className="muted small">{plural(folder.itemCount, 'item')}</span>
              <span className={folder.online ? 'pill pill-ok' : 'pill pill-bad'}>{folder.online ? 'Online' : 'Offline'}</span>
              <Button size="sm" variant="ghost" aria-label={`Remove folder ${folder.name}`} onClick={() => setRemoving(folder)} disabled={busy}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : null}

      <form className="add-folder" onSubmit={onSubmit}>
        {canPickFolders ? null : (
          <label className="field-stack grow">
            <span>Folder path</span>
            <input
              type="text"
              value={path}
              onChange={(e) => setPath(e.target.value)}
              placeholder="/home/you/Videos"
              spellCheck={false}
              autoComplete="off"
            />
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
          <Button icon={<Icon.Folder />} onClick={onPick} disabled={busy}>
            Choose folder…
          </Button>
        ) : (
          <Button type="submit" icon={<Icon.Folder />} disabled={busy}>
            Add folder
          </Button>
        )}
      </form>
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      {notice ? <p className="notice-text">{notice}</p> : null}

      {removing ? (
        <Dialog
          title={`Remove “${removing.name}”?`}
          onClose={() => setRemoving(null)}
          actions={
            <>
              <Button onClick={() => setRemoving(null)}>Cancel</Button>
              <Button variant="danger" onClick={() => onRemove(removing)}>
                Remove folder
              </Button>
            </>
          }
        >
          <p>
            Its {plural(removing.itemCount, 'item')} leave the library. The files on disk are not touched, and you can add the folder again
            later.
          </p>
        </Dialog>
      ) : null}
    </section>
  );
}
