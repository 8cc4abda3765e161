import { pageParam } from '../../lib/url-state.ts';

export const FACETS = ['type', 'organization', 'sector', 'filiera', 's3'] as const;
export type FacetName = (typeof FACETS)[number];

export interface SearchState {
  q: string;
  filters: Record<FacetName, string>;
  page: number;
}

export const SEARCH_PAGE_SIZE = 20;

/** The search as the URL states it, so every result page can be shared and bookmarked. */
export function readSearchState(params: URLSearchParams): SearchState {
  const filters = Object.fromEntries(FACETS.map((f) => [f, params.get(f)?.trim() ?? ''])) as Record<FacetName, string>;
  return { q: params.get('q')?.trim() ?? '', filters, page: pageParam(params) };
}

export function hasCriteria(state: SearchState): boolean {
  return state.q !== '' || FACETS.some((f) => state.filters[f] !== '');
}
