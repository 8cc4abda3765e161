import type { RelationCreate } from '@clock/contracts';
import type { Actor } from '../../core/actor.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import { recordAudit } from '../identity/identity.service.ts';
import * as repo from './relations.repo.ts';
import { knownCodes } from './opportunities.repo.ts';
import { actsFor, CENTRE_ROLES, isAdmin } from './opportunities.rules.ts';
import { chainSteps } from './relations.rules.ts';
import { nowOf, requirePerson, UUID, type BrokerageDeps, type Ctx } from './opportunities.service.ts';

const isCentrePerson = (actor: Actor) =>
  isAdmin(actor) ||
  (actor.kind === 'member' && actor.memberships.some((m) => (CENTRE_ROLES as readonly string[]).includes(m.role)));

const present = (r: repo.RelationRow) => ({
  id: r.id,
  from: r.fromOrganizationId,
  to: r.toOrganizationId,
  kind: r.kind,
  filiera: r.filiera,
  source: r.source,
  verifiedAt: r.verifiedAt?.toISOString() ?? null,
});

/**
 * A company declares a relation of its own (it is `from`); a centre's member records one it knows, verified at once.
 */
export async function declareRelation(deps: BrokerageDeps, ctx: Ctx, body: RelationCreate) {
  const me = requirePerson(ctx.actor);
  const centre = isCentrePerson(me);
  if (!centre && !actsFor(me, body.from))
    throw new AppError('FORBIDDEN', 'A company declares its own relations; a centre records verified ones');
  const now = nowOf(deps);
  return deps.db.transaction(async (tx) => {
    const problems: FieldProblem[] = [];
    for (const side of ['from', 'to'] as const)
      if ((await repo.organizationKind(tx, body[side])) !== 'company')
        problems.push({ pointer: `/body/${side}`, message: 'must be a company registered on the platform' });
    if (body.from === body.to) problems.push({ pointer: '/body/to', message: 'must be another company' });
    if (!(await knownCodes(tx)).filiera.has(body.filiera))
      problems.push({ pointer: '/body/filiera', message: `"${body.filiera}" is not a supply chain of the taxonomy` });
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The relation has invalid fields', problems);
    const r = await repo.upsertRelation(tx, {
      fromOrganizationId: body.from,
      toOrganizationId: body.to,
      kind: body.kind,
      filiera: body.filiera,
      source: centre ? 'verified' : 'declared',
      verifiedBy: centre ? me.userId : null,
      verifiedAt: centre ? now : null,
      createdBy: me.userId,
    });
    await recordAudit(tx, me, {
      action: 'relation.declare',
      entityType: 'company_relation',
      entityId: r.id,
      organizationId: body.from,
      before: null,
      after: r,
      requestId: ctx.requestId,
    });
    return present(r);
  });
}

/** A centre's member verifies a relation a company declared. */
export async function verifyRelation(deps: BrokerageDeps, ctx: Ctx, id: string) {
  const me = requirePerson(ctx.actor);
  if (!isCentrePerson(me)) throw new AppError('FORBIDDEN', "Only a centre's member verifies a relation");
  return deps.db.transaction(async (tx) => {
    const r = UUID.test(id) ? await repo.findRelation(tx, id, true) : null;
    if (!r) throw new AppError('NOT_FOUND', `No relation with id "${id}"`);
    await repo.verifyRelation(tx, id, me.userId, nowOf(deps));
    const after = (await repo.findRelation(tx, id))!;
    await recordAudit(tx, me, {
      action: 'relation.verify',
      entityType: 'company_relation',
      entityId: id,
      organizationId: r.fromOrganizationId,
      before: r,
      after,
      requestId: ctx.requestId,
    });
    return present(after);
  });
}

/**
 * A filiera as a graph: its companies and the centres serving it, the relations between companies, and (for the
 * Region and the nucleus) the introductions made; plus the chain's steps and which have no local
 * supplier. Network members only.
 */
export async function filieraMap(deps: BrokerageDeps, actor: Actor, code: string) {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in to see the filiera map');
  if (!actor.platformRole && actor.memberships.length === 0)
    throw new AppError('FORBIDDEN', 'The filiera map is for the network: its centres, companies and the Region');
  const term = await repo.filieraTerm(deps.db, code);
  if (!term) throw new AppError('NOT_FOUND', `No filiera with code "${code}"`);
  const relations = await repo.relationsIn(deps.db, code);
  const seesIntroductions = !!actor.platformRole || actor.memberships.some((m) => m.role === 'nucleus');
  const intros = seesIntroductions ? await repo.introductionsIn(deps.db, code) : [];
  const named = [
    ...new Set([
      ...relations.flatMap((r) => [r.fromOrganizationId, r.toOrganizationId]),
      ...intros.flatMap((i) => [i.from, i.to]),
    ]),
  ];
  const orgs = await repo.organizationsIn(deps.db, code, named);
  const companies = orgs.filter((o) => o.kind === 'company');
  const steps = chainSteps(
    code,
    companies.map((c) => ({ sectors: c.sectors ?? [] })),
  );
  const labels = new Map(
    (
      await repo.sectorLabels(
        deps.db,
        steps.map((s) => s.code),
      )
    ).map((l) => [l.code, l.label]),
  );
  return {
    filiera: { code, label: term.label },
    nodes: orgs
      .map((o) => ({
        id: o.id,
        kind: o.kind as 'company' | 'centre',
        name: o.name,
        province: o.province ?? null,
        sectors: o.sectors ?? [],
      }))
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name)),
    edges: [
      ...relations.map((r) => ({
        id: r.id,
        from: r.fromOrganizationId,
        to: r.toOrganizationId,
        kind: r.kind,
        source: r.source,
      })),
      ...intros.map((i) => ({ id: null, from: i.from, to: i.to, kind: 'introduction', source: 'introduction' })),
    ],
    steps: steps.map((s) => ({ ...s, label: labels.get(s.code) ?? { it: s.code, en: s.code } })),
  };
}
