import type { Db, Tx } from '../../db/client.ts';
import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestState } from '../../db/schema/index.ts';
import { recordAudit } from '../identity/identity.service.ts';
import { nowOf, requireMember, type Ctx, type RequestDeps } from './requests.context.ts';
import { presentRequest } from './requests.presenter.ts';
import * as repo from './requests.repo.ts';
import { accessTo, DEFAULT_TARGETS, isNucleus, type Targets } from './requests.rules.ts';

export type { Ctx, RequestDeps } from './requests.context.ts';

// Reading requests and the network's response-time targets. The other use cases, one file each: submission.service.ts
// (submit, correct), lifecycle.service.ts (the nucleus's and the lead centre's steps), participation.service.ts
// (interest, the team), proposals.service.ts (who covers what), reminders.job.ts (overdue requests).

const TARGETS_KEY = 'response-targets';

export async function responseTargets(db: Db | Tx): Promise<Targets> {
  return { ...DEFAULT_TARGETS, ...((await repo.getSetting<Partial<Targets>>(db, TARGETS_KEY)) ?? {}) };
}

/** The nucleus (or an administrator) sets the network's response-time targets; they apply from the next state change. */
export async function setResponseTargets(deps: RequestDeps, ctx: Ctx, targets: Targets) {
  const actor = requireMember(ctx.actor);
  if (!isNucleus(actor) && actor.platformRole !== 'admin')
    throw new AppError('FORBIDDEN', 'Only the coordination nucleus sets response-time targets');
  await deps.db.transaction(async (tx) => {
    const before = await responseTargets(tx);
    await repo.putSetting(tx, TARGETS_KEY, targets);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'response-targets',
      entityId: TARGETS_KEY,
      organizationId: null,
      before,
      after: targets,
      requestId: ctx.requestId,
    });
  });
  return targets;
}

/** One request, as the caller may see it; 404 when they may not know it exists. */
export async function getRequest(deps: RequestDeps, actor: Actor, id: string) {
  const { r, centres, access } = await loadVisible(deps.db, actor, id);
  const events = access === 'full' ? await repo.eventsOf(deps.db, r.id) : undefined;
  return presentRequest(actor, r, centres, nowOf(deps), events);
}

/** The request with its centres and what the caller may see of it; 404 when they may not know it exists. */
export async function loadVisible(db: Db | Tx, actor: Actor, id: string) {
  const r = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findRequest(db, id) : null;
  if (!r) throw new AppError('NOT_FOUND', `No request with id "${id}"`);
  const centres = await repo.centresOf(db, [r.id]);
  const access = accessTo(actor, repo.toFacts(r, centres));
  if (access === 'none') throw new AppError('NOT_FOUND', `No request with id "${id}"`);
  return { r, centres, access };
}

export async function listRequests(
  deps: RequestDeps,
  actor: Actor,
  q: {
    scope?: 'mine' | 'inbox' | 'all';
    sort?: 'recent' | 'due';
    state?: RequestState;
    q?: string;
    overdue?: boolean;
    page?: number;
    limit?: number;
  },
) {
  const page = q.page ?? 1,
    limit = q.limit ?? 50;
  const now = nowOf(deps);
  const { rows, total, byState, overdue } = await repo.listRequests(deps.db, actor, {
    scope: q.scope ?? 'all',
    sort: q.sort ?? 'recent',
    state: q.state,
    q: q.q?.trim() || undefined,
    overdueAt: q.overdue ? now : undefined,
    now,
    offset: (page - 1) * limit,
    limit,
  });
  const centres = await repo.centresOf(
    deps.db,
    rows.map((r) => r.id),
  );
  // The SQL filter and the rules must agree; the rules have the last word.
  const items = rows
    .filter((r) => accessTo(actor, repo.toFacts(r, centres)) !== 'none')
    .map((r) => {
      const { centres: _c, ...rest } = presentRequest(actor, r, centres, now) as ReturnType<typeof presentRequest> & {
        centres?: unknown;
      };
      return rest;
    });
  return { items, total, page, limit, byState, overdue };
}
