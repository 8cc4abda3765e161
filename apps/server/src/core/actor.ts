import type { MembershipRole, PlatformRole } from '../db/schema/index.ts';

export interface Membership {
  organization: string;
  role: MembershipRole;
}

/**
 * Who is asking. Every read and write takes an actor so that visibility and permission rules are decided in one place
 * (the policies), never in routes.
 */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'member';
      userId: string | null;
      /** Set when the request carries an API token instead of a session. */
      tokenId: string | null;
      platformRole: PlatformRole | null;
      memberships: Membership[];
      /** Session-bound token a cookie-authenticated write must echo (null for API tokens). */
      csrfToken: string | null;
    };

export type Member = Extract<Actor, { kind: 'member' }>;
export const ANONYMOUS: Actor = { kind: 'anonymous' };

/**
 * Network-only content (experts without a public profile) needs a network member: someone with a role in an
 * organisation, or the Region's officers and administrators. An account that belongs to no organisation yet (anyone
 * may sign up) reads as the public does.
 */
export function canSeeNetworkContent(actor: Actor): boolean {
  return actor.kind === 'member' && (actor.platformRole !== null || actor.memberships.length > 0);
}

/**
 * The person at the server's command line (`clock user …`): whoever may open the data directory or its owner-only
 * channel, or connect to the database. Never an HTTP caller; named in the audit trail by `label`.
 */
export interface Operator {
  kind: 'operator';
  label: string;
}
export type AuditActor = Actor | Operator;
