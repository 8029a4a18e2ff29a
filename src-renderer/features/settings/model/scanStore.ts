import { errorMessage, type Client, type ScanProgress, type ScanSummary } from '../../../api';
import { createStore, perKey, type Store } from '../../../ui';

export interface ScanState {
  /** The last progress main sent, from any scan (one this window asked for, one adding a folder started). */
  progress: ScanProgress | null;
  /** A scan this window asked for is running: 'all', or the folder's id. */
  asked: string | null;
  /** What the last scan this window asked for did. */
  summary: ScanSummary | null;
  error: string | null;
}

export interface ScanStore {
  state: Store<ScanState>;
  scan(folderId?: string): Promise<void>;
  cancel(): Promise<void>;
}

const RUNNING_PHASES: ReadonlySet<ScanProgress['phase']> = new Set(['idle', 'walking', 'parsing', 'indexing']);

/** True while a scan runs, whoever started it. */
export function isScanning(state: ScanState): boolean {
  return state.asked !== null || (state.progress !== null && RUNNING_PHASES.has(state.progress.phase));
}

/**
 * One per client, listening from its first use for as long as the client lives: progress events are few
 * and small, and a screen that comes back mid-scan then shows where the scan is, not where it was.
 */
export const scanStoreOf = perKey(createScanStore);

function createScanStore(client: Client): ScanStore {
  const state = createStore<ScanState>({ progress: null, asked: null, summary: null, error: null });
  client.on('onDidChangeScanProgress', (progress) => state.set((s) => ({ ...s, progress })));

  async function scan(folderId?: string) {
    state.set((s) => ({ ...s, asked: folderId ?? 'all', summary: null, error: null }));
    try {
      const summary = await client['library.scan'](folderId ? { folderId } : {});
      state.set((s) => ({ ...s, asked: null, summary }));
    } catch (error) {
      state.set((s) => ({ ...s, asked: null, error: errorMessage(error) }));
    }
  }

  async function cancel() {
    try {
      await client['library.cancelScan']({});
    } catch (error) {
      state.set((s) => ({ ...s, error: `The scan could not be cancelled: ${errorMessage(error)}` }));
    }
  }

  return { state, scan, cancel };
}
