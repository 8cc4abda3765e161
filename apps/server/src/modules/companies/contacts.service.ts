import type { OrganizationContact, RecordContact } from '@clock/contracts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import { canWriteRecord } from '../identity/identity.policy.ts';
import { recordAudit } from '../identity/identity.service.ts';
import { getOffer, getOrganization } from '../catalogue/catalogue.service.ts';
import * as repo from './contacts.repo.ts';
import { contactProblems } from './companies.rules.ts';

export interface Ctx {
  actor: Actor;
  requestId?: string;
}
type OfferType = 'competence' | 'service' | 'equipment';
const clean = (s: string | null | undefined) => (s === undefined || s === null ? null : s.trim() || null);

function requireMember(actor: Actor) {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in to change contact details');
  return actor;
}

/** How to reach an organisation (public: organisations publish these to be reached). Empty fields are null. */
export async function organizationContact(db: Db, actor: Actor, id: string) {
  await getOrganization(db, actor, id);
  const c = await repo.getContact(db, id);
  return { email: c?.email ?? null, phone: c?.phone ?? null, address: c?.address ?? null, pec: c?.pec ?? null };
}

/** Replaces an organisation's contact details (whoever may change its profile). Every invalid field at once. */
export async function setOrganizationContact(db: Db, ctx: Ctx, id: string, body: OrganizationContact) {
  const actor = requireMember(ctx.actor);
  if (!canWriteRecord(actor, 'update', 'organization', id))
    throw new AppError('FORBIDDEN', `You may not change the contact details of ${id}`);
  const before = await organizationContact(db, actor, id);
  const problems = contactProblems(body);
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The contact details have invalid fields', problems);
  const next = {
    email: clean(body.email)?.toLowerCase() ?? null,
    phone: clean(body.phone),
    address: clean(body.address),
    pec: clean(body.pec)?.toLowerCase() ?? null,
  };
  await db.transaction(async (tx) => {
    await repo.putContact(tx, id, next);
    await recordAudit(tx, actor, {
      action: 'update-contact',
      entityType: 'organization',
      entityId: id,
      organizationId: id,
      before,
      after: next,
      requestId: ctx.requestId,
    });
  });
  return next;
}

/** The named contact person of a record, or null (there is one only with the person's recorded consent). */
export async function recordContact(db: Db, actor: Actor, type: OfferType, id: string) {
  await getOffer(db, actor, type, id);
  const c = await repo.getRecordContact(db, type, id);
  return c
    ? { name: c.name, role: c.role, email: c.email, phone: c.phone, consentAt: c.consentAt.toISOString() }
    : null;
}

/**
 * Names a contact person for a record (its organisation's editors). The person's consent to be shown is required and
 * recorded with its date; `DELETE` removes the contact.
 */
export async function setRecordContact(db: Db, ctx: Ctx, type: OfferType, id: string, body: RecordContact | null) {
  const actor = requireMember(ctx.actor);
  const record = await getOffer(db, actor, type, id);
  if (!canWriteRecord(actor, 'update', type, record.organization))
    throw new AppError('FORBIDDEN', `You may not change records of ${record.organization}`);
  const before = await recordContact(db, actor, type, id);
  if (body) {
    const problems = contactProblems(body);
    if (body.name.trim().length < 2)
      problems.push({ pointer: '/body/name', message: 'must have at least 2 characters' });
    if (body.consent !== true)
      problems.push({ pointer: '/body/consent', message: 'the person must agree to be shown as the contact' });
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The contact has invalid fields', problems);
  }
  await db.transaction(async (tx) => {
    if (body) {
      await repo.putRecordContact(tx, {
        recordType: type,
        recordId: id,
        name: body.name.trim(),
        role: clean(body.role),
        email: clean(body.email)?.toLowerCase() ?? null,
        phone: clean(body.phone),
        consentAt: new Date(),
      });
    } else {
      await repo.deleteRecordContact(tx, type, id);
    }
    await recordAudit(tx, actor, {
      action: body ? 'update-contact' : 'remove-contact',
      entityType: type,
      entityId: id,
      organizationId: record.organization,
      before,
      after: body ? { ...body, consent: true } : null,
      requestId: ctx.requestId,
    });
  });
  return recordContact(db, actor, type, id);
}
