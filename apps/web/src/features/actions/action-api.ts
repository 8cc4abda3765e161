import { apiUrl } from '../../lib/api.ts';
import type { Action, ActionList, ActionSummary, Meeting, MeetingList, Outcome } from '@clock/contracts';
import {
  ACTION_STATES,
  CONTRIBUTION_KINDS,
  PARTNER_ROLES,
  type ActionState,
  type ContributionKind,
  type MeetingState,
  type OutcomeKind,
  type PartnerRole,
} from '@clock/contracts/values';

export { ACTION_STATES, CONTRIBUTION_KINDS, PARTNER_ROLES };
export type {
  Action,
  ActionList,
  ActionState,
  ActionSummary,
  ContributionKind,
  Meeting,
  MeetingList,
  MeetingState,
  Outcome,
  OutcomeKind,
  PartnerRole,
};

const enc = encodeURIComponent;

export const actionEndpoints = {
  list: (params: { state?: string; organization?: string; late?: string; q?: string; page?: number }) =>
    apiUrl('/actions', { ...params, limit: 20 }),
  action: (id: string) => apiUrl(`/actions/${enc(id)}`),
  create: () => apiUrl('/actions'),
  transition: (id: string) => apiUrl(`/actions/${enc(id)}/transition`),
  partners: (id: string) => apiUrl(`/actions/${enc(id)}/partners`),
  milestones: (id: string) => apiUrl(`/actions/${enc(id)}/milestones`),
  milestone: (id: string) => apiUrl(`/action-milestones/${enc(id)}`),
  contributions: (id: string) => apiUrl(`/actions/${enc(id)}/contributions`),
  contribution: (id: string) => apiUrl(`/action-contributions/${enc(id)}`),
  documents: (id: string) => apiUrl(`/actions/${enc(id)}/documents`),
  meetings: (page = 1) => apiUrl('/meetings', { page, limit: 50 }),
  meeting: (id: string) => apiUrl(`/meetings/${enc(id)}`),
  createMeeting: () => apiUrl('/meetings'),
  hold: (id: string) => apiUrl(`/meetings/${enc(id)}/hold`),
  approve: (id: string) => apiUrl(`/meetings/${enc(id)}/approve-minutes`),
  agenda: (id: string) => apiUrl(`/meetings/${enc(id)}/agenda`),
  outcomes: (id: string) => apiUrl(`/meetings/${enc(id)}/outcomes`),
  outcome: (id: string) => apiUrl(`/meeting-outcomes/${enc(id)}`),
};
