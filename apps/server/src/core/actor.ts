/**
 * Who is asking. Only anonymous visitors exist until accounts arrive; every read already takes an actor so that
 * visibility rules (public vs network-only records) are decided in one place.
 */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'member'; userId: string; organizations: string[]; roles: string[] };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** Network-only content (experts without a public profile, later network requests) needs a signed-in member. */
export function canSeeNetworkContent(actor: Actor): boolean {
  return actor.kind === 'member';
}
