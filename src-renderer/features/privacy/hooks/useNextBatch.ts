import { useEffect } from 'react';
import { useApi, type BatchPreview } from '../../../api';
import { useStore } from '../../../ui';
import { privacyStoreFor } from '../privacyStore';

/**
 * The next batch, encoded, kept fresh while the calling component is mounted: only then is it fetched at
 * all (its encoding is the costly part of the screen). Undefined until it arrives; null for no batch.
 */
export function useNextBatch(): BatchPreview | null | undefined {
  const store = privacyStoreFor(useApi());
  useEffect(() => store.showNextBatch(), [store]);
  return useStore(store).nextBatch;
}
