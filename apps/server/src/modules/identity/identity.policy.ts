import type { Actor } from '../../core/actor.ts';
import type { MembershipRole } from '../../db/schema/index.ts';

export type RecordKind = 'organization' | 'competence' | 'service' | 'equipment' | 'expert';
export type WriteAction = 'create' | 'update' | 'retire';

const OFFER_EDITORS: MembershipRole[] = ['nucleus', 'centre-manager', 'centre-staff'];
const PROFILE_EDITORS: MembershipRole[] = ['nucleus', 'centre-manager', 'company'];

/**
 * May this actor change this kind of record of this organisation? Platform admins may change anything; a centre's
 * nucleus representative, manager and staff change their centre's offers and experts; a centre's manager (or its
 * nucleus representative) and a company's members change their own organisation's profile. Region officers read
 * everything but change nothing in the catalogue.
 */
export function canWriteRecord(actor: Actor, action: WriteAction, kind: RecordKind, organization: string): boolean {
  if (actor.kind !== 'member') return false;
  if (actor.platformRole === 'admin') return true;
  const role = actor.memberships.find((m) => m.organization === organization)?.role;
  if (!role) return false;
  if (kind === 'organization') return action === 'update' && PROFILE_EDITORS.includes(role);
  return OFFER_EDITORS.includes(role);
}

/** Only admins create or retire organisations (a new member of the network is a platform decision). */
export function canManageOrganizations(actor: Actor): boolean {
  return actor.kind === 'member' && actor.platformRole === 'admin';
}

/** A record's history is visible to its organisation's members, region officers and admins. */
export function canReadHistory(actor: Actor, organization: string): boolean {
  if (actor.kind !== 'member') return false;
  if (actor.platformRole) return true;
  return actor.memberships.some((m) => m.organization === organization);
}
