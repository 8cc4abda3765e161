import { actionPossibleIn, type Action, type ActionVisibility, type PartnerRole } from '@clock/contracts';
import { AppError } from '../../core/errors.ts';
import { loadVisible } from '../requests/requests.service.ts';
import * as repo from './actions.repo.ts';
import { leads } from './actions.rules.ts';
import {
  audit,
  getAction,
  requireMember,
  tellPartnersAdded,
  todayOf,
  validDay,
  type ActionDeps,
  type Ctx,
} from './actions.service.ts';

/**
 * A request's agreed team becomes a joint action: the lead centre leads it, the partner centres (and the company, when
 * registered) are its partners. Only the lead centre's members (or administrators), only once the team is agreed or
 * the work has started, and once per request.
 */
export async function actionFromRequest(
  deps: ActionDeps,
  ctx: Ctx,
  requestId: string,
  body: { title?: { it?: string; en?: string }; start?: string; end: string; visibility?: ActionVisibility },
): Promise<Action> {
  const actor = requireMember(ctx.actor);
  const id = await deps.db.transaction(async (tx) => {
    const { r, centres } = await loadVisible(tx, actor, requestId);
    const team = centres.filter((c) => c.requestId === r.id && c.teamRole);
    const lead = team.find((c) => c.teamRole === 'lead');
    if (!lead || !leads(actor, { leadOrganizationId: lead.organizationId }))
      throw new AppError('FORBIDDEN', "Only the request's lead centre turns its team into a joint action");
    // The team exists from "team agreed" on; the request's own table says where the team can work.
    if (!actionPossibleIn('start', r.state) && !actionPossibleIn('close', r.state))
      throw new AppError('CONFLICT', `A request in state ${r.state} has no agreed team to become a joint action`);
    if (await repo.actionBySourceRequest(tx, r.id))
      throw new AppError('CONFLICT', 'This request already became a joint action');
    const start = body.start ?? todayOf(deps);
    const problems = [];
    if (!validDay(start)) problems.push({ pointer: '/body/start', message: 'not a calendar day' });
    if (!validDay(body.end)) problems.push({ pointer: '/body/end', message: 'not a calendar day' });
    else if (body.end < start) problems.push({ pointer: '/body/end', message: 'the end is before the start' });
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The action has invalid fields', problems);
    const a = await repo.insertAction(tx, {
      title: body.title ?? { [r.lang === 'en' ? 'en' : 'it']: r.title },
      description: null,
      leadOrganizationId: lead.organizationId,
      filiere: r.filiera ? [r.filiera] : [],
      startDate: start,
      endDate: body.end,
      // A confidential request's work stays among its partners unless they decide otherwise.
      visibility: body.visibility ?? (r.confidentiality === 'confidential' ? 'private' : 'network'),
      sourceRequestId: r.id,
      state: r.state === 'in_progress' ? 'running' : 'planned',
      createdBy: actor.userId,
    });
    const rows: { actionId: string; organizationId: string; role: PartnerRole }[] = team.map((c) => ({
      actionId: a.id,
      organizationId: c.organizationId,
      role: c.teamRole === 'lead' ? 'lead' : 'partner',
    }));
    if (r.companyOrganizationId)
      rows.push({ actionId: a.id, organizationId: r.companyOrganizationId, role: 'company' });
    const added = await repo.insertPartners(tx, rows);
    await audit(tx, ctx, 'create-joint-action', a.id, a.leadOrganizationId, null, {
      ...a,
      partners: added,
      fromRequest: r.id,
    });
    await tellPartnersAdded(
      tx,
      deps,
      a,
      added.map((p) => p.organizationId).filter((o) => o !== a.leadOrganizationId),
      actor.userId,
    );
    return a.id;
  });
  return getAction(deps, ctx.actor, id);
}
