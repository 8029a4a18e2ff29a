import { useApi } from '../../../api';
import { useStore } from '../../../ui';
import { isScanning, scanStoreOf, type ScanState } from '../model/scanStore';

export interface ScanView extends ScanState {
  scanning: boolean;
  /** Scans one folder, or every folder without an id. */
  scan(folderId?: string): void;
  cancel(): void;
}

/** Scanning as Settings shows it: live progress from main, and Scan now / Cancel. */
export function useScan(): ScanView {
  const store = scanStoreOf(useApi());
  const state = useStore(store.state);
  return { ...state, scanning: isScanning(state), scan: (folderId) => void store.scan(folderId), cancel: () => void store.cancel() };
}
