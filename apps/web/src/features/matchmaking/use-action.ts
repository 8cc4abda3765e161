import { useCallback, useState } from 'react';
import { ApiError } from '../../lib/api.ts';

/**
 * A button's request (accept, verify, schedule…): which one is running (its key) and the failure to show; a second
 * press while one runs is ignored.
 */
export function useAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const run = useCallback(async (key: string, action: () => Promise<void>) => {
    setBusy(key);
    setFailure(null);
    try {
      await action();
    } catch (e) {
      setFailure(e instanceof ApiError ? e : new ApiError('invalid-response', 0));
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, failure, run };
}
