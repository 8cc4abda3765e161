import type { Db } from '../../db/client.ts';
import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import { getExpert, getOffer } from '../catalogue/catalogue.service.ts';
import * as repo from './demand.repo.ts';
import { centreOrganizations } from './requests.rules.ts';

export type SourceType = 'competence' | 'service' | 'equipment' | 'expert';

/** The organisation a request started from a record is addressed to; null when the caller cannot see such a record. */
export async function sourceRecordOwner(
  db: Db,
  actor: Actor,
  source: { type: SourceType; id: string },
): Promise<string | null> {
  try {
    const record =
      source.type === 'expert'
        ? await getExpert(db, actor, source.id)
        : await getOffer(db, actor, source.type, source.id);
    return record.organization;
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
    throw e;
  }
}

/** Who reads demand figures: the whole network's for the Region, administrators and the nucleus; else one's centres'. */
function demandScope(actor: Actor): string[] | null {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in to see the demand for records');
  if (actor.platformRole || actor.memberships.some((m) => m.role === 'nucleus')) return null;
  const mine = centreOrganizations(actor);
  if (!mine.length) throw new AppError('FORBIDDEN', 'Only centres and the nucleus see the demand for records');
  return mine;
}

const present = (r: repo.DemandRow) => ({
  type: r.type as SourceType,
  id: r.id,
  organization: r.organization,
  title: (r.title ?? {}) as { it?: string; en?: string },
  requests: r.requests,
  open: r.open,
  lastAt: r.lastAt.toISOString(),
});

/**
 * Requests started from each record ("contact / ask for a quote"), most asked for first: the whole network for the
 * nucleus, the Region and administrators, the caller's own centres' records for other centre members. Counts only —
 * no request's content — so they can be shown whatever the requests' confidentiality.
 */
export async function demandList(db: Db, actor: Actor) {
  return (await repo.demandPerRecord(db, { organizations: demandScope(actor) })).map(present);
}

/** How many requests started from one record, for its centre's members (and the nucleus, the Region, administrators). */
export async function recordDemand(db: Db, actor: Actor, type: SourceType, id: string) {
  const scope = demandScope(actor);
  const owner = await sourceRecordOwner(db, actor, { type, id });
  if (!owner) throw new AppError('NOT_FOUND', `No ${type} with id "${id}"`);
  if (scope && !scope.includes(owner)) throw new AppError('FORBIDDEN', "Only the record's centre sees its demand");
  const [row] = await repo.demandPerRecord(db, { type, id });
  return { type, id, requests: row?.requests ?? 0, open: row?.open ?? 0, lastAt: row?.lastAt.toISOString() ?? null };
}
