import { useEffect, useRef } from 'react';

/** Returns a ref for a results heading that takes the focus when the page number changes (not on first load). */
export function useFocusOnPageChange<T extends HTMLElement>(page: number) {
  const ref = useRef<T>(null);
  const last = useRef(page);
  useEffect(() => {
    if (last.current !== page) ref.current?.focus();
    last.current = page;
  }, [page]);
  return ref;
}
