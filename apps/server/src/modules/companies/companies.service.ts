import crypto from 'node:crypto';
import type { ClaimView, CompanyProfilePatch, CompanyRegister, CompanyView } from '@clock/contracts';
import type { Db, Tx } from '../../db/client.ts';
import type { Actor, Member } from '../../core/actor.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import type { LocalizedText } from '../../db/schema/index.ts';
import { naceCode } from '../../db/seed/reference.ts';
import { recordAudit } from '../identity/identity.service.ts';
import { sendInvitation, type AccountDeps } from '../identity/account.service.ts';
import { notify, type NotifySubject } from '../notifications/notifications.service.ts';
import * as repo from './companies.repo.ts';
import {
  canEditCompany,
  canInviteToCompany,
  canReviewClaims,
  canSeeMembers,
  checkVatNumber,
  companyId,
  profileProblems,
  reviewerOrganization,
} from './companies.rules.ts';

export interface CompanyDeps extends AccountDeps {
  onCatalogueChange?: () => Promise<void>;
}
export interface Ctx {
  actor: Actor;
  requestId?: string;
}

/** "17.12" or "C17.12" → "C17.12": ATECO codes as people write them, in the taxonomy's form. */
const atecoCodes = (codes: string[] | undefined) =>
  codes?.map((c) => (/^[A-U]?\d/.test(c.trim()) ? (naceCode(c.trim()) ?? c.trim()) : c.trim().toUpperCase()));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const trimmed = (s: string | null | undefined) => (s === undefined || s === null ? null : s.trim() || null);
const localized = (l: LocalizedText | null | undefined): LocalizedText | null => {
  if (!l) return null;
  const out: LocalizedText = {};
  if (l.it?.trim()) out.it = l.it.trim();
  if (l.en?.trim()) out.en = l.en.trim();
  return Object.keys(out).length ? out : null;
};

function requirePerson(actor: Actor): Member & { userId: string } {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (!actor.userId) throw new AppError('FORBIDDEN', 'Companies are joined by people, not by API tokens');
  return actor as Member & { userId: string };
}

function presentClaim(c: repo.ClaimRow, withPerson: boolean): ClaimView {
  return {
    id: c.id,
    company: { id: c.organizationId, name: c.companyName, province: c.province, vatNumber: c.vatNumber },
    kind: c.kind,
    state: c.state,
    note: c.note,
    reviewer: c.reviewerName,
    reason: c.reason,
    createdAt: c.createdAt.toISOString(),
    decidedAt: c.decidedAt?.toISOString() ?? null,
    ...(withPerson ? { person: { name: c.personName ?? '', email: c.personEmail ?? '' } } : {}),
  };
}

// ---- reading ----

/** Companies by name or VAT number (to find one's own before registering it again); rejected registrations left out. */
export async function listCompanies(db: Db, q: { q?: string; vatNumber?: string; page?: number; limit?: number }) {
  const page = q.page ?? 1,
    limit = q.limit ?? 20;
  const vat = q.vatNumber ? checkVatNumber(q.vatNumber, '/query/vatNumber') : null;
  if (vat && 'problem' in vat) throw new AppError('VALIDATION_FAILED', 'Invalid VAT number', [vat.problem]);
  const { items, total } = await repo.listCompanies(
    db,
    { q: q.q?.trim() || undefined, vatNumber: vat?.value },
    (page - 1) * limit,
    limit,
  );
  return {
    items: items.map((c) => ({
      id: c.id,
      name: c.name,
      town: c.town,
      province: c.province,
      sizeClass: c.sizeClass,
      verification: c.verification,
      filiere: c.filiere ?? [],
    })),
    total,
    page,
    limit,
  };
}

/** A company's public profile; members see who belongs, and the caller learns what they may do. */
export async function getCompany(db: Db | Tx, actor: Actor, id: string): Promise<CompanyView> {
  const c = await repo.findCompany(db, id);
  if (!c || c.verification === 'rejected') throw new AppError('NOT_FOUND', `No company with id "${id}"`);
  const userId = actor.kind === 'member' ? actor.userId : null;
  const admins = await repo.verifiedClaimants(db, id);
  const member = actor.kind === 'member' && actor.memberships.some((m) => m.organization === id);
  const claims = userId ? await repo.listClaims(db, { userId, organizationId: id }, 1) : [];
  const myClaim = claims[0] ?? null;
  const members = canSeeMembers(actor, id)
    ? (await repo.membersOf(db, id)).map((m) => ({
        name: m.name ?? '',
        admin: admins.includes(m.id),
        ...(member || (actor.kind === 'member' && actor.platformRole) ? { email: m.email ?? '' } : {}),
      }))
    : undefined;
  return {
    id: c.id,
    name: c.name,
    town: c.town,
    province: c.province,
    website: c.website,
    description: c.description ?? null,
    sectors: c.sectors ?? [],
    filiere: c.filiere ?? [],
    vatNumber: c.vatNumber,
    sizeClass: c.sizeClass,
    offers: c.offers ?? null,
    seeks: c.seeks ?? null,
    verification: c.verification,
    ...(members ? { members } : {}),
    can: {
      edit: canEditCompany(actor, id),
      invite: canInviteToCompany(actor, id, admins),
      claim: !!userId && !member && myClaim?.state !== 'pending',
    },
    myClaim: myClaim ? presentClaim(myClaim, false) : null,
  };
}

/** The person's claims, newest first. */
export async function myClaims(db: Db, actor: Actor) {
  const me = requirePerson(actor);
  return (await repo.listClaims(db, { userId: me.userId })).map((c) => presentClaim(c, false));
}

/** Claims for centres to review (pending by default, oldest first). */
export async function claimsToReview(db: Db, actor: Actor, state: 'pending' | 'verified' | 'rejected' = 'pending') {
  requirePerson(actor);
  if (!canReviewClaims(actor)) throw new AppError('FORBIDDEN', 'Only centre members verify companies');
  return (await repo.listClaims(db, { state })).map((c) => presentClaim(c, true));
}

/** Companies a person may submit requests for while a centre reviews their claim. */
export function pendingClaimCompanies(db: Db | Tx, userId: string) {
  return repo.pendingClaimCompanies(db, userId);
}

// ---- joining ----

/** A claim as the notifications module sees it: about a company, read within the network. */
const claimSubject = (claim: repo.ClaimRow, path: string): NotifySubject => ({
  kind: 'company-claim',
  id: claim.id,
  reference: claim.companyName,
  visibility: 'network',
  path,
});

async function tellReviewers(deps: CompanyDeps, tx: Tx, claim: repo.ClaimRow) {
  await notify(tx, deps.publicUrl, {
    subject: claimSubject(claim, '/imprese/verifiche'),
    event: { kind: 'company-claim-submitted', params: { company: claim.companyName, person: claim.personName ?? '' } },
    audience: await repo.nucleusMembers(tx),
    // The nucleus reviews claims (canReviewClaims); the claim is theirs to read.
    accessTo: () => true,
  });
}

/**
 * Registers a new company (kind `company` in the catalogue, with its profile) and the person's claim to act for it,
 * both awaiting a centre's verification. Every invalid field at once; a known VAT number is a conflict naming the
 * company to claim instead.
 */
export async function registerCompany(deps: CompanyDeps, ctx: Ctx, body: CompanyRegister) {
  const me = requirePerson(ctx.actor);
  const problems: FieldProblem[] = [];
  body = { ...body, sectors: atecoCodes(body.sectors)! };
  const name = body.name.trim();
  if (name.length < 2) problems.push({ pointer: '/body/name', message: 'must have at least 2 characters' });
  const vat = checkVatNumber(body.vatNumber, '/body/vatNumber');
  if ('problem' in vat) problems.push(vat.problem);
  const known = await repo.knownCodes(deps.db);
  problems.push(
    ...profileProblems(
      { province: body.province, website: trimmed(body.website), sectors: body.sectors, filiere: body.filiere },
      known,
    ),
  );
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The company has invalid fields', problems);
  const vatNumber = (vat as { value: string }).value;
  const existing = await repo.findCompanyByVat(deps.db, vatNumber);
  if (existing) {
    throw new AppError(
      'CONFLICT',
      `A company with this VAT number is already registered (${existing}): claim it instead`,
      [{ pointer: '/body/vatNumber', message: `is already registered: claim the company "${existing}" instead` }],
    );
  }
  let id = companyId(name, crypto.randomBytes(3).toString('hex'));
  while (await repo.organizationExists(deps.db, id)) id = companyId(name, crypto.randomBytes(3).toString('hex'));
  const claimId = await deps.db.transaction(async (tx) => {
    await repo.insertCompany(
      tx,
      {
        id,
        kind: 'company',
        name,
        province: body.province,
        town: trimmed(body.town),
        website: trimmed(body.website),
        description: localized(body.description),
        sectors: body.sectors,
        filiere: body.filiere?.length ? body.filiere : null,
      },
      {
        organizationId: id,
        vatNumber,
        sizeClass: body.sizeClass,
        offers: localized(body.offers),
        seeks: localized(body.seeks),
        verification: 'pending',
        createdBy: me.userId,
      },
    );
    const claim = await repo.insertClaim(tx, {
      userId: me.userId,
      organizationId: id,
      kind: 'register',
      note: trimmed(body.note),
    });
    await recordAudit(tx, me, {
      action: 'register-company',
      entityType: 'organization',
      entityId: id,
      organizationId: id,
      before: null,
      after: { name, vatNumber, province: body.province, sizeClass: body.sizeClass, sectors: body.sectors },
      requestId: ctx.requestId,
    });
    await tellReviewers(deps, tx, (await repo.findClaim(tx, claim.id))!);
    return claim.id;
  });
  await deps.onCatalogueChange?.();
  return {
    company: await getCompany(deps.db, me, id),
    claim: presentClaim((await repo.findClaim(deps.db, claimId))!, false),
  };
}

/** Claims to act for a company already known; a centre verifies it. 409 when already a member or already waiting. */
export async function claimCompany(deps: CompanyDeps, ctx: Ctx, id: string, body: { note?: string }) {
  const me = requirePerson(ctx.actor);
  const c = await repo.findCompany(deps.db, id);
  if (!c || c.verification === 'rejected') throw new AppError('NOT_FOUND', `No company with id "${id}"`);
  if (await repo.isMember(deps.db, me.userId, id)) throw new AppError('CONFLICT', 'You already belong to this company');
  if ((await repo.pendingClaimCompanies(deps.db, me.userId)).includes(id))
    throw new AppError('CONFLICT', 'Your claim on this company is already waiting for a centre');
  const claim = await deps.db.transaction(async (tx) => {
    const row = await repo.insertClaim(tx, {
      userId: me.userId,
      organizationId: id,
      kind: 'join',
      note: trimmed(body.note),
    });
    await recordAudit(tx, me, {
      action: 'claim-company',
      entityType: 'company-claim',
      entityId: row.id,
      organizationId: id,
      before: null,
      after: { company: id, note: row.note },
      requestId: ctx.requestId,
    });
    const full = (await repo.findClaim(tx, row.id))!;
    await tellReviewers(deps, tx, full);
    return full;
  });
  return presentClaim(claim, false);
}

/**
 * A centre decides a claim: verified (the person joins the company as its administrator; a newly registered company
 * becomes verified) or rejected with a reason (a newly registered company leaves the catalogue). The person is told
 * either way, in the app and by e-mail at once.
 */
export async function decideClaim(
  deps: CompanyDeps,
  ctx: Ctx,
  id: string,
  decision: 'verified' | 'rejected',
  reasonIn?: string,
) {
  const me = requirePerson(ctx.actor);
  if (!canReviewClaims(me)) throw new AppError('FORBIDDEN', 'Only centre members verify companies');
  const reason = trimmed(reasonIn);
  if (decision === 'rejected' && (!reason || reason.length < 10)) {
    throw new AppError('VALIDATION_FAILED', 'Say why the claim is rejected', [
      { pointer: '/body/reason', message: 'must have at least 10 characters: the person will read it' },
    ]);
  }
  if (!UUID.test(id)) throw new AppError('NOT_FOUND', `No claim with id "${id}"`);
  await deps.db.transaction(async (tx) => {
    const claim = await repo.findClaim(tx, id, true);
    if (!claim) throw new AppError('NOT_FOUND', `No claim with id "${id}"`);
    if (claim.state !== 'pending') throw new AppError('CONFLICT', `This claim was already ${claim.state}`);
    if (claim.userId === me.userId) throw new AppError('FORBIDDEN', 'Another person must review your own claim');
    await repo.decideClaim(tx, id, {
      state: decision,
      reviewerId: me.userId,
      reviewerOrganizationId: reviewerOrganization(me),
      reason: decision === 'rejected' ? reason : null,
    });
    if (decision === 'verified') {
      await repo.addCompanyMembership(tx, claim.userId, claim.organizationId);
      await repo.setVerification(tx, claim.organizationId, { verification: 'verified', verifiedBy: me.userId });
    } else if (claim.kind === 'register') {
      await repo.setVerification(tx, claim.organizationId, { verification: 'rejected', verifiedBy: me.userId });
      await repo.retireOrganization(tx, claim.organizationId);
    }
    await recordAudit(tx, me, {
      action: decision === 'verified' ? 'verify-claim' : 'reject-claim',
      entityType: 'company-claim',
      entityId: id,
      organizationId: claim.organizationId,
      before: { state: 'pending' },
      after: { state: decision, reason },
      requestId: ctx.requestId,
    });
    const person = await repo.person(tx, claim.userId);
    const params: Record<string, string> = { company: claim.companyName };
    if (reason && decision === 'rejected') params.reason = reason;
    if (person)
      await notify(tx, deps.publicUrl, {
        subject: claimSubject(
          claim,
          decision === 'verified' ? `/organizzazioni/${claim.organizationId}` : '/imprese/nuova',
        ),
        event: {
          kind: decision === 'verified' ? 'company-claim-verified' : 'company-claim-rejected',
          params,
          urgent: true,
        },
        audience: [person],
        // The decision is told to the person who claimed, alone.
        accessTo: (p) => p.id === claim.userId,
      });
  });
  await deps.onCatalogueChange?.();
  return presentClaim((await repo.findClaim(deps.db, id))!, true);
}

// ---- the profile and the people ----

/** Changes the profile (its members, administrators); `null` clears an optional text. Every invalid field at once. */
export async function updateCompany(deps: CompanyDeps, ctx: Ctx, id: string, patch: CompanyProfilePatch) {
  const me = requirePerson(ctx.actor);
  if (!canEditCompany(me, id)) throw new AppError('FORBIDDEN', "Only the company's members change its profile");
  patch = { ...patch, sectors: atecoCodes(patch.sectors) };
  const before = await repo.findCompany(deps.db, id);
  if (!before) throw new AppError('NOT_FOUND', `No company with id "${id}"`);
  const problems = profileProblems(
    { province: patch.province, website: trimmed(patch.website), sectors: patch.sectors, filiere: patch.filiere },
    await repo.knownCodes(deps.db),
  );
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The company has invalid fields', problems);
  const org: Record<string, unknown> = {};
  if (patch.description !== undefined) org.description = localized(patch.description);
  if (patch.website !== undefined) org.website = trimmed(patch.website);
  if (patch.town !== undefined) org.town = trimmed(patch.town);
  if (patch.province !== undefined) org.province = patch.province;
  if (patch.sectors !== undefined) org.sectors = patch.sectors;
  if (patch.filiere !== undefined) org.filiere = patch.filiere.length ? patch.filiere : null;
  const profile: Record<string, unknown> = {};
  if (patch.offers !== undefined) profile.offers = localized(patch.offers);
  if (patch.seeks !== undefined) profile.seeks = localized(patch.seeks);
  if (patch.sizeClass !== undefined) profile.sizeClass = patch.sizeClass;
  await deps.db.transaction(async (tx) => {
    await repo.updateCompany(tx, id, org, profile);
    const pick = (o: Record<string, unknown>) =>
      Object.fromEntries(Object.keys({ ...org, ...profile }).map((k) => [k, o[k] ?? null]));
    await recordAudit(tx, me, {
      action: 'update-company',
      entityType: 'organization',
      entityId: id,
      organizationId: id,
      before: pick(before as never),
      after: { ...org, ...profile },
      requestId: ctx.requestId,
    });
  });
  await deps.onCatalogueChange?.();
  return getCompany(deps.db, me, id);
}

/** A company's administrator invites a colleague by e-mail (the usual invitation link, role `company`). */
export async function inviteColleague(deps: CompanyDeps, ctx: Ctx, id: string, emailIn: string) {
  const me = requirePerson(ctx.actor);
  const admins = await repo.verifiedClaimants(deps.db, id);
  if (!canInviteToCompany(me, id, admins))
    throw new AppError('FORBIDDEN', "Only the company's administrators invite colleagues");
  const email = emailIn.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new AppError('VALIDATION_FAILED', 'Invalid e-mail', [
      { pointer: '/body/email', message: 'must be an e-mail address' },
    ]);
  if (!(await repo.findCompany(deps.db, id))) throw new AppError('NOT_FOUND', `No company with id "${id}"`);
  const sent = await sendInvitation(deps, me.userId, { email, organization: id, role: 'company' });
  await recordAudit(deps.db, me, {
    action: 'invite',
    entityType: 'membership',
    entityId: `${email}:${id}`,
    organizationId: id,
    before: null,
    after: { email, role: 'company' },
    requestId: ctx.requestId,
  });
  return sent;
}
