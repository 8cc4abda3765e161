import type { BookingAction } from '@clock/contracts';
import type { Ctx } from './policy.service.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import { formatInstant, parseInstant } from '../../core/calendar.ts';
import { recordAudit } from '../identity/identity.service.ts';
import * as repo from './bookings.repo.ts';
import type { Interval } from './intervals.rules.ts';
import { isStaff, stateAllows, stepFor } from './lifecycle.rules.ts';
import { DEFAULT_POLICY, equipmentOr404, requireMember, requireStaff } from './policy.service.ts';
import { tellBooking } from './bookings.notify.service.ts';
import {
  auditView,
  facts,
  getBooking,
  isExclusionViolation,
  retryingDeadlocks,
  nowOf,
  slotTaken,
  visible,
  type BookingDeps,
} from './bookings.service.ts';

/**
 * What happens to a booking after it is made: the steps of the life-cycle table (approve, decline, cancel, record
 * use, no-show), maintenance blocks, and the periodic expiry of unanswered requests and reminders.
 */

/** A maintenance block: the instrument's centre takes it out of use (no double booking here either). */
export function createBlock(
  deps: BookingDeps,
  ctx: Ctx,
  id: string,
  body: { start: string; end: string; reason: string },
) {
  return retryingDeadlocks(() => blockOnce(deps, ctx, id, body));
}

async function blockOnce(
  deps: BookingDeps,
  ctx: Ctx,
  id: string,
  body: { start: string; end: string; reason: string },
) {
  const e = await equipmentOr404(deps.db, id);
  const actor = requireStaff(ctx.actor, e.organizationId);
  const problems: FieldProblem[] = [];
  const start = parseInstant(body.start, 'start'),
    end = parseInstant(body.end, 'end');
  if (start === null)
    problems.push({ pointer: '/body/start', message: 'must be an ISO 8601 date-time with offset, or a date' });
  if (end === null)
    problems.push({ pointer: '/body/end', message: 'must be an ISO 8601 date-time with offset, or a date' });
  if (start !== null && end !== null && end <= start)
    problems.push({ pointer: '/body/end', message: 'must be after start' });
  if (start !== null && end !== null && end - start > 400 * 86_400_000)
    problems.push({ pointer: '/body/end', message: 'a block lasts at most 400 days' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The block has invalid fields', problems);
  const now = nowOf(deps);
  let bookingId: string;
  try {
    bookingId = await deps.db.transaction(async (tx) => {
      if (!(await repo.policiesOf(tx, [id])).length)
        await repo.upsertPolicy(tx, { ...DEFAULT_POLICY, equipmentId: id, organizationId: e.organizationId });
      await repo.queueForInstrument(tx, id);
      const bid = await repo.insertBooking(tx, {
        equipmentId: id,
        ownerOrganizationId: e.organizationId,
        bookerUserId: actor.userId,
        bookerOrganizationId: null,
        userCategory: null,
        start: start!,
        end: end!,
        blockedStart: start!,
        blockedEnd: end!,
        state: 'blocked',
        purpose: body.reason.trim(),
        createdAt: now,
      });
      await repo.insertEvent(tx, {
        bookingId: bid,
        at: now,
        actorUserId: actor.userId,
        kind: 'blocked',
        toState: 'blocked',
        message: body.reason,
      });
      await recordAudit(tx, actor, {
        action: 'booking-block',
        entityType: 'booking',
        entityId: bid,
        organizationId: e.organizationId,
        before: null,
        after: { equipment: id, start: formatInstant(start!), end: formatInstant(end!), reason: body.reason },
        requestId: ctx.requestId,
      });
      return bid;
    });
  } catch (err) {
    if (isExclusionViolation(err)) throw slotTaken();
    throw err;
  }
  return getBooking(deps, actor, bookingId);
}

// ---- the life cycle ----

const EVENT_OF: Record<BookingAction, string> = {
  approve: 'approved',
  decline: 'declined',
  cancel: 'cancelled',
  'record-use': 'used',
  'no-show': 'no-show',
};
const NOTICE_OF: Partial<Record<BookingAction, string>> = {
  approve: 'booking-confirmed',
  decline: 'booking-declined',
  cancel: 'booking-cancelled',
};

export interface ActionBody {
  message?: string;
  reason?: string;
  note?: string;
  actualStart?: string;
  actualEnd?: string;
}

/** Takes one step of the life cycle table: 404 invisible, 409 the state does not allow it, 403 not this person. */
export async function act(deps: BookingDeps, ctx: Ctx, id: string, action: BookingAction, body: ActionBody) {
  const actor = requireMember(ctx.actor);
  const now = nowOf(deps);
  const problems: FieldProblem[] = [];
  let actual: Interval | null = null;
  if (action === 'record-use') {
    const s = parseInstant(body.actualStart ?? ''),
      e = parseInstant(body.actualEnd ?? '');
    if (s === null)
      problems.push({ pointer: '/body/actualStart', message: 'must be an ISO 8601 date-time with offset' });
    if (e === null) problems.push({ pointer: '/body/actualEnd', message: 'must be an ISO 8601 date-time with offset' });
    if (s !== null && e !== null && e <= s)
      problems.push({ pointer: '/body/actualEnd', message: 'must be after actualStart' });
    if (s !== null && e !== null && e - s > 31 * 86_400_000)
      problems.push({ pointer: '/body/actualEnd', message: 'at most 31 days after actualStart' });
    if (!problems.length) actual = { start: s!, end: e! };
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The request has invalid fields', problems);
  await deps.db.transaction(async (tx) => {
    const r = await visible(tx, actor, id, true);
    const f = facts(r);
    const step = stepFor(action, actor, f, now.getTime());
    if (!step) {
      if (!stateAllows(action, f, now.getTime()))
        throw new AppError('CONFLICT', `A ${r.state} booking cannot be ${EVENT_OF[action]} now`);
      throw new AppError('FORBIDDEN', 'You may not do this on this booking');
    }
    if (action === 'approve' && r.expiresAt && r.expiresAt.getTime() <= now.getTime())
      throw new AppError('CONFLICT', 'The request expired before it was answered');
    const message = body.reason?.trim() || body.message?.trim() || body.note?.trim() || null;
    await repo.updateBooking(tx, r.id, {
      state: step.to,
      ...(action === 'approve' || action === 'decline'
        ? { decidedBy: actor.userId, decidedAt: now, expiresAt: null }
        : {}),
      ...(action === 'decline' || action === 'cancel' ? { reason: message } : {}),
      ...(actual ? { actualStart: new Date(actual.start), actualEnd: new Date(actual.end) } : {}),
    });
    await repo.insertEvent(tx, {
      bookingId: r.id,
      at: now,
      actorUserId: actor.userId,
      kind: EVENT_OF[action],
      fromState: r.state,
      toState: step.to,
      message,
    });
    const after = (await repo.findBooking(tx, r.id))!;
    await recordAudit(tx, actor, {
      action: `booking-${action}`,
      entityType: 'booking',
      entityId: r.id,
      organizationId: r.ownerOrganizationId,
      before: auditView(r),
      after: { ...auditView(after), reason: after.reason },
      requestId: ctx.requestId,
    });
    const notice = NOTICE_OF[action];
    if (notice && r.state !== 'blocked') {
      await tellBooking(tx, deps.publicUrl, after, notice, 'booker', actor.userId);
      if (action === 'cancel' && isStaff(actor, r.ownerOrganizationId) === false)
        await tellBooking(tx, deps.publicUrl, after, notice, 'staff', actor.userId);
    }
  });
  return getBooking(deps, actor, id);
}

// ---- periodic work ----

/** Pending requests nobody answered in time expire (their slot is freed); the booker is told. */
export async function expirePending(deps: BookingDeps): Promise<number> {
  const now = nowOf(deps);
  const due = await repo.expiredRequests(deps.db, now);
  for (const { id } of due) {
    await deps.db.transaction(async (tx) => {
      const r = await repo.findBooking(tx, id, true);
      if (r?.state !== 'requested' || !r.expiresAt || r.expiresAt > now) return;
      await repo.updateBooking(tx, id, { state: 'expired' });
      await repo.insertEvent(tx, {
        bookingId: id,
        at: now,
        kind: 'expired',
        fromState: 'requested',
        toState: 'expired',
      });
      await recordAudit(
        tx,
        { kind: 'operator', label: 'booking expiry' },
        {
          action: 'booking-expire',
          entityType: 'booking',
          entityId: id,
          organizationId: r.ownerOrganizationId,
          before: auditView(r),
          after: { ...auditView(r), state: 'expired' },
        },
      );
      await tellBooking(tx, deps.publicUrl, { ...r, state: 'expired' }, 'booking-expired', 'booker');
    });
  }
  return due.length;
}

/** Confirmed bookings starting within a day get one reminder each. */
export async function sendReminders(deps: BookingDeps): Promise<number> {
  const now = nowOf(deps);
  const due = await repo.dueReminders(deps.db, now, new Date(now.getTime() + 86_400_000));
  for (const { id } of due) {
    await deps.db.transaction(async (tx) => {
      const r = await repo.findBooking(tx, id, true);
      if (r?.state !== 'confirmed') return;
      await repo.markReminded(tx, id, now);
      await tellBooking(tx, deps.publicUrl, r, 'booking-reminder', 'booker');
    });
  }
  return due.length;
}
