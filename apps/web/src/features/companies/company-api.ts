import type { ClaimView, CompanyView, OrganizationContact } from '@clock/contracts';
import { apiUrl, type Page } from '../../lib/api.ts';

export type { ClaimView, CompanyView };
export interface CompanySummary {
  id: string;
  name: string;
  town: string | null;
  province: string | null;
  sizeClass: string | null;
  verification: string;
  filiere: string[];
}
export type ContactView = { [K in keyof Required<OrganizationContact>]: string | null };
export interface RecordContactView {
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  consentAt: string;
}
export interface DemandView {
  type: string;
  id: string;
  organization: string | null;
  title: { it?: string; en?: string };
  requests: number;
  open: number;
  lastAt: string;
}
export type CompanyPage = Page<CompanySummary>;

export const companyEndpoints = {
  list: (params: { q?: string; vatNumber?: string; limit?: number }) => apiUrl('/companies', params),
  one: (id: string) => apiUrl(`/companies/${encodeURIComponent(id)}`),
  register: () => apiUrl('/companies'),
  claim: (id: string) => apiUrl(`/companies/${encodeURIComponent(id)}/claims`),
  invite: (id: string) => apiUrl(`/companies/${encodeURIComponent(id)}/invitations`),
  claims: (scope: 'mine' | 'review') => apiUrl('/company-claims', { scope }),
  decide: (id: string, action: 'verify' | 'reject') => apiUrl(`/company-claims/${encodeURIComponent(id)}/${action}`),
  contact: (organization: string) => apiUrl(`/organizations/${encodeURIComponent(organization)}/contact`),
  recordContact: (collection: string, id: string) => apiUrl(`/${collection}/${encodeURIComponent(id)}/contact`),
  demand: () => apiUrl('/requests/demand'),
  recordDemand: (type: string, id: string) => apiUrl(`/requests/demand/${type}/${encodeURIComponent(id)}`),
};

/** Where the "contact / ask for a quote" action leads: the request form, remembering the record. */
export function quoteHref(type: string, id: string): string {
  return `/richieste/nuova?fonte=${encodeURIComponent(`${type}:${id}`)}`;
}

/** The record a request form was opened from (`?fonte=equipment:id`), or null. */
export function sourceOf(
  value: string | null,
): { type: 'competence' | 'service' | 'equipment' | 'expert'; id: string } | null {
  const m = /^(competence|service|equipment|expert):(.{1,100})$/.exec(value ?? '');
  return m ? { type: m[1] as 'competence', id: m[2]! } : null;
}
