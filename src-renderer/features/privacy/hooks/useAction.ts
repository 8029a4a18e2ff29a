import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../../../api';

/**
 * Runs an async action with a busy flag and an error message (as text) for the place it was taken.
 * `run` resolves to the action's result, or undefined when it failed.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const count = useRef(0);
  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    count.current++;
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(errorMessage(e));
      return undefined;
    } finally {
      count.current--;
      if (count.current === 0) setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
