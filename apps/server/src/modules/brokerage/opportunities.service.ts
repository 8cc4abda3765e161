import type { OpportunityCreate, OpportunityListQuery, OpportunityPatch, OpportunityReview } from '@clock/contracts';
import type { Db, Tx } from '../../db/client.ts';
import type { Actor, Member } from '../../core/actor.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import type { LocalizedText } from '../../db/schema/index.ts';
import { recordAudit } from '../identity/identity.service.ts';
import type { SearchService } from '../search/search.service.ts';
import * as repo from './opportunities.repo.ts';
import { anonymityProblems } from './anonymity.rules.ts';
import { tellAbout } from './brokerage.notify.service.ts';
import { opportunityDoc, presentOpportunity } from './opportunities.presenter.ts';
import {
  actsFor,
  canRead,
  contentProblems,
  expiryFrom,
  expiryProblems,
  isHandler,
  isOwner,
  nextState,
  reviewProblems,
  stateAfterReview,
} from './opportunities.rules.ts';

export interface BrokerageDeps {
  db: Db;
  publicUrl: string;
  search?: SearchService;
  /** The clock (tests move it). */
  now?: () => Date;
}
export interface Ctx {
  actor: Actor;
  requestId?: string;
}
export const nowOf = (deps: { now?: () => Date }) => (deps.now ? deps.now() : new Date());
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function requirePerson(actor: Actor): Member & { userId: string } {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (!actor.userId) throw new AppError('FORBIDDEN', 'Opportunities are handled by people, not by API tokens');
  return actor as Member & { userId: string };
}

const localized = (l: LocalizedText | null | undefined): LocalizedText | null => {
  if (!l) return null;
  const out: LocalizedText = {};
  if (l.it?.trim()) out.it = l.it.trim();
  if (l.en?.trim()) out.en = l.en.trim();
  return Object.keys(out).length ? out : null;
};
const TEXT_FIELDS = ['title', 'description', 'technology', 'partnerSought'] as const;

/** Loads an opportunity the caller may read, or 404 (one it may not read does not exist for it). */
export async function readable(tx: Db | Tx, actor: Actor, id: string, lock = false) {
  const o = UUID.test(id) ? await repo.findOpportunity(tx, id, lock) : null;
  if (!o || !canRead(actor, o)) throw new AppError('NOT_FOUND', `No opportunity with id "${id}"`);
  return o;
}

/** The anonymity rule on an opportunity's words, with the company's name and web site. */
async function leaks(
  tx: Db | Tx,
  company: string,
  texts: Partial<Record<(typeof TEXT_FIELDS)[number], LocalizedText | null>>,
) {
  const org = await repo.organizationOf(tx, company);
  return anonymityProblems(texts, { name: org?.name ?? '', website: org?.website ?? null });
}
const refuse = (problems: FieldProblem[]) => {
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The opportunity has invalid fields', problems);
};

// ---- writing ----

export async function createOpportunity(deps: BrokerageDeps, ctx: Ctx, body: OpportunityCreate) {
  const me = requirePerson(ctx.actor);
  const now = nowOf(deps);
  return deps.db.transaction(async (tx) => {
    const org = await repo.organizationOf(tx, body.organization);
    if (!actsFor(me, body.organization) || !org || org.kind !== 'company')
      throw new AppError('FORBIDDEN', 'Only the members of a company publish its opportunities');
    if (org.verification !== 'verified')
      throw new AppError('FORBIDDEN', 'A centre must verify the company before it publishes opportunities');
    const centre = await repo.organizationOf(tx, body.centre);
    const problems: FieldProblem[] = [];
    if (centre?.kind !== 'centre' || centre.retiredAt)
      problems.push({ pointer: '/body/centre', message: 'must be one of the network centres' });
    problems.push(...contentProblems(body, await repo.knownCodes(tx), true));
    problems.push(...expiryProblems(body.expiresAt, now));
    const texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f, localized(body[f])]));
    if (body.anonymous) problems.push(...(await leaks(tx, body.organization, texts)));
    refuse(problems);
    const id = await repo.insertOpportunity(tx, {
      organizationId: body.organization,
      centreId: body.centre,
      kind: body.kind,
      title: texts.title!,
      description: texts.description!,
      technology: texts.technology,
      partnerSought: texts.partnerSought,
      stage: body.stage ?? null,
      ipStatus: body.ipStatus ?? null,
      partnershipKinds: body.partnershipKinds ?? [],
      filiere: body.filiere ?? [],
      sectors: body.sectors ?? [],
      s3: body.s3 ?? [],
      anonymous: body.anonymous ?? false,
      state: 'draft',
      expiresAt: expiryFrom(now, body.expiresAt),
      createdBy: me.userId,
    });
    const created = (await repo.findOpportunity(tx, id))!;
    await recordAudit(tx, me, {
      action: 'opportunity.create',
      entityType: 'opportunity',
      entityId: id,
      organizationId: body.organization,
      before: null,
      after: created,
      requestId: ctx.requestId,
    });
    return presentOpportunity(me, created);
  });
}

/** The company changes its opportunity while it is a draft or on hold. */
export async function updateOpportunity(deps: BrokerageDeps, ctx: Ctx, id: string, patch: OpportunityPatch) {
  const me = requirePerson(ctx.actor);
  return deps.db.transaction(async (tx) => {
    const o = await readable(tx, me, id, true);
    if (!isOwner(me, o)) throw new AppError('FORBIDDEN', 'Only the company changes its opportunity');
    if (!nextState(o.state, 'edit'))
      throw new AppError('CONFLICT', `An opportunity that is ${o.state} cannot be changed`);
    const problems = [
      ...contentProblems(patch, await repo.knownCodes(tx), false),
      ...expiryProblems(patch.expiresAt, nowOf(deps)),
    ];
    const texts = Object.fromEntries(
      TEXT_FIELDS.map((f) => [f, patch[f] === undefined ? o[f] : localized(patch[f])]),
    ) as Record<(typeof TEXT_FIELDS)[number], LocalizedText | null>;
    if (patch.anonymous ?? o.anonymous) problems.push(...(await leaks(tx, o.organizationId, texts)));
    refuse(problems);
    const { expiresAt, ...rest } = patch;
    await repo.updateOpportunity(tx, id, {
      ...rest,
      title: texts.title!,
      description: texts.description!,
      technology: texts.technology,
      partnerSought: texts.partnerSought,
      ...(expiresAt ? { expiresAt: expiryFrom(nowOf(deps), expiresAt) } : {}),
    });
    const after = (await repo.findOpportunity(tx, id))!;
    await recordAudit(tx, me, {
      action: 'opportunity.update',
      entityType: 'opportunity',
      entityId: id,
      organizationId: o.organizationId,
      before: o,
      after,
      requestId: ctx.requestId,
    });
    return presentOpportunity(me, after);
  });
}

/** The company sends its opportunity to the handling centre's review. */
export async function submitOpportunity(deps: BrokerageDeps, ctx: Ctx, id: string) {
  const me = requirePerson(ctx.actor);
  return deps.db.transaction(async (tx) => {
    const o = await readable(tx, me, id, true);
    if (!isOwner(me, o)) throw new AppError('FORBIDDEN', 'Only the company submits its opportunity');
    const to = nextState(o.state, 'submit');
    if (!to) throw new AppError('CONFLICT', `An opportunity that is ${o.state} cannot be submitted`);
    // The company's name may have changed since the text was written: the rule runs again.
    if (o.anonymous) refuse(await leaks(tx, o.organizationId, o));
    await repo.updateOpportunity(tx, id, { state: to, submittedAt: nowOf(deps) });
    await recordAudit(tx, me, {
      action: 'opportunity.submit',
      entityType: 'opportunity',
      entityId: id,
      organizationId: o.organizationId,
      before: { state: o.state },
      after: { state: to },
      requestId: ctx.requestId,
    });
    await tellAbout(
      tx,
      deps.publicUrl,
      { ...o, state: to },
      'opportunity-submitted',
      { centres: [o.centreId] },
      {},
      me.userId,
    );
    return presentOpportunity(me, (await repo.findOpportunity(tx, id))!);
  });
}

/** The handling centre scores the opportunity and publishes it, holds it with comments, or rejects it. */
export async function reviewOpportunity(deps: BrokerageDeps, ctx: Ctx, id: string, body: OpportunityReview) {
  const me = requirePerson(ctx.actor);
  const now = nowOf(deps);
  return deps.db.transaction(async (tx) => {
    const o = await readable(tx, me, id, true);
    if (!isHandler(me, o)) throw new AppError('FORBIDDEN', 'Only the handling centre reviews an opportunity');
    if (o.state !== 'submitted')
      throw new AppError('CONFLICT', `Only a submitted opportunity is reviewed; this one is ${o.state}`);
    const problems = reviewProblems(body);
    if (body.decision === 'publish' && o.anonymous) problems.push(...(await leaks(tx, o.organizationId, o)));
    refuse(problems);
    const to = stateAfterReview(body.decision);
    const review = await repo.insertReview(tx, {
      opportunityId: id,
      reviewerId: me.userId,
      centreId: o.centreId,
      clarity: body.scores.clarity,
      innovation: body.scores.innovation,
      partnerSought: body.scores.partnerSought,
      completeness: body.scores.completeness,
      decision: body.decision,
      comment: body.comment?.trim() || null,
    });
    await repo.updateOpportunity(tx, id, {
      state: to,
      ...(to === 'published'
        ? { publishedAt: now, remindedAt: null, expiresAt: expiryFrom(now, o.expiresAt.toISOString().slice(0, 10)) }
        : {}),
    });
    await recordAudit(tx, me, {
      action: 'opportunity.review',
      entityType: 'opportunity',
      entityId: id,
      organizationId: o.organizationId,
      before: { state: o.state },
      after: { state: to, review },
      requestId: ctx.requestId,
    });
    await tellAbout(
      tx,
      deps.publicUrl,
      { ...o, state: to },
      `opportunity-${body.decision}`,
      { companies: [o.organizationId] },
      body.comment?.trim() ? { comment: body.comment.trim() } : {},
      me.userId,
    );
    // Companies of the same filiere hear of a new opportunity (in the app, or in their daily digest).
    if (to === 'published') {
      const readers = await repo.companiesInFiliere(tx, o.filiere, o.organizationId);
      await tellAbout(
        tx,
        deps.publicUrl,
        { ...o, state: to },
        'opportunity-new',
        { companies: readers },
        {},
        me.userId,
      );
    }
    const after = (await repo.findOpportunity(tx, id))!;
    return presentOpportunity(me, after, [], { reviews: await repo.reviewsOf(tx, id) });
  });
}

// ---- reading ----

export async function getOpportunity(deps: BrokerageDeps, actor: Actor, id: string) {
  const o = await readable(deps.db, actor, id);
  const revealed = o.anonymous ? await repo.revealedTo(deps.db, id) : [];
  return presentOpportunity(actor, o, revealed, { reviews: await repo.reviewsOf(deps.db, id) });
}

/**
 * Published opportunities (or, with `mine`, the caller's companies' and centres' in every state), filtered by kind,
 * filiera and ATECO sector; `q` ranks them with the search's text analysis in either language.
 */
export async function listOpportunities(deps: BrokerageDeps, actor: Actor, q: OpportunityListQuery) {
  const page = q.page ?? 1,
    limit = q.limit ?? 20;
  const now = nowOf(deps);
  let mine: { organizations: string[] } | undefined;
  if (q.mine) {
    if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in to see your opportunities');
    mine = { organizations: actor.memberships.map((m) => m.organization) };
  }
  const filter = { kind: q.kind, filiera: q.filiera, sector: q.sector, mine, now };
  const text = q.q?.trim();
  if (!text || !deps.search) {
    const { items, total } = await repo.listOpportunities(deps.db, filter, (page - 1) * limit, limit);
    const present = await Promise.all(items.map(async (o) => presentOpportunity(actor, o, await revealed(deps.db, o))));
    return { items: present, total, page, limit };
  }
  const candidates = await repo.allOpportunities(deps.db, filter);
  const ranked = await deps.search.matchAmong(
    'search',
    { text, lang: q.lang, limit: Math.max(1, candidates.length) },
    candidates.filter((o) => canRead(actor, o)).map(opportunityDoc),
  );
  const byId = new Map(candidates.map((o) => [o.id, o]));
  const pageHits = ranked.results.slice((page - 1) * limit, page * limit);
  const items = await Promise.all(
    pageHits.map(async (h) => {
      const o = byId.get(h.id)!;
      return presentOpportunity(actor, o, await revealed(deps.db, o), { score: h.score });
    }),
  );
  return { items, total: ranked.results.length, page, limit };
}
const revealed = (db: Db, o: repo.OpportunityRow) => (o.anonymous ? repo.revealedTo(db, o.id) : Promise.resolve([]));
