/** A text typed in either language as the API's `{ it?, en? }`, trimmed; undefined when both are empty. */
export function bothLanguages(it: string, en: string): { it?: string; en?: string } | undefined {
  const text = { ...(it.trim() ? { it: it.trim() } : {}), ...(en.trim() ? { en: en.trim() } : {}) };
  return Object.keys(text).length ? text : undefined;
}
