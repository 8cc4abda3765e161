import type {
  CatalogueRecord,
  Competence,
  Equipment,
  Expert,
  Localized,
  NetworkOverview,
  Organization,
  Problem,
  SearchResponse,
  Service,
  Taxonomies,
} from '@clock/contracts';

export const API_BASE = '/api/v1';

/** Why a request failed: the server answered with a problem, or it could not be reached or understood. */
export type ApiErrorKind = 'problem' | 'network' | 'invalid-response';

/** A failed API call, carrying the RFC 9457 problem when the server sent one. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly problem?: Problem,
  ) {
    super(problem?.detail ?? problem?.title ?? `${kind} (${status})`);
    this.name = 'ApiError';
  }
  get code(): string | undefined {
    return this.problem?.code;
  }
}

export type QueryValue = string | number | undefined | null;
export type QueryParams = Record<string, QueryValue>;

/** Builds `path?query`, leaving out empty values, so equal requests get equal URLs (the cache key). */
export function apiUrl(path: string, params?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return `${API_BASE}${path}${query ? `?${query}` : ''}`;
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'status' in body && 'title' in body;
}

/** GETs a JSON resource. Throws ApiError; an abort rethrows the DOMException untouched. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network', 0);
  }
  let body: unknown;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : undefined;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('invalid-response', response.status);
  }
  if (!response.ok) {
    throw new ApiError(isProblem(body) ? 'problem' : 'invalid-response', response.status, isProblem(body) ? body : undefined);
  }
  if (body === undefined) throw new ApiError('invalid-response', response.status);
  return body as T;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

/** The overview answer; `aims` is sent by the server though the shared contract does not declare it yet. */
export type NetworkOverviewWithAims = NetworkOverview & { aims?: Localized[] };

export type RecordCollection = 'competences' | 'services' | 'equipment' | 'experts';
export interface RecordByCollection {
  competences: Competence;
  services: Service;
  equipment: Equipment;
  experts: Expert;
}

export interface SearchParams {
  q?: string;
  lang?: string;
  type?: string;
  organization?: string;
  sector?: string;
  filiera?: string;
  s3?: string;
  page?: number;
  limit?: number;
}

/** The URLs of the read endpoints; fetch them with getJson or the useApi hook. */
export const endpoints = {
  network: () => apiUrl('/network'),
  taxonomies: () => apiUrl('/taxonomies'),
  organizations: (params: { kind?: string; page?: number; limit?: number }) => apiUrl('/organizations', params),
  organization: (id: string) => apiUrl(`/organizations/${encodeURIComponent(id)}`),
  records: (collection: RecordCollection, params: { organization?: string; sector?: string; filiera?: string; s3?: string; page?: number; limit?: number }) =>
    apiUrl(`/${collection}`, params),
  record: (collection: RecordCollection, id: string) => apiUrl(`/${collection}/${encodeURIComponent(id)}`),
  search: (params: SearchParams) => apiUrl('/search', { ...params }),
};

export type {
  CatalogueRecord,
  Competence,
  Equipment,
  Expert,
  NetworkOverview,
  Organization,
  SearchResponse,
  Service,
  Taxonomies,
};
