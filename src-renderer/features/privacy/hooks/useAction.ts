import { useCallback, useRef, useState } from 'react';
import { errorMessage, useApi } from '../../../api';
import { privacyStoreFor } from '../privacyStore';

/**
 * Runs an async action with a busy flag and an error message (as text) for the place it was taken.
 * `run` resolves to the action's result, or undefined when it failed. After every action the privacy
 * snapshot is refetched at once, so the screen never shows the state from before the user's own click
 * while the (throttled) push is on its way.
 */
export function useAction() {
  const client = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const count = useRef(0);
  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    count.current++;
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      void privacyStoreFor(client).refresh();
      return result;
    } catch (e) {
      setError(errorMessage(e));
      return undefined;
    } finally {
      count.current--;
      if (count.current === 0) setBusy(false);
    }
  }, [client]);
  return { busy, error, setError, run };
}
