import { errorMessage, type CallOutput, type Client, type LibrarySnapshot, type ScanProgress, type ScanSummary } from '../../api';
import { coalescedLoad, createStore, perKey, refCounted, type Store } from '../../ui';

export interface LibraryState {
  snapshot: LibrarySnapshot | null;
  info: CallOutput<'app.info'> | null;
  loadError: string | null;
  scanning: boolean;
  progress: ScanProgress | null;
  summary: ScanSummary | null;
  scanError: string | null;
}

export interface LibraryStore extends Pick<Store<LibraryState>, 'get' | 'subscribe'> {
  refresh(): Promise<void>;
  /** Scans every folder (or one); progress arrives as events, the summary when it returns. */
  scan(folderId?: string): Promise<void>;
  retain(): () => void;
}

/** The library store for this client. */
export const libraryStoreFor: (client: Client) => LibraryStore = perKey(createLibraryStore);

function createLibraryStore(client: Client): LibraryStore {
  const state = createStore<LibraryState>({ snapshot: null, info: null, loadError: null, scanning: false, progress: null, summary: null, scanError: null });

  const refresh = coalescedLoad(state, () => client['library.snapshot']({}), {
    loaded: (snapshot) => ({ snapshot, loadError: null }),
    failed: (error) => ({ loadError: errorMessage(error) }),
  });

  async function scan(folderId?: string) {
    state.set((s) => ({ ...s, scanning: true, scanError: null, summary: null, progress: null }));
    try {
      const summary = await client['library.scan'](folderId ? { folderId } : {});
      state.set((s) => ({ ...s, scanning: false, summary }));
      await refresh();
    } catch (error) {
      state.set((s) => ({ ...s, scanning: false, scanError: errorMessage(error) }));
    }
  }

  return {
    get: state.get,
    subscribe: state.subscribe,
    refresh,
    scan,
    retain: refCounted(() => {
      const offs = [
        client.on('onDidChangeLibrary', () => void refresh()),
        client.on('onDidChangeScanProgress', (progress) => state.set((s) => ({ ...s, progress }))),
      ];
      void refresh();
      if (!state.get().info) {
        client['app.info']({}).then(
          (info) => state.set((s) => ({ ...s, info })),
          () => undefined,
        );
      }
      return () => offs.forEach((off) => off());
    }),
  };
}
