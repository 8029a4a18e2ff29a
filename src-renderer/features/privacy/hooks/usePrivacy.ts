import { useEffect } from 'react';
import { useApi } from '../../../api';
import { useStore } from '../../../ui';
import { privacyStoreFor, type PrivacyState, type PrivacyStore } from '../privacyStore';

/** The live telemetry snapshot and catalog; refetched on every `onDidChangeTelemetry` while mounted. */
export function usePrivacy(): PrivacyState & { store: PrivacyStore } {
  const client = useApi();
  const store = privacyStoreFor(client);
  useEffect(() => store.retain(), [store]);
  const state = useStore(store);
  return { ...state, store };
}
