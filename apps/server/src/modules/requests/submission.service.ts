import type { Member } from '../../core/actor.ts';
import { AppError, mergeProblems, type FieldProblem } from '../../core/errors.ts';
import { recordAudit } from '../identity/identity.service.ts';
import { pendingClaimCompanies } from '../companies/companies.service.ts';
import { sourceRecordOwner } from './demand.service.ts';
import { act } from './request-action.ts';
import { tellPeople } from './requests.audience.ts';
import { nowOf, requireMember, type Ctx, type RequestDeps } from './requests.context.ts';
import { contentProblems, EDITABLE, text, type EditBody, type SubmitBody } from './requests.content.rules.ts';
import { auditView } from './requests.presenter.ts';
import * as repo from './requests.repo.ts';
import { centreOrganizations, dueDate, isNucleus } from './requests.rules.ts';
import { getRequest, responseTargets } from './requests.service.ts';

export type { EditBody, SubmitBody } from './requests.content.rules.ts';

/**
 * The company's side (or the nucleus) corrects a request before the nucleus opens it to the centres: its words, the
 * details and the tier. `null` clears an optional field. The whole result is checked as on submission.
 */
export async function editRequest(
  deps: RequestDeps,
  ctx: Ctx,
  id: string,
  patch: EditBody,
  schemaProblems: FieldProblem[] = [],
) {
  return act(deps, ctx, id, 'edit', async (tx, r, _c, _f, actor: Member, now) => {
    const before = {
      title: r.title,
      description: r.description,
      summary: r.summary,
      desiredOutcome: r.desiredOutcome,
      sector: r.sector,
      filiera: r.filiera,
      deadline: r.deadline,
      confidentiality: r.confidentiality,
      lang: r.lang,
      contactEmail: r.contactEmail,
    };
    const next: Record<string, string | null> = { ...before };
    for (const k of EDITABLE)
      if (patch[k] !== undefined) next[k] = patch[k] === null ? null : (text(patch[k]!) ?? null);
    const problems = contentProblems(
      {
        title: next.title ?? '',
        description: next.description ?? '',
        summary: next.summary ?? undefined,
        confidentiality: next.confidentiality as SubmitBody['confidentiality'],
        deadline: patch.deadline ? patch.deadline : undefined,
      },
      now,
    );
    for (const k of ['title', 'description', 'confidentiality', 'lang'] as const)
      if (patch[k] === null) problems.push({ pointer: `/body/${k}`, message: 'is required' });
    const all = mergeProblems(problems, schemaProblems);
    if (all.length) throw new AppError('VALIDATION_FAILED', 'The request has invalid fields', all);
    const changed = EDITABLE.filter((k) => next[k] !== before[k]);
    if (!changed.length) return;
    await repo.updateRequest(tx, r.id, Object.fromEntries(changed.map((k) => [k, next[k]])) as never);
    await repo.insertEvent(tx, {
      requestId: r.id,
      at: now,
      actorUserId: actor.userId,
      actorOrganizationId: isNucleus(actor)
        ? actor.memberships.find((m) => m.role === 'nucleus')!.organization
        : r.companyOrganizationId,
      kind: 'edited',
      message: changed.join(', '),
    });
    await recordAudit(tx, actor, {
      action: 'request-edit',
      entityType: 'request',
      entityId: r.id,
      organizationId: r.companyOrganizationId,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, next[k]])),
      requestId: ctx.requestId,
    });
  });
}

/**
 * A company (or a centre, a Region officer on its behalf) submits a problem. Every invalid field is reported at once.
 * The nucleus is notified; the company gets a receipt with the date by which it will hear back.
 */
export async function submitRequest(
  deps: RequestDeps,
  ctx: Ctx,
  body: SubmitBody,
  schemaProblems: FieldProblem[] = [],
) {
  const actor = requireMember(ctx.actor);
  if (!actor.userId) throw new AppError('FORBIDDEN', 'Requests are submitted by people, not by API tokens');
  const now = nowOf(deps);
  const problems = contentProblems(body, now);
  const title = text(body.title),
    description = text(body.description),
    summary = text(body.summary);
  // Who is it for: a company member submits for their company; anyone else names the company.
  const companyMemberships = actor.memberships.filter((m) => m.role === 'company').map((m) => m.organization);
  // A person whose claim on a company waits for a centre may already submit under its name.
  const claimed = await pendingClaimCompanies(deps.db, actor.userId);
  const ownCompanies = [...companyMemberships, ...claimed];
  // Started from a record ("contact / ask for a quote"): the record's organisation is addressed at once.
  const addressed = body.source ? await sourceRecordOwner(deps.db, actor, body.source) : null;
  if (body.source && !addressed)
    problems.push({ pointer: '/body/source', message: `no ${body.source.type} with id "${body.source.id}"` });
  let companyId: string | null =
    body.company ?? (companyMemberships.length === 1 && !body.companyName ? companyMemberships[0]! : null);
  let companyName = text(body.companyName) ?? null;
  const via = centreOrganizations(actor)[0] ?? null;
  if (companyId) {
    const known = (await repo.organizationKinds(deps.db, [companyId])).get(companyId);
    if (!known) problems.push({ pointer: '/body/company', message: `unknown organisation "${companyId}"` });
    else if (known.kind !== 'company') problems.push({ pointer: '/body/company', message: 'is not a company' });
    else companyName = known.name;
    if (known && !ownCompanies.includes(companyId) && !via && !actor.platformRole) {
      problems.push({ pointer: '/body/company', message: 'you may submit only for your own company' });
    }
  } else if (!companyName) {
    problems.push({ pointer: '/body/companyName', message: 'name the company the request is for' });
  }
  const all = mergeProblems(problems, schemaProblems);
  if (all.length) throw new AppError('VALIDATION_FAILED', 'The request has invalid fields', all);

  const targets = await responseTargets(deps.db);
  const submittedVia = companyId && ownCompanies.includes(companyId) ? null : via;
  const created = await deps.db.transaction(async (tx) => {
    const r = await repo.insertRequest(tx, {
      title: title!,
      description: description!,
      summary: summary ?? null,
      desiredOutcome: text(body.desiredOutcome) ?? null,
      sector: text(body.sector) ?? null,
      filiera: text(body.filiera) ?? null,
      deadline: body.deadline ?? null,
      lang: body.lang ?? 'it',
      confidentiality: body.confidentiality,
      companyOrganizationId: companyId,
      companyName: companyName!,
      contactEmail: text(body.contactEmail) ?? null,
      submittedBy: actor.userId,
      submittedViaOrganizationId: submittedVia,
      submittedAt: now,
      stateChangedAt: now,
      dueAt: dueDate('submitted', now, targets),
      sourceType: body.source?.type ?? null,
      sourceId: body.source?.id ?? null,
    });
    companyId = r.companyOrganizationId;
    if (addressed && addressed !== submittedVia) await repo.upsertCentre(tx, r.id, addressed, { invitedAt: now });
    await repo.insertEvent(tx, {
      requestId: r.id,
      at: now,
      actorUserId: actor.userId,
      actorOrganizationId: submittedVia ?? companyId,
      kind: 'submitted',
      toState: 'submitted',
    });
    await recordAudit(tx, actor, {
      action: 'submit',
      entityType: 'request',
      entityId: r.id,
      organizationId: companyId,
      before: null,
      after: auditView(r),
      requestId: ctx.requestId,
    });
    await tellPeople(deps, tx, r, [], { kind: 'request-submitted', roles: ['nucleus'] }, actor);
    await tellPeople(
      deps,
      tx,
      r,
      [],
      { kind: 'request-received', owners: true, extra: { due: r.dueAt ? r.dueAt.toISOString().slice(0, 10) : '' } },
      null,
    );
    if (addressed)
      await tellPeople(
        deps,
        tx,
        r,
        await repo.centresOf(tx, [r.id]),
        { kind: 'request-addressed', organizations: [addressed] },
        actor,
      );
    return r;
  });
  return getRequest(deps, actor, created.id);
}
