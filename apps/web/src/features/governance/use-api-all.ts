import { useEffect, useState } from 'react';
import { ApiError, getJson } from '../../lib/api.ts';

/**
 * Several GETs at once (one per period of a KPI's history), answered together: `data` in the order of `urls`. For
 * the signed-in dashboard only (client-rendered); a server-rendered page asks with useApi.
 */
export function useApiAll<T>(urls: string[]): {
  data: T[] | undefined;
  error: ApiError | undefined;
  reload: () => void;
} {
  const key = urls.join('\n');
  const [state, setState] = useState<{ key: string; data?: T[]; error?: ApiError }>({ key });
  const [attempt, setAttempt] = useState(0);
  if (state.key !== key) setState({ key });
  useEffect(() => {
    const list = key ? key.split('\n') : [];
    const abort = new AbortController();
    Promise.all(list.map((u) => getJson<T>(u, abort.signal)))
      .then((data) => setState({ key, data }))
      .catch((e: unknown) => {
        if (abort.signal.aborted) return;
        setState({ key, error: e instanceof ApiError ? e : new ApiError('network', 0) });
      });
    return () => abort.abort();
  }, [key, attempt]);
  return {
    data: state.key === key ? state.data : undefined,
    error: state.key === key ? state.error : undefined,
    reload: () => setAttempt((n) => n + 1),
  };
}
