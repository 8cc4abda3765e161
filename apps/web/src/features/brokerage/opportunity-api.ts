import { apiUrl } from '../../lib/api.ts';
import type { OpportunityKind } from '@clock/contracts';

export { OPPORTUNITY_KINDS } from '@clock/contracts/values';
export type { OpportunityKind };

type Text = { it?: string; en?: string };
/** An opportunity as the API gives it to the caller (`company` is null when it is anonymous to them). */
export interface Opportunity {
  id: string;
  reference: string;
  kind: OpportunityKind;
  state: string;
  anonymous: boolean;
  company: { id: string; name: string } | null;
  centre: { id: string; name: string };
  title: Text;
  description: Text;
  technology: Text | null;
  stage: string | null;
  partnerSought: Text | null;
  filiere: string[];
  expiresAt: string;
  actions: string[];
}
export interface OpportunityList {
  items: Opportunity[];
  total: number;
  page: number;
  limit: number;
}

export const opportunityEndpoints = {
  list: (p: { q?: string; kind?: string; lang?: string; page?: number }) =>
    apiUrl('/opportunities', { q: p.q || undefined, kind: p.kind || undefined, lang: p.lang, page: p.page, limit: 20 }),
  one: (id: string) => apiUrl(`/opportunities/${encodeURIComponent(id)}`),
  interest: (id: string) => apiUrl(`/opportunities/${encodeURIComponent(id)}/interest`),
};
