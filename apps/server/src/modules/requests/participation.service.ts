import { AppError, type FieldProblem } from '../../core/errors.ts';
import { recordAudit } from '../identity/identity.service.ts';
import { act, moveTo } from './request-action.ts';
import { tellPeople } from './requests.audience.ts';
import type { Ctx, RequestDeps } from './requests.context.ts';
import { requiredText } from './requests.content.rules.ts';
import * as repo from './requests.repo.ts';
import { interestOrganizations } from './requests.rules.ts';

// Centres taking part: interest (with a proposal), withdrawing it, and the team the company agrees.

function chooseOrganization(options: string[], asked: string | undefined, pointer: string) {
  if (asked) {
    if (!options.includes(asked)) throw new AppError('FORBIDDEN', `You may not act for ${asked} on this request`);
    return asked;
  }
  if (options.length === 1) return options[0]!;
  throw new AppError('VALIDATION_FAILED', 'Say which organisation you act for', [
    { pointer, message: `choose one of: ${options.join(', ')}` },
  ]);
}

/** A centre says it wants to take part, with a short proposal and the aspects it covers (again to change it). */
export async function expressInterest(
  deps: RequestDeps,
  ctx: Ctx,
  id: string,
  body: { organization?: string; proposal: string; aspects?: string[] },
) {
  const proposal = requiredText(body.proposal, 20, 'proposal', 'Describe what your centre proposes');
  return act(deps, ctx, id, 'interest', async (tx, r, _c, facts, actor, now) => {
    const org = chooseOrganization(interestOrganizations(actor, facts), body.organization, '/body/organization');
    const already = facts.centres.some((c) => c.organizationId === org && c.interested);
    await repo.upsertCentre(tx, r.id, org, {
      interestAt: now,
      interestBy: actor.userId,
      proposal,
      aspects: [...new Set((body.aspects ?? []).map((a) => a.trim()).filter(Boolean))],
    });
    await repo.insertEvent(tx, {
      requestId: r.id,
      at: now,
      actorUserId: actor.userId,
      actorOrganizationId: org,
      kind: already ? 'interest-updated' : 'interest',
      message: proposal,
    });
    await recordAudit(tx, actor, {
      action: 'request-interest',
      entityType: 'request',
      entityId: r.id,
      organizationId: org,
      before: null,
      after: { organization: org, proposal, aspects: body.aspects ?? [] },
      requestId: ctx.requestId,
    });
    if (!already) {
      const name = (await repo.organizationKinds(tx, [org])).get(org)?.name ?? org;
      await tellPeople(
        deps,
        tx,
        r,
        await repo.centresOf(tx, [r.id]),
        { kind: 'request-interest', owners: true, roles: ['nucleus'], extra: { organization: name } },
        actor,
      );
    }
  });
}

export async function withdrawInterest(deps: RequestDeps, ctx: Ctx, id: string, body: { organization?: string }) {
  return act(deps, ctx, id, 'withdraw-interest', async (tx, r, _c, facts, actor, now) => {
    const options = interestOrganizations(actor, facts).filter((o) =>
      facts.centres.some((c) => c.organizationId === o && c.interested),
    );
    const org = chooseOrganization(options, body.organization, '/body/organization');
    await repo.upsertCentre(tx, r.id, org, { interestAt: null, interestBy: null, proposal: null, aspects: [] });
    await repo.insertEvent(tx, {
      requestId: r.id,
      at: now,
      actorUserId: actor.userId,
      actorOrganizationId: org,
      kind: 'interest-withdrawn',
    });
    await recordAudit(tx, actor, {
      action: 'request-withdraw-interest',
      entityType: 'request',
      entityId: r.id,
      organizationId: org,
      before: null,
      after: { organization: org },
      requestId: ctx.requestId,
    });
  });
}

/** The company (or the nucleus) agrees the team: a lead centre and up to three partners, among those interested. */
export async function agreeTeam(
  deps: RequestDeps,
  ctx: Ctx,
  id: string,
  body: { lead: string; partners: string[]; message?: string },
) {
  return act(deps, ctx, id, 'agree-team', async (tx, r, _c, facts, actor, now) => {
    const interested = facts.centres.filter((c) => c.interested).map((c) => c.organizationId);
    const partners = [...new Set(body.partners ?? [])];
    const problems: FieldProblem[] = [];
    if (!interested.includes(body.lead))
      problems.push({ pointer: '/body/lead', message: 'must be a centre that expressed interest' });
    partners.forEach((p, i) => {
      if (p === body.lead) problems.push({ pointer: `/body/partners/${i}`, message: 'is already the lead' });
      else if (!interested.includes(p))
        problems.push({ pointer: `/body/partners/${i}`, message: 'must be a centre that expressed interest' });
    });
    if (partners.length > 3)
      problems.push({ pointer: '/body/partners', message: 'a team has at most four organisations' });
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The team is not valid', problems);
    await repo.clearTeam(tx, r.id);
    await repo.upsertCentre(tx, r.id, body.lead, { teamRole: 'lead' });
    for (const p of partners) await repo.upsertCentre(tx, r.id, p, { teamRole: 'partner' });
    const moved = await moveTo(deps, tx, ctx, actor, r, 'team_agreed', now, {}, body.message?.trim() || null);
    const names = await repo.organizationKinds(tx, [body.lead, ...partners]);
    const nameOf = (o: string) => names.get(o)?.name ?? o;
    await tellPeople(
      deps,
      tx,
      moved,
      await repo.centresOf(tx, [r.id]),
      {
        kind: 'request-team',
        owners: true,
        roles: ['nucleus'],
        organizations: [body.lead, ...partners],
        extra: { lead: nameOf(body.lead), partners: partners.map(nameOf).join(', ') },
      },
      actor,
    );
  });
}
