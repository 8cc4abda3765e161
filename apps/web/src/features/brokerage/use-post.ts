import { useState } from 'react';
import { ApiError, sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';

/**
 * A one-click step (submit, accept, introduce, confirm): which one is running (`busy`, by a key), the failure to show,
 * and `post(key, url, body?)` that runs it and then `after` (usually reloading what changed).
 */
export function usePost(after: () => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const post = (key: string, url: string, body?: unknown) => async () => {
    setBusy(key);
    setError(null);
    try {
      await sendJson('POST', url, body);
      clearApiCache();
      after();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('network', 0));
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, post };
}
