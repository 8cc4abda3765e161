import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useApi } from './use-api.ts';

const saidIn = (state: unknown) => (state as { said?: string } | null)?.said ?? '';

/**
 * One record on its own page, changed in place: the record as loaded, replaced by the server's answer to each change
 * (only while the page still shows the same record), and the sentence saying what the last change did — also one
 * passed in the navigation state by the page that led here (e.g. reopening a report moves to its new revision).
 */
export function useEditedRecord<T extends { id: string }>(url: string, id: string) {
  const location = useLocation();
  const loaded = useApi<T>(url, { fresh: true });
  const [edited, setEdited] = useState<T | undefined>(undefined);
  const [said, setSaid] = useState(() => saidIn(location.state));
  // A fresh load (a retry, another record) is newer than any answer kept from before.
  useEffect(() => setEdited(undefined), [loaded.data]);
  useEffect(() => {
    const next = saidIn(location.state);
    if (next) setSaid(next);
  }, [location.state]);
  const shown = edited?.id === id ? edited : loaded.data;
  const changed = (next: T, message: string) => {
    setEdited(next);
    setSaid(message);
  };
  return { loaded, shown, said, changed };
}
