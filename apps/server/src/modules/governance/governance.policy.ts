import type { Actor, Member } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';

/**
 * Who steers the protocol (docs/permissions.md, "Governance"): the Region's officers and administrators everywhere; a
 * nucleus member for the network and for their own centre. The same people read every aggregate, confidential
 * requests included ("full" readers); everyone else reads the public summary.
 */
export const nucleusCentres = (actor: Actor): string[] =>
  actor.kind === 'member' ? actor.memberships.filter((m) => m.role === 'nucleus').map((m) => m.organization) : [];

export function isFullReader(actor: Actor): boolean {
  if (actor.kind !== 'member') return false;
  return actor.platformRole === 'admin' || actor.platformRole === 'region' || nucleusCentres(actor).length > 0;
}

/** May this actor change objectives, targets or manual values of this scope (null: the network)? */
export function canSteer(actor: Actor, organization: string | null): boolean {
  if (actor.kind !== 'member') return false;
  if (actor.platformRole === 'admin' || actor.platformRole === 'region') return true;
  const mine = nucleusCentres(actor);
  return mine.length > 0 && (organization === null || mine.includes(organization));
}

export function requireFullReader(actor: Actor): Member {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (!isFullReader(actor)) throw new AppError('FORBIDDEN', 'Only the nucleus, the Region and administrators');
  return actor;
}
export function requireSteer(actor: Actor, organization: string | null): Member {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (!canSteer(actor, organization))
    throw new AppError(
      'FORBIDDEN',
      organization
        ? "Only the Region, administrators and the centre's nucleus member"
        : 'Only the nucleus, the Region and administrators',
    );
  return actor;
}
export function requireRegion(actor: Actor): Member {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (actor.platformRole !== 'admin' && actor.platformRole !== 'region')
    throw new AppError('FORBIDDEN', 'Only the Region and administrators');
  return actor;
}
