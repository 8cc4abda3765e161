import { apiUrl } from '../../lib/api.ts';
import type { OpportunityKind } from '@clock/contracts';

export {
  AGREEMENT_KINDS,
  IP_STATUSES,
  OPPORTUNITY_KINDS,
  OPPORTUNITY_STAGES,
  OUTCOME_ANSWERS,
  PARTNERSHIP_KINDS,
  PUBLISH_MIN_SCORE,
  PUBLISH_MIN_TOTAL,
  REVIEW_CRITERIA,
} from '@clock/contracts/values';
export type { OpportunityKind };

export type Text = { it?: string; en?: string };
type Party = { id: string; name: string } | null;

export interface Review {
  id: string;
  decision: 'publish' | 'hold' | 'reject' | string;
  scores: { clarity: number; innovation: number; partnerSought: number; completeness: number };
  comment: string | null;
  createdAt: string;
}

/** An opportunity as the API gives it to the caller (`company` is null when it is anonymous to them). */
export interface Opportunity {
  id: string;
  reference: string;
  kind: OpportunityKind;
  state: string;
  anonymous: boolean;
  company: Party;
  centre: { id: string; name: string };
  title: Text;
  description: Text;
  technology: Text | null;
  stage: string | null;
  ipStatus: string | null;
  partnerSought: Text | null;
  partnershipKinds: string[];
  filiere: string[];
  sectors: string[];
  s3: string[];
  expiresAt: string;
  publishedAt: string | null;
  createdAt: string;
  /** What the caller may do now: edit, submit, review, matches, interests, interest. */
  actions: string[];
  /** The reviews, for the company and its handling centre. */
  reviews?: Review[];
}
export interface OpportunityList {
  items: Opportunity[];
  total: number;
  page: number;
  limit: number;
}

export interface Interest {
  id: string;
  reference: string;
  opportunity: string;
  company: Party;
  note: string;
  state: 'pending' | 'accepted' | 'declined' | 'expired' | string;
  expiresAt: string;
  createdAt: string;
  introduction: string | null;
}

export interface Outcome {
  id: string;
  round: number;
  /** The company asked (its id), or "owner" for the anonymous owner seen by someone it is not revealed to. */
  company: string;
  askedAt: string;
  answer: string | null;
  agreementKind: string | null;
  note: string | null;
  answeredAt: string | null;
  confirmedAt: string | null;
}
export interface Introduction {
  id: string;
  reference: string;
  opportunity: { id: string; reference: string; title: Text };
  owner: Party;
  partner: Party;
  centre: { id: string; name: string };
  revealedAt: string | null;
  createdAt: string;
  outcomes: Outcome[];
}

export interface Counterpart {
  type: 'opportunity' | 'company';
  id: string;
  reference: string | null;
  kind: string | null;
  title: string;
  company: Party;
  score: number;
  why: { field: string; matched: string[] }[];
}

const one = (id: string) => `/opportunities/${encodeURIComponent(id)}`;
export const opportunityEndpoints = {
  list: (p: { q?: string; kind?: string; lang?: string; page?: number; mine?: boolean; limit?: number }) =>
    apiUrl('/opportunities', {
      q: p.q || undefined,
      kind: p.kind || undefined,
      lang: p.lang,
      page: p.page,
      mine: p.mine ? 'true' : undefined,
      limit: p.limit ?? 20,
    }),
  create: () => apiUrl('/opportunities'),
  one: (id: string) => apiUrl(one(id)),
  submit: (id: string) => apiUrl(`${one(id)}/submit`),
  review: (id: string) => apiUrl(`${one(id)}/review`),
  matches: (id: string, lang: string) => apiUrl(`${one(id)}/matches`, { lang }),
  interest: (id: string) => apiUrl(`${one(id)}/interest`),
  interests: (id: string) => apiUrl(`${one(id)}/interests`),
  answerInterest: (id: string, answer: 'accept' | 'decline') =>
    apiUrl(`/interests/${encodeURIComponent(id)}/${answer}`),
  introduce: (id: string) => apiUrl(`/interests/${encodeURIComponent(id)}/introduction`),
  introductions: () => apiUrl('/introductions'),
  outcome: (id: string) => apiUrl(`/introductions/${encodeURIComponent(id)}/outcome`),
  confirm: (outcomeId: string) => apiUrl(`/outcomes/${encodeURIComponent(outcomeId)}/confirm`),
};
