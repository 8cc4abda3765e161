import type { Me } from '../../lib/api.ts';

type Account = Pick<Me, 'platformRole' | 'memberships'> | null | undefined;

/**
 * Who is who for requests, used only to choose what to show: the server decides every request (each view carries the
 * `actions` the caller may take).
 */
export function isNucleus(user: Account): boolean {
  return !!user?.memberships.some((m) => m.role === 'nucleus');
}

/** A member of a centre (any role but `company`). */
export function isCentreMember(user: Account): boolean {
  return !!user?.memberships.some((m) => m.role !== 'company');
}

export function isCompanyMember(user: Account): boolean {
  return !!user?.memberships.some((m) => m.role === 'company');
}

/** The coordination board: the nucleus, the Region's officers and administrators. */
export function canCoordinate(user: Account): boolean {
  return isNucleus(user) || !!user?.platformRole;
}

/** The response-time targets: the nucleus and administrators. */
export function canSetTargets(user: Account): boolean {
  return isNucleus(user) || user?.platformRole === 'admin';
}

/** Centres and Region officers submit on a company's behalf: they name the company. */
export function submitsForOthers(user: Account): boolean {
  return !isCompanyMember(user) || isCentreMember(user) || !!user?.platformRole;
}
