import { useEffect } from 'react';
import { useApi } from '../../../api';
import { useStore } from '../../../ui';
import { libraryStoreFor, type LibraryState, type LibraryStore } from '../libraryStore';

/** The library snapshot, scan state and host info; refetched on `onDidChangeLibrary` while mounted. */
export function useLibrary(): LibraryState & { store: LibraryStore } {
  const client = useApi();
  const store = libraryStoreFor(client);
  useEffect(() => store.retain(), [store]);
  return { ...useStore(store), store };
}
