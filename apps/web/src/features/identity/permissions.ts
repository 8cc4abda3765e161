import type { Me, MembershipRole } from '../../lib/api.ts';

/**
 * The rules of docs/permissions.md, used only to show or hide buttons: the server decides every request.
 */
const OFFER_EDITORS: readonly MembershipRole[] = ['nucleus', 'centre-manager', 'centre-staff'];
const PROFILE_EDITORS: readonly MembershipRole[] = ['nucleus', 'centre-manager', 'company'];
const MANAGERS: readonly MembershipRole[] = ['nucleus', 'centre-manager'];
export const MEMBERSHIP_ROLES: readonly MembershipRole[] = ['centre-staff', 'centre-manager', 'nucleus', 'company'];
const RANK: Record<MembershipRole, number> = { company: 1, 'centre-staff': 1, 'centre-manager': 2, nucleus: 2 };

type Account = Pick<Me, 'platformRole' | 'memberships'> | null | undefined;

export function roleIn(user: Account, organization: string): MembershipRole | undefined {
  return user?.memberships.find((m) => m.organization === organization)?.role;
}

const isAdmin = (user: Account) => user?.platformRole === 'admin';

/** Add, change and retire an organisation's competences, services, equipment and experts. */
export function canEditRecords(user: Account, organization: string): boolean {
  if (!user) return false;
  if (isAdmin(user)) return true;
  const role = roleIn(user, organization);
  return !!role && OFFER_EDITORS.includes(role);
}

/** Change an organisation's profile (Region officers keep the register of organisations). */
export function canEditProfile(user: Account, organization: string): boolean {
  if (!user) return false;
  if (isAdmin(user) || user.platformRole === 'region') return true;
  const role = roleIn(user, organization);
  return !!role && PROFILE_EDITORS.includes(role);
}

/** Add or retire organisations: platform administrators only. */
export function canManageOrganizations(user: Account): boolean {
  return isAdmin(user);
}

/** Invite people and manage API tokens of an organisation. */
export function canManage(user: Account, organization: string): boolean {
  if (!user) return false;
  if (isAdmin(user)) return true;
  const role = roleIn(user, organization);
  return !!role && MANAGERS.includes(role);
}

/** The organisations this account manages (admins: the `all` given). */
export function managedOrganizations(user: Account, all: string[]): string[] {
  if (!user) return [];
  if (isAdmin(user)) return all;
  return user.memberships.filter((m) => MANAGERS.includes(m.role)).map((m) => m.organization);
}

/** A record's history: its organisation's members, region officers and admins. */
export function canReadHistory(user: Account, organization: string): boolean {
  if (!user) return false;
  if (user.platformRole) return true;
  return user.memberships.some((m) => m.organization === organization);
}

/**
 * The roles this account may give in an organisation (invitations and tokens): no stronger than its own there.
 * A company has company members; a centre has staff, managers and its nucleus representative.
 */
export function grantableRoles(
  user: Account,
  organization: string,
  organizationKind: string | undefined,
): MembershipRole[] {
  const fitting: MembershipRole[] =
    organizationKind === 'company' ? ['company'] : ['centre-staff', 'centre-manager', 'nucleus'];
  if (!user) return [];
  if (isAdmin(user)) return fitting;
  const own = roleIn(user, organization);
  if (!own || RANK[own] < 2) return [];
  return fitting.filter((r) => RANK[r] <= RANK[own]);
}
