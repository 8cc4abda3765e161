import type { Tx } from '../../db/client.ts';
import type { Member } from '../../core/actor.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import { recordAudit } from '../identity/identity.service.ts';
import { act, moveTo } from './request-action.ts';
import { tellPeople } from './requests.audience.ts';
import type { Ctx, RequestDeps } from './requests.context.ts';
import { requiredText } from './requests.content.rules.ts';
import * as repo from './requests.repo.ts';
import type { RequestFacts } from './requests.rules.ts';

// The steps of the life cycle taken by the nucleus, the company's side and the lead centre.

export async function triageRequest(deps: RequestDeps, ctx: Ctx, id: string, body: { message?: string }) {
  return act(deps, ctx, id, 'triage', async (tx, r, centres, _f, actor, now) => {
    const moved = await moveTo(deps, tx, ctx, actor, r, 'triage', now, {}, body.message?.trim() || null);
    await tellPeople(deps, tx, moved, centres, { kind: 'request-triage', owners: true }, actor);
  });
}

/** Opens a request to the centres; a confidential one only to the centres named, who alone will see it. */
export async function openRequest(
  deps: RequestDeps,
  ctx: Ctx,
  id: string,
  body: { centres?: string[]; message?: string },
) {
  return act(deps, ctx, id, 'open', async (tx, r, _c, _f, actor, now) => {
    const invited = [...new Set(body.centres ?? [])];
    const problems: FieldProblem[] = [];
    if (r.confidentiality === 'confidential' && !invited.length)
      problems.push({
        pointer: '/body/centres',
        message: 'a confidential request is opened only to the centres named here: name at least one',
      });
    const kinds = await repo.organizationKinds(tx, invited);
    invited.forEach((o, i) => {
      const k = kinds.get(o);
      if (!k) problems.push({ pointer: `/body/centres/${i}`, message: `unknown organisation "${o}"` });
      else if (k.kind === 'company')
        problems.push({ pointer: `/body/centres/${i}`, message: 'is a company, not a centre' });
    });
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The request cannot be opened like this', problems);
    for (const o of invited) await repo.upsertCentre(tx, r.id, o, { invitedAt: now });
    const moved = await moveTo(deps, tx, ctx, actor, r, 'open', now, {}, body.message?.trim() || null);
    const after = await repo.centresOf(tx, [r.id]);
    await tellPeople(deps, tx, moved, after, { kind: 'request-opened', owners: true }, actor);
    // Invited centres hear of it; a request open to the whole network also reaches every centre's manager.
    await tellPeople(
      deps,
      tx,
      moved,
      after,
      {
        kind: 'request-invited',
        organizations: invited,
        roles: r.confidentiality === 'confidential' ? [] : ['centre-manager'],
      },
      actor,
    );
  });
}

/** Declines a request; the reason always reaches the company by e-mail, whatever its notification settings. */
export async function declineRequest(deps: RequestDeps, ctx: Ctx, id: string, body: { reason: string }) {
  const reason = requiredText(body.reason, 10, 'reason', 'Say why the request is declined');
  return act(deps, ctx, id, 'decline', async (tx, r, centres, _f, actor, now) => {
    const moved = await moveTo(deps, tx, ctx, actor, r, 'declined', now, { declineReason: reason }, reason);
    await tellPeople(
      deps,
      tx,
      moved,
      centres,
      { kind: 'request-declined', owners: true, urgent: true, extra: { reason } },
      actor,
    );
  });
}

/** The company takes its request back before the work starts; the nucleus and the centres involved are told. */
export async function withdrawRequest(deps: RequestDeps, ctx: Ctx, id: string, body: { reason?: string }) {
  return act(deps, ctx, id, 'withdraw', async (tx, r, centres, facts, actor, now) => {
    const reason = body.reason?.trim() || null;
    const moved = await moveTo(deps, tx, ctx, actor, r, 'withdrawn', now, {}, reason);
    const involved = facts.centres.filter((c) => c.invited || c.interested || c.teamRole).map((c) => c.organizationId);
    await tellPeople(
      deps,
      tx,
      moved,
      centres,
      { kind: 'request-withdrawn', roles: ['nucleus'], organizations: involved, extra: reason ? { reason } : {} },
      actor,
    );
  });
}
export async function startRequest(deps: RequestDeps, ctx: Ctx, id: string, body: { message?: string }) {
  return act(deps, ctx, id, 'start', (tx, r, centres, facts, actor, now) =>
    moveAndTellTeam(deps, { tx, ctx, actor, r, centres, facts, now }, 'in_progress', {}, body.message?.trim() || null),
  );
}

export async function closeRequest(deps: RequestDeps, ctx: Ctx, id: string, body: { outcome: string }) {
  const outcome = requiredText(body.outcome, 10, 'outcome', 'Describe the outcome');
  return act(deps, ctx, id, 'close', (tx, r, centres, facts, actor, now) =>
    moveAndTellTeam(deps, { tx, ctx, actor, r, centres, facts, now }, 'closed', { outcome }, outcome),
  );
}

/** Moves the work on (started, closed) and tells the company's side, the nucleus and the team. */
async function moveAndTellTeam(
  deps: RequestDeps,
  a: { tx: Tx; ctx: Ctx; actor: Member; r: repo.RequestRow; centres: repo.CentreRow[]; facts: RequestFacts; now: Date },
  to: 'in_progress' | 'closed',
  patch: { outcome?: string },
  message: string | null,
) {
  const moved = await moveTo(deps, a.tx, a.ctx, a.actor, a.r, to, a.now, patch, message);
  const team = a.facts.centres.filter((c) => c.teamRole).map((c) => c.organizationId);
  const kind = to === 'closed' ? 'request-closed' : 'request-started';
  await tellPeople(
    deps,
    a.tx,
    moved,
    a.centres,
    { kind, owners: true, roles: ['nucleus'], organizations: team },
    a.actor,
  );
}

/** The company rates the work once the request is closed (once). */
export async function rateRequest(deps: RequestDeps, ctx: Ctx, id: string, body: { rating: number; comment?: string }) {
  return act(deps, ctx, id, 'rate', async (tx, r, centres, facts, actor, now) => {
    const comment = body.comment?.trim() || null;
    await repo.updateRequest(tx, r.id, { rating: body.rating, ratingComment: comment });
    await repo.insertEvent(tx, {
      requestId: r.id,
      at: now,
      actorUserId: actor.userId,
      actorOrganizationId: r.companyOrganizationId,
      kind: 'rated',
      message: `${body.rating}/5${comment ? ` — ${comment}` : ''}`,
    });
    await recordAudit(tx, actor, {
      action: 'request-rate',
      entityType: 'request',
      entityId: r.id,
      organizationId: r.companyOrganizationId,
      before: null,
      after: { rating: body.rating, comment },
      requestId: ctx.requestId,
    });
    const team = facts.centres.filter((c) => c.teamRole).map((c) => c.organizationId);
    await tellPeople(
      deps,
      tx,
      { ...r, rating: body.rating },
      centres,
      { kind: 'request-rated', roles: ['nucleus'], organizations: team, extra: { rating: String(body.rating) } },
      actor,
    );
  });
}
