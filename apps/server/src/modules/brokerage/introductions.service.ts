import type { InterestCreate, OutcomeAnswerBody } from '@clock/contracts';
import type { Db, Tx } from '../../db/client.ts';
import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import { recordAudit } from '../identity/identity.service.ts';
import * as repo from './introductions.repo.ts';
import * as opps from './opportunities.repo.ts';
import * as relations from './relations.repo.ts';
import { tellAbout } from './brokerage.notify.service.ts';
import {
  actsFor,
  canSeeCompany,
  daysAfter,
  INTEREST_DAYS,
  interestRef,
  introductionRef,
  isHandler,
  isOwner,
  opportunityRef,
  staffOf,
} from './opportunities.rules.ts';
import { nowOf, readable, requirePerson, UUID, type BrokerageDeps, type Ctx } from './opportunities.service.ts';

const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `No ${what} with id "${id}"`);

function presentInterest(_actor: Actor, i: repo.InterestRow) {
  return {
    id: i.id,
    reference: interestRef(i.number),
    opportunity: i.opportunityId,
    company: { id: i.organizationId, name: i.companyName },
    note: i.note,
    state: i.state,
    expiresAt: i.expiresAt.toISOString(),
    createdAt: i.createdAt.toISOString(),
    introduction: i.introductionId,
  };
}

/** Another company's member says it is interested; the interest reaches the handling centre and the company. */
export async function expressInterest(deps: BrokerageDeps, ctx: Ctx, id: string, body: InterestCreate) {
  const me = requirePerson(ctx.actor);
  const now = nowOf(deps);
  return deps.db.transaction(async (tx) => {
    const o = await readable(tx, me, id, true);
    if (!actsFor(me, body.organization))
      throw new AppError('FORBIDDEN', 'Express interest for a company you belong to');
    if (body.organization === o.organizationId)
      throw new AppError('FORBIDDEN', 'A company does not express interest in its own opportunity');
    const org = await opps.organizationOf(tx, body.organization);
    if (org?.kind !== 'company' || org.verification !== 'verified')
      throw new AppError('FORBIDDEN', 'A centre must verify your company before it expresses interest');
    if (o.state !== 'published' || o.expiresAt <= now)
      throw new AppError('CONFLICT', 'Only a published opportunity receives expressions of interest');
    if (await repo.liveInterest(tx, id, body.organization))
      throw new AppError('CONFLICT', 'Your company already expressed interest in this opportunity');
    const note = body.note.trim();
    if (!note)
      throw new AppError('VALIDATION_FAILED', 'Say why you are interested', [
        { pointer: '/body/note', message: 'must not be empty' },
      ]);
    const interestId = await repo.insertInterest(tx, {
      opportunityId: id,
      organizationId: body.organization,
      userId: me.userId,
      note,
      expiresAt: daysAfter(now, INTEREST_DAYS),
    });
    const created = (await repo.findInterest(tx, interestId))!;
    await recordAudit(tx, me, {
      action: 'interest.create',
      entityType: 'expression_of_interest',
      entityId: interestId,
      organizationId: body.organization,
      before: null,
      after: created,
      requestId: ctx.requestId,
    });
    await tellAbout(
      tx,
      deps.publicUrl,
      o,
      'opportunity-interest',
      { companies: [o.organizationId], centres: [o.centreId] },
      { company: org.name },
      me.userId,
    );
    return presentInterest(me, created);
  });
}

/** The interests in an opportunity: its company and handling centre see all; another company only its own. */
export async function listInterests(deps: BrokerageDeps, actor: Actor, id: string) {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const o = await readable(deps.db, actor, id);
  const all = await repo.interestsOf(deps.db, id);
  const insider = isOwner(actor, o) || isHandler(actor, o);
  const mine = new Set(actor.memberships.map((m) => m.organization));
  return { items: all.filter((i) => insider || mine.has(i.organizationId)).map((i) => presentInterest(actor, i)) };
}

async function interestFor(tx: Db | Tx, actor: Actor, id: string) {
  const i = UUID.test(id) ? await repo.findInterest(tx, id, true) : null;
  if (!i) throw notFound('expression of interest', id);
  const o = await opps.findOpportunity(tx, i.opportunityId, true);
  if (!o) throw notFound('expression of interest', id);
  const party = actor.kind === 'member' && actor.memberships.some((m) => m.organization === i.organizationId);
  if (!isOwner(actor, o) && !isHandler(actor, o) && !party) throw notFound('expression of interest', id);
  return { i, o };
}

/**
 * The opportunity's company accepts or declines an interest (its members, or the handling centre recording the
 * company's answer). Accepting is the company's consent to be introduced, and so to be named to the other company.
 */
export async function answerInterest(deps: BrokerageDeps, ctx: Ctx, id: string, answer: 'accepted' | 'declined') {
  const me = requirePerson(ctx.actor);
  return deps.db.transaction(async (tx) => {
    const { i, o } = await interestFor(tx, me, id);
    if (!isOwner(me, o) && !isHandler(me, o))
      throw new AppError('FORBIDDEN', "Only the opportunity's company (or its centre for it) answers an interest");
    if (i.state !== 'pending') throw new AppError('CONFLICT', `This interest is already ${i.state}`);
    await repo.decideInterest(tx, id, answer, me.userId, nowOf(deps));
    await recordAudit(tx, me, {
      action: `interest.${answer === 'accepted' ? 'accept' : 'decline'}`,
      entityType: 'expression_of_interest',
      entityId: id,
      organizationId: o.organizationId,
      before: { state: i.state },
      after: { state: answer },
      requestId: ctx.requestId,
    });
    await tellAbout(
      tx,
      deps.publicUrl,
      o,
      `interest-${answer}`,
      { companies: [i.organizationId], centres: [o.centreId] },
      {},
      me.userId,
    );
    return presentInterest(me, (await repo.findInterest(tx, id))!);
  });
}

function presentIntroduction(actor: Actor, r: repo.IntroductionRow, outcomes: repo.OutcomeRow[]) {
  const facts = {
    organizationId: r.ownerOrganizationId,
    centreId: r.centreId,
    state: 'published' as const,
    anonymous: r.anonymous,
  };
  const seeOwner = canSeeCompany(actor, facts, r.revealedAt ? [r.partnerOrganizationId] : []);
  return {
    id: r.id,
    reference: introductionRef(r.number),
    opportunity: { id: r.opportunityId, reference: opportunityRef(r.opportunityNumber), title: r.opportunityTitle },
    owner: seeOwner ? { id: r.ownerOrganizationId, name: r.ownerName } : null,
    partner: { id: r.partnerOrganizationId, name: r.partnerName },
    centre: { id: r.centreId, name: r.centreName },
    revealedAt: r.revealedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    outcomes: outcomes.map((x) => ({
      id: x.id,
      round: x.round,
      company: x.organizationId === r.ownerOrganizationId && !seeOwner ? 'owner' : x.organizationId,
      askedAt: x.askedAt.toISOString(),
      answer: x.answer ?? null,
      agreementKind: x.agreementKind ?? null,
      note: x.note ?? null,
      answeredAt: x.answeredAt?.toISOString() ?? null,
      confirmedAt: x.confirmedAt?.toISOString() ?? null,
    })),
  };
}

/**
 * The handling centre introduces the two companies once the opportunity's company accepted the interest: the
 * anonymous company's identity is revealed to the other one now, and both are told.
 */
export async function introduce(deps: BrokerageDeps, ctx: Ctx, interestId: string, note?: string) {
  const me = requirePerson(ctx.actor);
  const now = nowOf(deps);
  return deps.db.transaction(async (tx) => {
    const { i, o } = await interestFor(tx, me, interestId);
    if (!isHandler(me, o)) throw new AppError('FORBIDDEN', 'Only the handling centre introduces the companies');
    if (i.state !== 'accepted')
      throw new AppError('CONFLICT', "The opportunity's company must accept the interest before the introduction");
    if (i.introductionId) throw new AppError('CONFLICT', 'These companies were already introduced');
    const id = await repo.insertIntroduction(tx, {
      opportunityId: o.id,
      interestId,
      ownerOrganizationId: o.organizationId,
      partnerOrganizationId: i.organizationId,
      centreId: o.centreId,
      introducedBy: me.userId,
      note: note?.trim() || null,
      revealedAt: now,
      createdAt: now,
    });
    const created = (await repo.findIntroduction(tx, id))!;
    await recordAudit(tx, me, {
      action: 'introduction.create',
      entityType: 'introduction',
      entityId: id,
      organizationId: o.centreId,
      before: null,
      after: created,
      requestId: ctx.requestId,
    });
    await tellAbout(
      tx,
      deps.publicUrl,
      o,
      'introduction-made',
      { companies: [o.organizationId, i.organizationId] },
      {},
      me.userId,
    );
    return presentIntroduction(me, created, []);
  });
}

/** The introductions the caller takes part in (as a company or as the handling centre); all for administrators. */
export async function listIntroductions(deps: BrokerageDeps, actor: Actor) {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const all = actor.platformRole === 'admin' || actor.platformRole === 'region';
  const rows = await repo.listIntroductions(deps.db, all ? null : actor.memberships.map((m) => m.organization));
  const outcomes = await repo.outcomesOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) =>
      presentIntroduction(
        actor,
        r,
        outcomes.filter((x) => x.introductionId === r.id),
      ),
    ),
  };
}

async function introductionFor(tx: Db | Tx, actor: Actor, id: string) {
  const r = UUID.test(id) ? await repo.findIntroduction(tx, id, true) : null;
  const orgs = actor.kind === 'member' ? actor.memberships.map((m) => m.organization) : [];
  const involved =
    !!r &&
    (staffOf(actor, r.centreId) || orgs.includes(r.ownerOrganizationId) || orgs.includes(r.partnerOrganizationId));
  if (!r || !involved) throw notFound('introduction', id);
  return r;
}

/**
 * A party answers the question it was asked (at 3 or 6 months): no further contact, in discussion, or an agreement of
 * some kind, which counts once the handling centre confirms it.
 */
export async function answerOutcome(deps: BrokerageDeps, ctx: Ctx, id: string, body: OutcomeAnswerBody) {
  const me = requirePerson(ctx.actor);
  const now = nowOf(deps);
  return deps.db.transaction(async (tx) => {
    const r = await introductionFor(tx, me, id);
    if (
      ![r.ownerOrganizationId, r.partnerOrganizationId].includes(body.organization) ||
      !actsFor(me, body.organization)
    )
      throw new AppError('FORBIDDEN', 'Only the two companies answer, each for itself');
    if ((body.answer === 'agreement') !== !!body.agreementKind)
      throw new AppError('VALIDATION_FAILED', 'Name the kind of agreement (and only for an agreement)', [
        { pointer: '/body/agreementKind', message: 'is required when the answer is "agreement", and only then' },
      ]);
    const asked = (await repo.outcomesOf(tx, [id]))
      .filter((x) => x.organizationId === body.organization && x.askedAt <= now)
      .sort((a, b) => b.round - a.round)[0];
    if (!asked) throw new AppError('CONFLICT', 'Nothing was asked yet: the platform asks at 3 and 6 months');
    if (asked.confirmedAt) throw new AppError('CONFLICT', 'The centre already confirmed this agreement');
    await repo.updateOutcome(tx, asked.id, {
      answer: body.answer,
      agreementKind: body.agreementKind ?? null,
      note: body.note?.trim() || null,
      answeredAt: now,
      answeredBy: me.userId,
    });
    await recordAudit(tx, me, {
      action: 'introduction.outcome',
      entityType: 'introduction_outcome',
      entityId: asked.id,
      organizationId: body.organization,
      before: asked,
      after: { answer: body.answer, agreementKind: body.agreementKind ?? null },
      requestId: ctx.requestId,
    });
    if (body.answer === 'agreement') {
      const o = (await opps.findOpportunity(tx, r.opportunityId))!;
      await tellAbout(tx, deps.publicUrl, o, 'agreement-reported', { centres: [r.centreId] }, {}, me.userId);
    }
    const fresh = (await repo.findIntroduction(tx, id))!;
    return presentIntroduction(me, fresh, await repo.outcomesOf(tx, [id]));
  });
}

/** The handling centre confirms a reported agreement: it counts in the indicators and joins the filiera map. */
export async function confirmAgreement(deps: BrokerageDeps, ctx: Ctx, outcomeId: string) {
  const me = requirePerson(ctx.actor);
  const now = nowOf(deps);
  return deps.db.transaction(async (tx) => {
    const x = UUID.test(outcomeId) ? await repo.findOutcome(tx, outcomeId, true) : null;
    if (!x) throw notFound('outcome', outcomeId);
    const r = await introductionFor(tx, me, x.introductionId);
    if (!staffOf(me, r.centreId)) throw new AppError('FORBIDDEN', 'Only the handling centre confirms an agreement');
    if (x.answer !== 'agreement') throw new AppError('CONFLICT', 'Only a reported agreement is confirmed');
    if (x.confirmedAt) throw new AppError('CONFLICT', 'This agreement is already confirmed');
    await repo.updateOutcome(tx, outcomeId, { confirmedAt: now, confirmedBy: me.userId });
    const o = (await opps.findOpportunity(tx, r.opportunityId))!;
    for (const filiera of o.filiere.slice(0, 3))
      await relations.upsertRelation(tx, {
        fromOrganizationId: r.ownerOrganizationId,
        toOrganizationId: r.partnerOrganizationId,
        kind: x.agreementKind === 'subcontracting' ? 'subcontractor-of' : 'partner-in',
        filiera,
        source: 'agreement',
        introductionId: r.id,
        verifiedBy: me.userId,
        verifiedAt: now,
        createdBy: me.userId,
      });
    await recordAudit(tx, me, {
      action: 'introduction.agreement-confirmed',
      entityType: 'introduction_outcome',
      entityId: outcomeId,
      organizationId: r.centreId,
      before: { confirmedAt: null },
      after: { confirmedAt: now },
      requestId: ctx.requestId,
    });
    return presentIntroduction(me, (await repo.findIntroduction(tx, r.id))!, await repo.outcomesOf(tx, [r.id]));
  });
}

// ---- indicators (read by the KPI registry) ----

/** Introductions made in [from, to), optionally those involving one organisation (centre or party): count and ids. */
export async function introductionsBetween(db: Db | Tx, from: Date, to: Date, organization?: string) {
  const ids = await repo.introductionIdsBetween(db, from, to, organization);
  return { count: ids.length, ids };
}
/** Introductions whose agreement a centre confirmed in [from, to): count and the introductions' ids. */
export async function agreementsBetween(db: Db | Tx, from: Date, to: Date, organization?: string) {
  const ids = await repo.agreementIdsBetween(db, from, to, organization);
  return { count: ids.length, ids };
}
