import type {
  NotificationView,
  RequestEdit,
  RequestList,
  RequestState,
  RequestView,
  ResponseTargets,
  TeamProposal,
} from '@clock/contracts';
import { apiUrl } from '../../lib/api.ts';

export type { RequestEdit, RequestList, RequestState, RequestView, ResponseTargets, TeamProposal };
export type RequestAction = RequestView['actions'][number];
export type Confidentiality = RequestView['confidentiality'];
export type RequestScope = 'mine' | 'inbox' | 'all';
/** recent: newest first; due: the earliest due date first (overdue on top), then newest. */
export type RequestSort = 'recent' | 'due';
export type EmailPreference = 'immediate' | 'daily' | 'off';

export interface NotificationList {
  items: NotificationView[];
  unread: number;
}
export type { NotificationView };

/** The answer of POST /matching: the aspects of a problem and who covers them. */
export interface MatchingAnswer {
  /** `clause`: a part of the text no glossary concept covers, labelled with its own words (shown as a quotation). */
  aspects: { label: string; kind?: 'concept' | 'clause' }[];
  results: { id: string; type: string; organization: string; title: string; score: number }[];
  organizations: { id: string; score: number; covers: string[] }[];
  teams: {
    organizations: string[];
    members: { organization: string; role: 'lead' | 'partner'; covers: string[] }[];
    covers: string[];
    missing: string[];
    score: number;
  }[];
  /** The text was longer than the engine analyses: the answer covers its first part. */
  truncated?: boolean;
}

export interface RequestListParams {
  scope?: RequestScope;
  sort?: RequestSort;
  state?: string;
  q?: string;
  overdue?: boolean;
  page?: number;
  limit?: number;
}

/**
 * The request's steps, in order; `declined` (by the nucleus) ends it from any of the first three, `withdrawn` (by
 * the company) from any of the first four.
 */
export const REQUEST_STEPS: readonly RequestState[] = [
  'submitted',
  'triage',
  'open',
  'team_agreed',
  'in_progress',
  'closed',
];
/** The states that end a request before its work is done. */
export const ENDED_EARLY: readonly RequestState[] = ['declined', 'withdrawn'];
/** Every state, in the order the filters list them. */
export const ALL_STATES: readonly RequestState[] = [...REQUEST_STEPS, ...ENDED_EARLY];
/** The states the coordination board shows as columns. */
export const ACTIVE_STATES: readonly RequestState[] = ['submitted', 'triage', 'open', 'team_agreed', 'in_progress'];
export const CONFIDENTIALITY: readonly Confidentiality[] = ['public', 'network', 'confidential'];

const enc = encodeURIComponent;

/** The URLs of the requests and notifications API. */
export const requestEndpoints = {
  list: (p: RequestListParams) => apiUrl('/requests', { ...p, overdue: p.overdue ? 'true' : undefined }),
  create: () => apiUrl('/requests'),
  one: (id: string) => apiUrl(`/requests/${enc(id)}`),
  proposal: (id: string) => apiUrl(`/requests/${enc(id)}/proposal`),
  action: (id: string, path: string) => apiUrl(`/requests/${enc(id)}/${path}`),
  targets: () => apiUrl('/requests/targets'),
  matching: () => apiUrl('/matching'),
  notifications: (limit: number) => apiUrl('/notifications', { limit }),
  notificationsRead: () => apiUrl('/notifications/read'),
  preferences: () => apiUrl('/notifications/preferences'),
};

/** The page of one request. */
export const requestHref = (id: string) => `/richieste/${enc(id)}`;
/** The page correcting a request (before the nucleus opens it to the centres). */
export const requestEditHref = (id: string) => `/richieste/${enc(id)}/modifica`;
