import type { GrantCreate, QualificationEdit, QualificationWrite } from '@clock/contracts';
import type { Db, Tx } from '../../db/client.ts';
import type { Actor, Member } from '../../core/actor.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import { formatInstant, localDay } from '../../core/calendar.ts';
import { recordAudit } from '../identity/identity.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import * as repo from './bookings.repo.ts';
import * as qualRepo from './qualifications.repo.ts';
import { requireMember, requireStaff, type Ctx } from './policy.service.ts';

/**
 * Qualifications an instrument may require, kept by the centre that owns them: granted to a person with a validity
 * date, revoked with a reason. Attending a course will grant them too (the dissemination module, later).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const today = (now: Date) => localDay(now.getTime());

async function qualificationOr404(db: Db, id: string) {
  const q = UUID.test(id) ? await qualRepo.findQualification(db, id) : null;
  if (!q) throw new AppError('NOT_FOUND', `No qualification with id "${id}"`);
  return q;
}

async function presentAll(db: Db, actor: Actor, rows: qualRepo.QualificationRow[], now: Date) {
  const uses = await qualRepo.equipmentRequiring(
    db,
    rows.map((r) => r.id),
  );
  const held =
    actor.kind === 'member' && actor.userId
      ? new Set(
          (await qualRepo.grants(db, { userId: actor.userId }))
            .filter((g) => validGrant(g, now))
            .map((g) => g.qualificationId),
        )
      : new Set<string>();
  return rows.map((q) => ({
    id: q.id,
    organization: q.organizationId,
    name: q.name,
    description: q.description,
    howToObtain: q.howToObtain,
    validityMonths: q.validityMonths,
    equipment: uses.filter((u) => u.qualificationId === q.id).map((u) => u.equipmentId),
    held: held.has(q.id),
  }));
}
const validGrant = (g: qualRepo.GrantRow, now: Date) => !g.revokedAt && (!g.validUntil || g.validUntil >= today(now));

export async function listQualifications(db: Db, actor: Actor, q: { organization?: string }, now: Date) {
  return { items: await presentAll(db, actor, await qualRepo.listQualifications(db, q.organization), now) };
}
export async function getQualification(db: Db, actor: Actor, id: string, now: Date) {
  return (await presentAll(db, actor, [await qualificationOr404(db, id)], now))[0]!;
}

export async function createQualification(db: Db, ctx: Ctx, body: QualificationWrite, now: Date) {
  requireMember(ctx.actor);
  if (!(await repo.organizationFacts(db, [body.organization])).length)
    throw new AppError('VALIDATION_FAILED', 'The qualification has invalid fields', [
      { pointer: '/body/organization', message: `no organisation with id "${body.organization}"` },
    ]);
  const actor = requireStaff(ctx.actor, body.organization);
  const q = await db.transaction(async (tx) => {
    const row = await qualRepo.insertQualification(tx, {
      organizationId: body.organization,
      name: body.name,
      description: body.description ?? null,
      howToObtain: body.howToObtain ?? null,
      validityMonths: body.validityMonths ?? null,
    });
    await recordAudit(tx, actor, {
      action: 'qualification-create',
      entityType: 'qualification',
      entityId: row.id,
      organizationId: body.organization,
      before: null,
      after: body,
      requestId: ctx.requestId,
    });
    return row;
  });
  return getQualification(db, actor, q.id, now);
}

export async function editQualification(db: Db, ctx: Ctx, id: string, body: QualificationEdit, now: Date) {
  const q = await qualificationOr404(db, id);
  const actor = requireStaff(ctx.actor, q.organizationId);
  await db.transaction(async (tx) => {
    const set = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    await qualRepo.updateQualification(tx, id, set);
    await recordAudit(tx, actor, {
      action: 'qualification-update',
      entityType: 'qualification',
      entityId: id,
      organizationId: q.organizationId,
      before: Object.fromEntries(Object.keys(set).map((k) => [k, q[k as keyof typeof q]])),
      after: set,
      requestId: ctx.requestId,
    });
  });
  return getQualification(db, actor, id, now);
}

function presentGrant(g: qualRepo.GrantRow, now: Date, showEmail: boolean) {
  return {
    id: g.id,
    qualification: g.qualificationId,
    user: { id: g.userId, name: g.userName ?? '', email: showEmail ? g.userEmail : null },
    source: g.source,
    grantedAt: formatInstant(g.grantedAt.getTime()),
    grantedBy: g.grantedBy,
    validUntil: g.validUntil,
    revokedAt: g.revokedAt ? formatInstant(g.revokedAt.getTime()) : null,
    revokeReason: g.revokeReason,
    valid: validGrant(g, now),
  };
}

export async function listGrants(db: Db, actor: Actor, id: string, now: Date) {
  const q = await qualificationOr404(db, id);
  requireStaff(actor, q.organizationId);
  return { items: (await qualRepo.grants(db, { qualificationId: id })).map((g) => presentGrant(g, now, true)) };
}
export async function myGrants(db: Db, actor: Actor, now: Date) {
  const m = requireMember(actor);
  if (!m.userId) return { items: [] };
  return { items: (await qualRepo.grants(db, { userId: m.userId })).map((g) => presentGrant(g, now, true)) };
}

const addMonths = (day: string, months: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

export async function grantQualification(
  db: Db,
  publicUrl: string,
  ctx: Ctx,
  id: string,
  body: GrantCreate,
  now: Date,
) {
  const q = await qualificationOr404(db, id);
  const actor = requireStaff(ctx.actor, q.organizationId);
  const problems: FieldProblem[] = [];
  let userId: string | null = null;
  if (body.user && body.email)
    problems.push({ pointer: '/body/email', message: 'give the person by id or by e-mail, not both' });
  else if (body.user) {
    if (UUID.test(body.user) && (await qualRepo.userExists(db, body.user))) userId = body.user;
    else problems.push({ pointer: '/body/user', message: `no person with id "${body.user}"` });
  } else if (body.email) {
    userId = (await qualRepo.findUserByEmail(db, body.email))?.id ?? null;
    if (!userId) problems.push({ pointer: '/body/email', message: 'no account with this e-mail address' });
  } else problems.push({ pointer: '/body/user', message: 'name the person (user or email)' });
  if (body.validUntil && body.validUntil < today(now))
    problems.push({ pointer: '/body/validUntil', message: 'must not be in the past' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The grant has invalid fields', problems);
  const validUntil = body.validUntil ?? (q.validityMonths ? addMonths(today(now), q.validityMonths) : null);
  const grantId = await db.transaction((tx) =>
    writeGrant(
      tx,
      publicUrl,
      actor,
      q,
      { userId: userId!, source: 'manual', note: body.note ?? null, validUntil },
      now,
      ctx.requestId,
    ),
  );
  return presentGrant((await qualRepo.grants(db, { id: grantId }))[0]!, now, true);
}

/** Writes a grant, its audit entry and the person's notification, in the caller's transaction. */
async function writeGrant(
  tx: Tx,
  publicUrl: string,
  actor: Member,
  q: qualRepo.QualificationRow,
  g: { userId: string; source: 'manual' | 'event'; eventId?: string; note: string | null; validUntil: string | null },
  now: Date,
  requestId?: string,
) {
  const gid = await qualRepo.insertGrant(tx, {
    qualificationId: q.id,
    userId: g.userId,
    grantedBy: actor.userId,
    source: g.source,
    eventId: g.eventId ?? null,
    note: g.note,
    grantedAt: now,
    validUntil: g.validUntil,
  });
  await recordAudit(tx, actor, {
    action: 'qualification-grant',
    entityType: 'qualification-grant',
    entityId: gid,
    organizationId: q.organizationId,
    before: null,
    after: {
      qualification: q.id,
      user: g.userId,
      validUntil: g.validUntil,
      ...(g.eventId ? { event: g.eventId } : {}),
    },
    requestId,
  });
  await notify(tx, publicUrl, {
    subject: qualificationSubject(q, '/prenotazioni'),
    event: {
      kind: 'qualification-granted',
      params: {
        qualification: q.name.it ?? q.name.en ?? '',
        qualificationEn: q.name.en ?? q.name.it ?? '',
        ...(g.validUntil ? { validUntil: g.validUntil } : {}),
      },
    },
    audience: await repo.recipientsById(tx, [g.userId]),
    accessTo: () => true,
  });
  return gid;
}

/** A qualification as the subject of a notification: known to the network, referred to by its name. */
function qualificationSubject(q: { id: string; name: { it?: string; en?: string } }, path: string) {
  return {
    kind: 'qualification',
    id: q.id,
    reference: q.name.it ?? q.name.en ?? q.id,
    visibility: 'network' as const,
    path,
  };
}

export async function revokeGrant(db: Db, ctx: Ctx, grantId: string, reason: string, now: Date) {
  const g = UUID.test(grantId) ? (await qualRepo.grants(db, { id: grantId }))[0] : undefined;
  if (!g) throw new AppError('NOT_FOUND', `No qualification grant with id "${grantId}"`);
  const q = (await qualRepo.findQualification(db, g.qualificationId))!;
  const actor = requireStaff(ctx.actor, q.organizationId);
  if (g.revokedAt) throw new AppError('CONFLICT', 'The grant is already revoked');
  await db.transaction(async (tx) => {
    await qualRepo.revokeGrant(tx, grantId, actor.userId, reason.trim());
    await recordAudit(tx, actor, {
      action: 'qualification-revoke',
      entityType: 'qualification-grant',
      entityId: grantId,
      organizationId: q.organizationId,
      before: { validUntil: g.validUntil, revokedAt: null },
      after: { revokedAt: now.toISOString(), reason },
      requestId: ctx.requestId,
    });
  });
  return presentGrant((await qualRepo.grants(db, { id: grantId }))[0]!, now, true);
}

/** A person asks the qualification's centre for the training; its staff are told (in the app and by e-mail). */
export async function requestTraining(db: Db, publicUrl: string, ctx: Ctx, id: string, message: string | undefined) {
  const q = await qualificationOr404(db, id);
  const actor = requireMember(ctx.actor);
  if (!actor.userId) throw new AppError('FORBIDDEN', 'Training is asked for by people, not by API tokens');
  const [me] = await repo.recipientsById(db, [actor.userId]);
  return db.transaction(async (tx) => {
    const notified = await notify(tx, publicUrl, {
      subject: qualificationSubject(q, '/prenotazioni/centro'),
      event: {
        kind: 'qualification-training-request',
        params: {
          qualification: q.name.it ?? q.name.en ?? '',
          qualificationEn: q.name.en ?? q.name.it ?? '',
          person: `${(await repo.userName(tx, actor.userId!)) ?? ''} <${me?.email ?? ''}>`,
          ...(message?.trim() ? { message: message.trim() } : {}),
        },
      },
      // The owning centre's staff: those who grant it.
      audience: await repo.staffOf(tx, q.organizationId),
      accessTo: () => true,
      except: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'qualification-training-request',
      entityType: 'qualification',
      entityId: id,
      organizationId: q.organizationId,
      before: null,
      after: { message: message ?? null },
      requestId: ctx.requestId,
    });
    return { notified };
  });
}

/**
 * Attending an event that grants a qualification (the events module calls this when attendance is recorded): one
 * grant per person and event, source `event`, valid for the qualification's months, audited and told to the person,
 * in the caller's transaction. Returns the grant's id, or null when the person already holds one from this event.
 */
export async function grantForAttendance(
  tx: Tx,
  publicUrl: string,
  actor: Member,
  g: { qualificationId: string; userId: string; eventId: string; eventTitle: string },
  now: Date,
): Promise<string | null> {
  const q = await qualRepo.findQualification(tx, g.qualificationId);
  if (!q) return null;
  const existing = await qualRepo.grants(tx, { qualificationId: q.id, userId: g.userId });
  if (existing.some((x) => x.eventId === g.eventId && !x.revokedAt)) return null;
  const validUntil = q.validityMonths ? addMonths(today(now), q.validityMonths) : null;
  return writeGrant(
    tx,
    publicUrl,
    actor,
    q,
    { userId: g.userId, source: 'event', eventId: g.eventId, note: g.eventTitle.slice(0, 1000), validUntil },
    now,
  );
}
