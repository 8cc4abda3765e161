import { useRef } from 'react';

/**
 * The last answer a reloading request gave for `key` (its address): after a change the page reloads its data and
 * keeps showing the previous answer meanwhile instead of a spinner, so the forms, the focus and the message saying
 * what happened stay in place. Another key starts afresh.
 */
export function useKept<T>(data: T | undefined, key: string | null): T | undefined {
  const kept = useRef<{ key: string | null; data: T | undefined }>({ key, data });
  if (kept.current.key !== key) kept.current = { key, data: undefined };
  if (data !== undefined) kept.current.data = data;
  return data ?? kept.current.data;
}
