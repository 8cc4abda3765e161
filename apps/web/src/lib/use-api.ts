import { useCallback, useEffect, useState } from 'react';
import { ApiError, getJson } from './api.ts';

const CACHE_LIMIT = 60;
// Recent answers, so going back to a page shows it at once; the catalogue changes rarely.
const cache = new Map<string, unknown>();

function remember(url: string, value: unknown) {
  cache.delete(url);
  cache.set(url, value);
  while (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
}

/** Forgets every remembered answer: after a write, or when the visitor signs in or out (what they may see changes). */
export function clearApiCache(): void {
  cache.clear();
}

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

export interface ApiOptions {
  /** Always ask the server and remember nothing: for things others change while one reads them (requests). */
  fresh?: boolean;
}

/** Loads `url` (null: nothing to load) and follows its changes; aborts the previous request. */
export function useApi<T>(url: string | null, options?: ApiOptions): ApiState<T> {
  const fresh = options?.fresh ?? false;
  const cached = (u: string | null) => (u && !fresh ? (cache.get(u) as T | undefined) : undefined);
  const [state, setState] = useState<{ url: string | null; data: T | undefined; error: ApiError | undefined }>(() => ({
    url,
    data: cached(url),
    error: undefined,
  }));
  const [attempt, setAttempt] = useState(0);

  // A new url resets the state during render, so the old data never shows under the new address.
  if (state.url !== url) {
    setState({ url, data: cached(url), error: undefined });
  }

  useEffect(() => {
    if (!url) return;
    if (!fresh && cache.has(url)) return;
    const controller = new AbortController();
    getJson<T>(url, controller.signal).then(
      (data) => {
        if (!fresh) remember(url, data);
        setState((s) => (s.url === url ? { ...s, data, error: undefined } : s));
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError('invalid-response', 0);
        setState((s) => (s.url === url ? { ...s, error: apiError } : s));
      },
    );
    return () => controller.abort();
  }, [url, attempt, fresh]);

  const reload = useCallback(() => {
    if (url) cache.delete(url);
    setState((s) => ({ ...s, error: undefined, data: undefined }));
    setAttempt((n) => n + 1);
  }, [url]);

  const loading = url !== null && state.data === undefined && state.error === undefined;
  return { data: state.data, error: state.error, loading, reload };
}
