import type {
  CatalogueRecord,
  DemoInfo,
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
    /** Seconds to wait before trying again (the Retry-After header of a 429 or 503). */
    readonly retryAfter?: number,
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

/** Reads an answer's JSON body (undefined when empty) and throws ApiError when it is not a success. */
async function readAnswer(response: Response): Promise<unknown> {
  let body: unknown;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : undefined;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('invalid-response', response.status);
  }
  if (!response.ok) {
    const retry = Number(response.headers.get('retry-after'));
    throw new ApiError(
      isProblem(body) ? 'problem' : 'invalid-response',
      response.status,
      isProblem(body) ? body : undefined,
      Number.isFinite(retry) && retry > 0 ? retry : undefined,
    );
  }
  return body;
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
  const body = await readAnswer(response);
  if (body === undefined) throw new ApiError('invalid-response', response.status);
  return body as T;
}

// The session's CSRF token, echoed on every write; the session provider keeps it current.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type WriteMethod = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Sends a write (JSON body, X-CSRF-Token when signed in) and returns the answer's JSON, or undefined for 204.
 * Throws ApiError with the problem (field errors under `problem.errors`, the wait under `retryAfter`).
 */
export async function sendJson<T = undefined>(method: WriteMethod, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError('network', 0);
  }
  return (await readAnswer(response)) as T;
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
  demo: () => apiUrl('/demo'),
  taxonomies: () => apiUrl('/taxonomies'),
  organizations: (params: {
    kind?: string;
    province?: string;
    filiera?: string;
    sector?: string;
    s3?: string;
    page?: number;
    limit?: number;
  }) => apiUrl('/organizations', params),
  organization: (id: string) => apiUrl(`/organizations/${encodeURIComponent(id)}`),
  records: (
    collection: RecordCollection,
    params: { organization?: string; sector?: string; filiera?: string; s3?: string; page?: number; limit?: number },
  ) => apiUrl(`/${collection}`, params),
  record: (collection: RecordCollection, id: string) => apiUrl(`/${collection}/${encodeURIComponent(id)}`),
  /** Where new records of a collection are POSTed. */
  collection: (collection: RecordCollection) => apiUrl(`/${collection}`),
  search: (params: SearchParams) => apiUrl('/search', { ...params }),
  history: (collection: RecordCollection | 'organizations', id: string) =>
    apiUrl(`/${collection}/${encodeURIComponent(id)}/history`),
  me: () => apiUrl('/me'),
  tokens: () => apiUrl('/tokens'),
  token: (id: string) => apiUrl(`/tokens/${encodeURIComponent(id)}`),
  invitations: () => apiUrl('/invitations'),
  invitation: (token: string) => apiUrl(`/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: (token: string) => apiUrl(`/invitations/${encodeURIComponent(token)}/accept`),
  login: () => apiUrl('/auth/login'),
  logout: () => apiUrl('/auth/logout'),
  logoutEverywhere: () => apiUrl('/auth/logout-everywhere'),
  password: () => apiUrl('/auth/password'),
  signup: () => apiUrl('/auth/signup'),
  verify: () => apiUrl('/auth/verify'),
  passwordReset: () => apiUrl('/auth/password-reset'),
  passwordResetConfirm: () => apiUrl('/auth/password-reset/confirm'),
};

/** Roles held in one organisation, and platform-wide. */
export type MembershipRole = 'nucleus' | 'centre-manager' | 'centre-staff' | 'company';
export type PlatformRole = 'admin' | 'region';
export interface Membership {
  organization: string;
  role: MembershipRole;
}

/** The signed-in account (GET /me, and the answer of sign-in and of accepting an invitation). */
export interface Me {
  id: string;
  email: string;
  name: string;
  locale: string;
  platformRole: PlatformRole | null;
  memberships: Membership[];
  csrfToken: string | null;
}

/** One change of a record: who (a user id, `token:<id>` or null), when, and the record before and after. */
export interface HistoryEntry {
  at: string;
  action: 'create' | 'update' | 'retire' | string;
  actor: string | null;
  /** Not sent by the server yet: the actor's display name. */
  actorName?: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface Invitation {
  email: string;
  organization: string;
  role: MembershipRole;
}

export interface ApiToken {
  id: string;
  name: string;
  organization: string;
  role: MembershipRole;
  createdAt: string;
  expiresAt: string;
  revoked: boolean;
  lastUsedAt: string | null;
}

/** A token just created: the only time its secret is shown. */
export interface CreatedToken {
  id: string;
  name: string;
  organization: string;
  role: MembershipRole;
  expiresAt: string;
  token: string;
}

export type {
  CatalogueRecord,
  DemoInfo,
  Competence,
  Equipment,
  Expert,
  NetworkOverview,
  Organization,
  SearchResponse,
  Service,
  Taxonomies,
};
