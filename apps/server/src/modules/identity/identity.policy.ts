import type { Actor } from '../../core/actor.ts';
import type { MembershipRole, PlatformRole, Role } from '../../db/schema/index.ts';

export type RecordKind = 'organization' | 'competence' | 'service' | 'equipment' | 'expert';
export type WriteAction = 'create' | 'update' | 'retire';

const OFFER_EDITORS: MembershipRole[] = ['nucleus', 'centre-manager', 'centre-staff'];
const PROFILE_EDITORS: MembershipRole[] = ['nucleus', 'centre-manager', 'company'];

/**
 * May this actor change this kind of record of this organisation? Platform admins may change anything; a centre's
 * nucleus representative, manager and staff change their centre's offers and experts; a centre's manager (or its
 * nucleus representative) and a company's members change their own organisation's profile. Region officers read
 * everything and change only organisations' profiles (the register of organisations), never offers or experts.
 */
export function canWriteRecord(actor: Actor, action: WriteAction, kind: RecordKind, organization: string): boolean {
  if (actor.kind !== 'member') return false;
  if (actor.platformRole === 'admin') return true;
  // Region officers keep the register of the network's organisations (their profiles), not the records of their offer.
  if (kind === 'organization' && actor.platformRole === 'region') return action === 'update';
  const role = actor.memberships.find((m) => m.organization === organization)?.role;
  if (!role) return false;
  if (kind === 'organization') return action === 'update' && PROFILE_EDITORS.includes(role);
  return OFFER_EDITORS.includes(role);
}

/** Only admins retire organisations (leaving the network is a platform decision). */
export function canManageOrganizations(actor: Actor): boolean {
  return actor.kind === 'member' && actor.platformRole === 'admin';
}

/** Admins and Region officers add organisations to the register (the administration area). */
export function canAddOrganizations(actor: Actor): boolean {
  return (
    actor.kind === 'member' && !!actor.userId && (actor.platformRole === 'admin' || actor.platformRole === 'region')
  );
}

/** A record's history is visible to its organisation's members, region officers and admins. */
export function canReadHistory(actor: Actor, organization: string): boolean {
  if (actor.kind !== 'member') return false;
  if (actor.platformRole) return true;
  return actor.memberships.some((m) => m.organization === organization);
}

/**
 * The administration area (people, their roles, accounts, invitations): platform admins and Region officers. Operators at
 * the server's command line are checked before (they own the installation).
 */
export function canAdministerPeople(actor: Actor): boolean {
  return (
    actor.kind === 'member' && !!actor.userId && (actor.platformRole === 'admin' || actor.platformRole === 'region')
  );
}

/**
 * May this administrator grant or revoke this role, or disable this account? Admins may do anything; a Region officer
 * manages memberships in organisations but neither hands out nor takes away the platform roles (admin, region) and
 * leaves the accounts of admins alone.
 */
export function canAssignRole(actor: Actor, role: Role): boolean {
  if (!canAdministerPeople(actor) || actor.kind !== 'member') return false;
  return actor.platformRole === 'admin' || (role !== 'admin' && role !== 'region');
}
export function canChangeAccount(actor: Actor, target: { platformRole: PlatformRole | null }): boolean {
  if (!canAdministerPeople(actor) || actor.kind !== 'member') return false;
  return actor.platformRole === 'admin' || target.platformRole !== 'admin';
}
