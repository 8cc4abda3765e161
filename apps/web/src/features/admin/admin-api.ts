import type {
  AccountStatusChange,
  Invitation,
  PeoplePage,
  PeopleQuery,
  PersonAuditEntry,
  PersonDetail,
  PersonSummary,
} from '@clock/contracts';
import { apiUrl } from '../../lib/api.ts';
import type { Me } from '../../lib/api.ts';

export type { AccountStatusChange, Invitation, PeoplePage, PersonAuditEntry, PersonDetail, PersonSummary };
export type PersonStatus = PersonSummary['status'];
export const PERSON_STATUSES: readonly PersonStatus[] = ['active', 'disabled', 'unverified'];
export const ALL_ROLES = ['admin', 'region', 'nucleus', 'centre-manager', 'centre-staff', 'company'] as const;

/** The administration API (admins and Region officers): people, their roles and accounts, invitations. */
export const adminEndpoints = {
  people: (params: PeopleQuery) => apiUrl('/admin/people', { ...params }),
  person: (id: string) => apiUrl(`/admin/people/${encodeURIComponent(id)}`),
  grant: (id: string) => apiUrl(`/admin/people/${encodeURIComponent(id)}/roles`),
  revoke: (id: string) => apiUrl(`/admin/people/${encodeURIComponent(id)}/roles/revoke`),
  disable: (id: string) => apiUrl(`/admin/people/${encodeURIComponent(id)}/disable`),
  enable: (id: string) => apiUrl(`/admin/people/${encodeURIComponent(id)}/enable`),
  invitations: () => apiUrl('/admin/invitations'),
  resend: (id: string) => apiUrl(`/admin/invitations/${encodeURIComponent(id)}/resend`),
  organizations: () => apiUrl('/organizations'),
};

/** The administration area: platform administrators and Region officers (the server decides every request). */
export function canAdminister(user: Pick<Me, 'platformRole'> | null | undefined): boolean {
  return user?.platformRole === 'admin' || user?.platformRole === 'region';
}

/** The roles this administrator hands out: Region officers leave the platform roles to administrators. */
export function assignableRoles(
  user: Pick<Me, 'platformRole'> | null | undefined,
  organizationKind: string | undefined,
): string[] {
  const inOrganization =
    organizationKind === 'company'
      ? ['company']
      : organizationKind
        ? ['centre-staff', 'centre-manager', 'nucleus']
        : [];
  return [...(user?.platformRole === 'admin' ? ['admin', 'region'] : []), ...inOrganization];
}
