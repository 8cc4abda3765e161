/** A copy of `current` with `changes` applied (undefined or '' removes a key), as "?a=b" (or "" when empty). */
export function withParams(
  current: URLSearchParams,
  changes: Record<string, string | number | undefined | null>,
): string {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  const query = next.toString();
  return query ? `?${query}` : '';
}

/** A positive page number from the query string, 1 when missing or invalid. */
export function pageParam(params: URLSearchParams, name = 'page'): number {
  const n = Number(params.get(name));
  return Number.isInteger(n) && n >= 1 && n <= 10000 ? n : 1;
}
