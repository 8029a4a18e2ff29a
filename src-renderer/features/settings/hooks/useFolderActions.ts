import { useState } from 'react';
import { errorMessage, useApi, useNoteFeature, type Folder, type FolderKind } from '../../../api';
import { plural } from '../../../ui';
import { visibleText } from '../model/visibleText';

export interface FolderActions {
  /** A call is running: the buttons that start another wait. */
  busy: boolean;
  error: string | null;
  /** What the last call did, in words; empty when there is nothing to say. */
  notice: string;
  /** Says what is wrong with the user's input, without calling main. */
  refuse(message: string): void;
  /** Adds the folder at a typed path; `onAdded` runs once it is in. */
  add(path: string, kind: FolderKind, onAdded: () => void): void;
  /** Adds a folder chosen in the system picker (the desktop app's). */
  pick(kind: FolderKind): void;
  /** Removes a folder from the library; `onRemoved` runs once it is out. */
  remove(folder: Folder, onRemoved?: () => void): void;
}

/** Adding and removing library folders: one call at a time, its failure shown as an error and its outcome as a notice. */
export function useFolderActions(): FolderActions {
  const client = useApi();
  const noteFeature = useNoteFeature();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

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

  function added(folder: Folder) {
    noteFeature('add-folder');
    setNotice(`Added “${visibleText(folder.name)}”. Scanning it now.`);
  }

  return {
    busy,
    error,
    notice,
    refuse: (message) => {
      setNotice('');
      setError(message);
    },
    add: (path, kind, onAdded) =>
      void act(async () => {
        const folder = await client['library.addFolder']({ path, kind });
        onAdded();
        added(folder);
      }),
    pick: (kind) =>
      void act(async () => {
        const folder = await client['library.pickFolder']({ kind });
        if (folder) added(folder);
      }),
    remove: (folder, onRemoved) =>
      void act(async () => {
        const { removedItems } = await client['library.removeFolder']({ folderId: folder.id });
        onRemoved?.();
        setNotice(`Removed “${folder.name}” and ${plural(removedItems, 'item')} from the library. No files were touched.`);
      }),
  };
}
