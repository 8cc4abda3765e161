import { useCallback, useEffect, useState } from 'react';
import { ApiError, getJson } from './api.ts';
import type { Problem } from '@clock/contracts';
import { type PageData, usePageRender } from './page-data.tsx';

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

// Errors the server rendered the first page with (e.g. a record that does not exist), shown the same way here.
const renderedErrors = new Map<string, { status: number; problem?: Problem }>();

/**
 * Takes the answers and errors the server rendered this page with (before the first render), so the browser's first
 * render matches the HTML and nothing is asked twice.
 */
export function seedApiCache(data: Pick<PageData, 'api' | 'errors'>): void {
  for (const [url, value] of Object.entries(data.api)) remember(url, value);
  for (const [url, error] of Object.entries(data.errors)) renderedErrors.set(url, error);
}

/** Forgets every remembered answer: after a write, or when the visitor signs in or out (what they may see changes). */
export function clearApiCache(): void {
  cache.clear();
  renderedErrors.clear();
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
  const rendering = usePageRender();
  // On the server: answer from what the server fetched, and say what else this page needs.
  const server = rendering?.server ? rendering : null;
  if (server && url && !fresh && !(url in server.data.api) && !(url in server.data.errors)) server.want(url);
  const cached = (u: string | null): T | undefined => {
    if (!u || fresh) return undefined;
    return (server ? server.data.api[u] : cache.get(u)) as T | undefined;
  };
  const renderedError = (u: string | null): ApiError | undefined => {
    const failed = u && !fresh ? (server ? server.data.errors[u] : renderedErrors.get(u)) : undefined;
    return failed ? new ApiError('problem', failed.status, failed.problem) : undefined;
  };
  const [state, setState] = useState<{ url: string | null; data: T | undefined; error: ApiError | undefined }>(() => ({
    url,
    data: cached(url),
    error: renderedError(url),
  }));
  const [attempt, setAttempt] = useState(0);

  // A new url resets the state during render, so the old data never shows under the new address.
  if (state.url !== url) {
    setState({ url, data: cached(url), error: renderedError(url) });
  }

  useEffect(() => {
    if (!url) return;
    if (!fresh && cache.has(url)) return;
    // The server rendered this error; asking again at once would only repeat it (reload() asks again).
    if (attempt === 0 && !fresh && renderedErrors.has(url)) return;
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
    if (url) {
      cache.delete(url);
      renderedErrors.delete(url);
    }
    setState((s) => ({ ...s, error: undefined, data: undefined }));
    setAttempt((n) => n + 1);
  }, [url]);

  const loading = url !== null && state.data === undefined && state.error === undefined;
  return { data: state.data, error: state.error, loading, reload };
}
