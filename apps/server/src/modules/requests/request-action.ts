import type { Tx } from '../../db/client.ts';
import type { Member } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { RequestState, requests } from '../../db/schema/index.ts';
import { recordAudit } from '../identity/identity.service.ts';
import { nowOf, requireMember, type Ctx, type RequestDeps } from './requests.context.ts';
import { auditView } from './requests.presenter.ts';
import * as repo from './requests.repo.ts';
import {
  accessTo,
  actionPossibleIn,
  allowedActions,
  centreOrganizations,
  dueDate,
  isNucleus,
  type RequestAction,
  type RequestFacts,
} from './requests.rules.ts';
import { getRequest, responseTargets } from './requests.service.ts';

type Row = repo.RequestRow;
type CentreRow = repo.CentreRow;

/**
 * Runs one action on a request inside a transaction holding the request's row lock: 404 if the caller may not see
 * it, 409 if its state does not allow the action, 403 if the caller may not take it.
 */
export async function act<T>(
  deps: RequestDeps,
  ctx: Ctx,
  id: string,
  action: RequestAction,
  fn: (tx: Tx, r: Row, centres: CentreRow[], facts: RequestFacts, actor: Member, now: Date) => Promise<T>,
) {
  const actor = requireMember(ctx.actor);
  const now = nowOf(deps);
  await deps.db.transaction(async (tx) => {
    const r = /^[0-9a-f-]{36}$/i.test(id) ? await repo.lockRequest(tx, id) : null;
    const centres = r ? await repo.centresOf(tx, [r.id]) : [];
    const facts = r ? repo.toFacts(r, centres) : null;
    if (!r || !facts || accessTo(actor, facts) === 'none')
      throw new AppError('NOT_FOUND', `No request with id "${id}"`);
    if (!actionPossibleIn(action, r.state))
      throw new AppError(
        'CONFLICT',
        `The request is ${r.state.replace('_', ' ')}: it cannot ${action.replace('-', ' ')} now`,
      );
    if (!allowedActions(actor, facts).includes(action))
      throw new AppError('FORBIDDEN', `You may not ${action.replace('-', ' ')} this request`);
    await fn(tx, r, centres, facts, actor, now);
  });
  return getRequest(deps, actor, id);
}

export async function moveTo(
  _deps: RequestDeps,
  tx: Tx,
  ctx: Ctx,
  actor: Member,
  r: Row,
  to: RequestState,
  now: Date,
  patch: Partial<typeof requests.$inferInsert>,
  message: string | null,
) {
  const targets = await responseTargets(tx);
  const first = r.firstResponseAt ?? (r.state === 'submitted' ? now : null);
  const next = {
    ...patch,
    state: to,
    stateChangedAt: now,
    dueAt: dueDate(to, now, targets),
    reminderSentAt: null,
    firstResponseAt: first,
    ...(to === 'open' && !r.openedAt ? { openedAt: now } : {}),
    ...(to === 'closed' || to === 'declined' || to === 'withdrawn' ? { closedAt: now } : {}),
  };
  await repo.updateRequest(tx, r.id, next);
  const actorOrg = isNucleus(actor)
    ? actor.memberships.find((m) => m.role === 'nucleus')!.organization
    : (centreOrganizations(actor)[0] ?? actor.memberships[0]?.organization ?? null);
  await repo.insertEvent(tx, {
    requestId: r.id,
    at: now,
    actorUserId: actor.userId,
    actorOrganizationId: actorOrg,
    kind: 'state',
    fromState: r.state,
    toState: to,
    message,
  });
  await recordAudit(tx, actor, {
    action: `request-${to}`,
    entityType: 'request',
    entityId: r.id,
    organizationId: r.companyOrganizationId,
    before: auditView(r),
    after: { ...auditView({ ...r, ...next } as Row), message },
    requestId: ctx.requestId,
  });
  return { ...r, ...next } as Row;
}
