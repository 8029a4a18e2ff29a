import { useState, type FormEvent } from 'react';
import type { FolderKind } from '../../../../api';
import { Button, Icon } from '../../../../ui';
import type { FolderActions } from '../../hooks/useFolderActions';
import { KINDS, KIND_LABEL } from '../../model/labels';

export interface AddFolderFormProps {
  /** The desktop app opens the system's folder picker; the web host takes a typed path. */
  canPickFolders: boolean;
  actions: FolderActions;
}

/** A folder's kind, and its path typed in or (where the host has one) chosen in the system picker. */
export function AddFolderForm({ canPickFolders, actions }: AddFolderFormProps) {
  const [path, setPath] = useState('');
  const [kind, setKind] = useState<FolderKind>('movies');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (canPickFolders) {
      actions.pick(kind);
      return;
    }
    const trimmed = path.trim();
    if (trimmed) actions.add(trimmed, kind, () => setPath(''));
    else actions.refuse('Type the full path of a folder on this machine, such as /home/you/Videos.');
  }

  return (
    <form className="settings-add-folder" onSubmit={onSubmit} aria-label="Add a folder">
      {canPickFolders ? null : (
        <div className="field-stack grow">
          <label htmlFor="add-folder-path">Folder path</label>
          <input id="add-folder-path" type="text" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/you/Videos" spellCheck={false} autoComplete="off" />
        </div>
      )}
      <div className="field-stack">
        <label htmlFor="add-folder-kind">Holds</label>
        <select id="add-folder-kind" value={kind} onChange={(e) => setKind(e.target.value as FolderKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="primary" icon={<Icon.Plus />} disabled={actions.busy}>
        {canPickFolders ? 'Choose folder…' : 'Add folder'}
      </Button>
    </form>
  );
}
