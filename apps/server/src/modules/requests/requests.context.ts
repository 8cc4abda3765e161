import type { Db } from '../../db/client.ts';
import type { Actor, Member } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { SearchService } from '../search/search.service.ts';

/** What the requests' use cases need. */
export interface RequestDeps {
  db: Db;
  search: SearchService;
  publicUrl: string;
  /** The clock (tests move it to check targets and reminders). */
  now?: () => Date;
}
/** Who asks, and the HTTP request's id for the audit trail. */
export interface Ctx {
  actor: Actor;
  requestId?: string;
}

export const nowOf = (deps: Pick<RequestDeps, 'now'>) => (deps.now ? deps.now() : new Date());

export function requireMember(actor: Actor): Member {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in to take part in requests');
  return actor;
}
