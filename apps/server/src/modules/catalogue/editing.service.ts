import crypto from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../core/actor.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { OfferType } from '../../db/schema/index.ts';
import {
  canAddOrganizations,
  canManageOrganizations,
  canReadHistory,
  canWriteRecord,
  type RecordKind,
} from '../identity/identity.policy.ts';
import { historyOf, recordAudit } from '../identity/identity.service.ts';
import * as repo from './catalogue.repo.ts';
import {
  COLLECTION_TYPE,
  expertFromRow,
  expertToRow,
  offerFromRow,
  offerToRow,
  organizationFromRow,
  organizationToRow,
  recordWriteProblems,
  validateBundleRecord,
  type Collection,
} from './bundle.rules.ts';
import { presentExpert, presentOffer, presentOrganization } from './catalogue.presenter.ts';

type Json = Record<string, unknown>;
export interface EditContext {
  actor: Actor;
  requestId?: string;
}

/** The root of the current S3 strategy in the s3 taxonomy; the 2014-2020 one (ris3-2014-2020) is history. */
export const CURRENT_S3 = 's3-2021-2027';

const OFFER_TYPES: Record<string, OfferType> = {
  competences: 'competence',
  services: 'service',
  equipment: 'equipment',
};

function requireMember(actor: Actor) {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in to change the catalogue');
  return actor;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

async function load(db: Db, collection: Collection, id: string) {
  if (collection === 'organizations') {
    const r = await repo.findOrganizationAnyState(db, id);
    return r
      ? { row: r, record: organizationFromRow(r) as unknown as Json, organization: r.id, retired: !!r.retiredAt }
      : null;
  }
  if (collection === 'experts') {
    const r = await repo.findExpertAnyState(db, id);
    return r
      ? { row: r, record: expertFromRow(r) as unknown as Json, organization: r.organizationId, retired: !!r.retiredAt }
      : null;
  }
  const r = await repo.findOfferAnyState(db, OFFER_TYPES[collection]!, id);
  return r
    ? { row: r, record: offerFromRow(r) as unknown as Json, organization: r.organizationId, retired: !!r.retiredAt }
    : null;
}

/** The bundle schema's problems and the API's own rules (lengths, codes from the taxonomies), all at once. */
async function problemsOf(db: Db, collection: Collection, record: Json, previous?: Json) {
  const problems = validateBundleRecord(collection, record, '/body');
  const terms = await repo.listTaxonomyTerms(db);
  const byKey = new Map(terms.map((t) => [`${t.scheme}\u0000${t.code}`, t]));
  const parents = new Set(terms.map((t) => t.parentCode).filter(Boolean));
  const rootOf = (code: string) => {
    let t = byKey.get(`s3\u0000${code}`);
    for (let i = 0; t?.parentCode && i < 10; i++) t = byKey.get(`s3\u0000${t.parentCode}`);
    return t?.code;
  };
  const known = (scheme: string, code: string) => byKey.has(`${scheme}\u0000${code}`);
  // New S3 tags take a priority or an area of the current strategy, never a heading of it.
  const currentS3 = (code: string) => rootOf(code) === CURRENT_S3 && !parents.has(code);
  const seen = new Set(problems.map((p) => p.pointer));
  return [
    ...problems,
    ...recordWriteProblems(collection, record, '/body', known, currentS3, previous).filter((p) => !seen.has(p.pointer)),
  ];
}

async function write(tx: Parameters<Parameters<Db['transaction']>[0]>[0], collection: Collection, record: Json) {
  if (collection === 'organizations') await repo.upsertOrganizations(tx, [organizationToRow(record as never)]);
  else if (collection === 'experts') await repo.upsertExperts(tx, [expertToRow(record as never)]);
  else await repo.upsertOffers(tx, [offerToRow(OFFER_TYPES[collection]!, record as never)]);
}

async function present(db: Db, collection: Collection, id: string) {
  const loaded = await load(db, collection, id);
  if (!loaded) throw notFound(COLLECTION_TYPE[collection], id);
  if (collection === 'organizations') return presentOrganization(loaded.row as never);
  if (collection === 'experts') return presentExpert(loaded.row as never);
  return presentOffer(loaded.row as never);
}

/**
 * Creates a record from its bundle shape. `id` may be left out (one is made from the title); `organization` may be left
 * out by someone who belongs to exactly one. Throws 401, 400 (every invalid field), 403, 409.
 */
export async function createRecord(db: Db, ctx: EditContext, collection: Collection, body: Json) {
  const actor = requireMember(ctx.actor);
  const kind = COLLECTION_TYPE[collection] as RecordKind;
  const record: Json = { ...body };
  if (collection === 'organizations') {
    if (!canAddOrganizations(actor))
      throw new AppError('FORBIDDEN', 'Only platform administrators and Region officers add organisations');
  } else if (record.organization === undefined && actor.memberships.length === 1) {
    record.organization = actor.memberships[0]!.organization;
  }
  if (record.id === undefined) {
    const title = (record.title as { it?: string; en?: string } | undefined) ?? {};
    const base = slug(String(record.name ?? title.it ?? title.en ?? kind)) || kind;
    record.id =
      `${collection === 'organizations' ? '' : `${String(record.organization ?? '')}-`}${base}-${crypto.randomBytes(3).toString('hex')}`
        .replace(/^-/, '')
        .slice(0, 100);
  }
  const problems = await problemsOf(db, collection, record);
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The record has invalid fields', problems);
  const organization = collection === 'organizations' ? String(record.id) : String(record.organization);
  if (collection !== 'organizations') {
    if (!canWriteRecord(actor, 'create', kind, organization))
      throw new AppError('FORBIDDEN', `You may not add records to ${organization}`);
    if (!(await repo.getOrganization(db, organization)))
      throw new AppError('VALIDATION_FAILED', 'Unknown organisation', [
        { pointer: '/body/organization', message: `unknown organisation "${organization}"` },
      ]);
  }
  const existing = await load(db, collection, String(record.id));
  if (existing)
    throw new AppError(
      'CONFLICT',
      `A ${kind} with id "${record.id}" already exists${existing.retired ? ' (retired)' : ''}`,
      [{ pointer: '/body/id', message: 'is already taken' }],
    );
  await db.transaction(async (tx) => {
    await write(tx, collection, record);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: kind,
      entityId: String(record.id),
      organizationId: organization,
      before: null,
      after: record,
      requestId: ctx.requestId,
    });
  });
  return present(db, collection, String(record.id));
}

/**
 * Changes some fields of a record (`null` removes an optional field). The whole result is validated as a bundle
 * record. Moving a record to another organisation needs the right on both. Throws 401, 404, 403, 400.
 */
export async function updateRecord(db: Db, ctx: EditContext, collection: Collection, id: string, patch: Json) {
  const actor = requireMember(ctx.actor);
  const kind = COLLECTION_TYPE[collection] as RecordKind;
  const existing = await load(db, collection, id);
  if (!existing || existing.retired) throw notFound(kind, id);
  if (!canWriteRecord(actor, 'update', kind, existing.organization))
    throw new AppError('FORBIDDEN', `You may not change records of ${existing.organization}`);
  const merged: Json = { ...existing.record };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete merged[k];
    else merged[k] = v;
  }
  const problems = await problemsOf(db, collection, merged, existing.record);
  if (patch.id !== undefined && patch.id !== id) problems.push({ pointer: '/body/id', message: 'cannot be changed' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The record has invalid fields', problems);
  if (collection !== 'organizations' && merged.organization !== existing.organization) {
    const target = String(merged.organization);
    if (!canWriteRecord(actor, 'create', kind, target))
      throw new AppError('FORBIDDEN', `You may not move records to ${target}`);
    if (!(await repo.getOrganization(db, target)))
      throw new AppError('VALIDATION_FAILED', 'Unknown organisation', [
        { pointer: '/body/organization', message: `unknown organisation "${target}"` },
      ]);
  }
  await db.transaction(async (tx) => {
    await write(tx, collection, merged);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: kind,
      entityId: id,
      organizationId: existing.organization,
      before: existing.record,
      after: merged,
      requestId: ctx.requestId,
    });
  });
  return present(db, collection, id);
}

/** Retires a record: it leaves the catalogue, its history stays. Throws 401, 404, 403. */
export async function retireRecord(db: Db, ctx: EditContext, collection: Collection, id: string) {
  const actor = requireMember(ctx.actor);
  const kind = COLLECTION_TYPE[collection] as RecordKind;
  const existing = await load(db, collection, id);
  if (!existing || existing.retired) throw notFound(kind, id);
  const allowed =
    collection === 'organizations'
      ? canManageOrganizations(actor)
      : canWriteRecord(actor, 'retire', kind, existing.organization);
  if (!allowed) throw new AppError('FORBIDDEN', `You may not retire records of ${existing.organization}`);
  await db.transaction(async (tx) => {
    if (collection === 'organizations') await repo.retireOrganization(tx, id);
    else if (collection === 'experts') await repo.retireExpert(tx, id);
    else await repo.retireOffer(tx, OFFER_TYPES[collection]!, id);
    await recordAudit(tx, actor, {
      action: 'retire',
      entityType: kind,
      entityId: id,
      organizationId: existing.organization,
      before: existing.record,
      after: null,
      requestId: ctx.requestId,
    });
  });
}

/** The audit trail of one record, for its organisation's members, region officers and admins. */
export async function recordHistory(db: Db, actor: Actor, collection: Collection, id: string) {
  const kind = COLLECTION_TYPE[collection] as RecordKind;
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in to see the history');
  const existing = await load(db, collection, id);
  if (!existing) throw notFound(kind, id);
  if (!canReadHistory(actor, existing.organization))
    throw new AppError('FORBIDDEN', "Only the organisation's members see its history");
  const rows = await historyOf(db, kind, id);
  return rows.map((r) => ({
    at: r.at.toISOString(),
    action: r.action,
    actor: r.actorUserId ?? (r.actorTokenId ? `token:${r.actorTokenId}` : null),
    // A deleted account's name is erased: its changes stay, anonymous.
    actorName: r.actorName ?? (r.actorTokenId ? 'API token' : null),
    before: r.before ?? null,
    after: r.after ?? null,
  }));
}
