import type { Booking, BookingCreate, BookingRefusal, PriceQuote } from '@clock/contracts';
import type { Db, Tx } from '../../db/client.ts';
import type { Actor, Member } from '../../core/actor.ts';
import { AppError, mergeProblems, type FieldProblem } from '../../core/errors.ts';
import { formatInstant, localDay, parseInstant } from '../../core/calendar.ts';
import { recordAudit } from '../identity/identity.service.ts';
import * as repo from './bookings.repo.ts';
import * as qualRepo from './qualifications.repo.ts';
import * as policyRepo from './policy.repo.ts';
import { canBook, problemOf, type Policy } from './bookings.rules.ts';
import { buildCalendar, calendarRangeFor, type InstrumentCalendar } from './calendar.rules.ts';
import type { Interval } from './intervals.rules.ts';
import { allowedActions, bookingRef, canSee, type BookingFacts } from './lifecycle.rules.ts';
import { priceQuote, userCategory, type TariffFacts } from './tariffs.rules.ts';
import { DEFAULT_POLICY, requireMember, type Ctx } from './policy.service.ts';
import { tellBooking } from './bookings.notify.service.ts';

export interface BookingDeps {
  db: Db;
  publicUrl: string;
  /** The clock (tests and benchmarks move it). */
  now?: () => Date;
}
export const nowOf = (deps: { now?: () => Date }) => (deps.now ? deps.now() : new Date());
const DAY_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---- the facts the one rule reads ----

export function policyOf(row: repo.PolicyRow | undefined): Policy {
  if (!row) return { ...DEFAULT_POLICY };
  return {
    bookable: row.bookable,
    approval: row.approval,
    slotMinutes: row.slotMinutes,
    minMinutes: row.minMinutes,
    maxMinutes: row.maxMinutes,
    bufferBeforeMinutes: row.bufferBeforeMinutes,
    bufferAfterMinutes: row.bufferAfterMinutes,
    leadHours: row.leadHours,
    horizonDays: row.horizonDays,
    assistedOnly: row.assistedOnly,
    qualificationId: row.qualificationId,
    pendingExpiryHours: row.pendingExpiryHours,
  };
}

/**
 * The calendars of several instruments over [from, to): opening rules, closures (their centre's and their own),
 * national holidays, maintenance blocks and other active bookings (`except` one, when re-judging it).
 */
export async function loadCalendars(
  db: Db | Tx,
  policies: repo.PolicyRow[],
  from: number,
  to: number,
  except?: string,
): Promise<Map<string, InstrumentCalendar>> {
  const ids = policies.map((p) => p.equipmentId);
  const pad = calendarRangeFor({ start: from, end: to });
  const [rules, closures, active] = await Promise.all([
    policyRepo.openingRulesOf(db, ids),
    policyRepo.closuresFor(db, {
      organizations: [...new Set(policies.map((p) => p.organizationId))],
      equipment: ids,
      from: pad.from,
      to: pad.to,
    }),
    // Other bookings matter only as far as a buffer reaches (at most a day).
    repo.activeBlocked(db, ids, from - DAY_MS, to + DAY_MS),
  ]);
  const group = <T>(rows: T[], key: (r: T) => string | null) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const k = key(r);
      if (k === null) continue;
      if (!m.has(k)) m.set(k, []);
      m.get(k)!.push(r);
    }
    return m;
  };
  const rulesOf = group(rules, (r) => r.equipmentId);
  const activeOf = group(
    active.filter((a) => a.id !== except),
    (a) => a.equipmentId,
  );
  const ownClosures = group(closures, (c) => c.equipmentId);
  const centreClosures = group(closures, (c) => (c.equipmentId === null ? c.organizationId : null));
  const out = new Map<string, InstrumentCalendar>();
  for (const p of policies) {
    const id = p.equipmentId;
    const mine = activeOf.get(id) ?? [];
    out.set(
      id,
      buildCalendar(
        {
          rules: rulesOf.get(id) ?? [],
          closures: [...(ownClosures.get(id) ?? []), ...(centreClosures.get(p.organizationId) ?? [])],
          blocks: mine.filter((a) => a.state === 'blocked'),
          busy: mine.filter((a) => a.state !== 'blocked'),
        },
        from,
        to,
      ),
    );
  }
  return out;
}

/** Whether the person holds the qualification the policy requires, through the day the interval ends. */
export async function qualifiedFor(db: Db | Tx, actor: Actor, policy: Policy, x: Interval) {
  if (!policy.qualificationId) return true;
  if (actor.kind !== 'member' || !actor.userId) return false;
  return qualRepo.holdsQualification(db, actor.userId, policy.qualificationId, localDay(x.end - 1));
}

const tariffFacts = (rows: policyRepo.TariffRow[]): TariffFacts[] =>
  rows.map((t) => ({
    id: t.id,
    category: t.category,
    unit: t.unit,
    amountCents: t.amountCents,
    validFrom: t.validFrom.getTime(),
    validTo: t.validTo?.getTime() ?? null,
  }));

/** The organisation a person books for: the one named (theirs), their only one, or none (themselves). */
async function bookingOrganization(db: Db | Tx, actor: Member, named: string | undefined, problems: FieldProblem[]) {
  const mine = [...new Set(actor.memberships.map((m) => m.organization))];
  const id = named ?? (mine.length === 1 ? mine[0] : undefined);
  if (named && !mine.includes(named)) {
    problems.push({
      pointer: '/body/organization',
      message: 'you may book only for yourself or an organisation you belong to',
    });
    return null;
  }
  if (!id) return null;
  const [org] = await repo.organizationFacts(db, [id]);
  return org ?? null;
}

/** The refusal of a rule as the API answers it (409 slot-taken / slot-unavailable, 403 qualification-required). */
async function refuse(db: Db | Tx, reason: BookingRefusal, policy: Policy): Promise<never> {
  const code = problemOf(reason);
  if (code === 'VALIDATION_FAILED')
    throw new AppError('VALIDATION_FAILED', 'The booking has invalid fields', [
      { pointer: '/body/end', message: 'must be after start' },
    ]);
  if (code === 'QUALIFICATION_REQUIRED') {
    const q = await qualRepo.findQualification(db, policy.qualificationId!);
    throw new AppError(
      'QUALIFICATION_REQUIRED',
      'Using this instrument needs a qualification you do not hold; ask its centre for the training',
      [],
      {
        reason,
        qualification: q && { id: q.id, organization: q.organizationId, name: q.name, howToObtain: q.howToObtain },
        training: q ? `/api/v1/qualifications/${q.id}/training-requests` : undefined,
      },
    );
  }
  const detail: Record<string, string> = {
    taken: 'Someone else has booked this time (or its set-up and cleaning time)',
    'not-bookable': 'This instrument is not bookable on the platform',
    'in-past': 'The time is in the past',
    'lead-time': 'The booking starts too soon: the instrument must be booked further ahead',
    'beyond-horizon': 'The booking is too far ahead',
    'not-aligned': 'Start and end must fall on the slot grid',
    'too-short': 'The booking is shorter than the minimum',
    'too-long': 'The booking is longer than the maximum',
    closed: 'The instrument is closed at that time (opening hours, holiday or closure)',
    blocked: 'The instrument is out of use at that time (maintenance)',
  };
  throw new AppError(code, detail[reason] ?? reason, [], { reason });
}

/** Whether an error is PostgreSQL's exclusion violation (SQLSTATE 23P01), however the driver wraps it. */
export function sqlState(e: unknown): string | null {
  for (let x = e as { code?: string; cause?: unknown } | undefined, i = 0; x && i < 5; x = x.cause as typeof x, i++)
    if (typeof x.code === 'string' && /^[0-9A-Z]{5}$/.test(x.code)) return x.code;
  return null;
}
export const isExclusionViolation = (e: unknown) => sqlState(e) === '23P01';

/**
 * Runs a write again when PostgreSQL gave up on it for a reason a retry solves: two inserts into the exclusion
 * constraint that each wait for the other end in a deadlock (40P01) — each saw the other's uncommitted row; on the
 * next attempt one of them is committed and the rule or the constraint answers slot-taken.
 */
export async function retryingDeadlocks<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const state = sqlState(e);
      if (attempt >= 5 || (state !== '40P01' && state !== '40001')) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}
export const slotTaken = () =>
  new AppError('SLOT_TAKEN', 'Someone else has booked this time (or its set-up and cleaning time)', [], {
    reason: 'taken',
  });

// ---- presenting ----

export function present(
  actor: Actor,
  r: repo.BookingRow,
  now: number,
  events?: Awaited<ReturnType<typeof repo.eventsOf>>,
): Booking {
  return {
    id: r.id,
    ref: bookingRef(r.number),
    equipment: { id: r.equipmentId, title: r.equipmentTitle, organization: r.ownerOrganizationId },
    start: formatInstant(r.start),
    end: formatInstant(r.end),
    state: r.state,
    assisted: r.assisted,
    purpose: r.purpose,
    booker: r.bookerUserId ? { id: r.bookerUserId, name: r.bookerName ?? '' } : null,
    organization: r.bookerOrganizationId ? { id: r.bookerOrganizationId, name: r.bookerOrganizationName ?? '' } : null,
    category: r.userCategory,
    price: (r.quote as PriceQuote | null) ?? null,
    samples: r.samples,
    expiresAt: r.expiresAt ? formatInstant(r.expiresAt.getTime()) : null,
    decidedBy: r.decidedBy ? { id: r.decidedBy, name: r.decidedByName ?? '' } : null,
    reason: r.reason,
    actualStart: r.actualStart ? formatInstant(r.actualStart.getTime()) : null,
    actualEnd: r.actualEnd ? formatInstant(r.actualEnd.getTime()) : null,
    createdAt: formatInstant(r.createdAt.getTime()),
    ...(events
      ? {
          timeline: events.map((e) => ({
            at: formatInstant(e.at.getTime()),
            kind: e.kind,
            from: e.fromState,
            to: e.toState,
            message: e.message,
            actorName: e.actorName,
          })),
        }
      : {}),
    allowedActions: allowedActions(actor, facts(r), now),
  };
}
export const facts = (r: repo.BookingRow): BookingFacts => ({
  state: r.state,
  bookerUserId: r.bookerUserId,
  bookerOrganizationId: r.bookerOrganizationId,
  ownerOrganizationId: r.ownerOrganizationId,
  start: r.start,
  end: r.end,
});

export async function visible(db: Db | Tx, actor: Actor, id: string, lock = false) {
  const r = UUID.test(id) ? await repo.findBooking(db, id, lock) : null;
  if (!r || !canSee(actor, facts(r))) throw new AppError('NOT_FOUND', `No booking with id "${id}"`);
  return r;
}

export async function getBooking(deps: BookingDeps, actor: Actor, id: string) {
  const r = await visible(deps.db, actor, id);
  return present(actor, r, nowOf(deps).getTime(), await repo.eventsOf(deps.db, r.id));
}

export async function listBookings(
  deps: BookingDeps,
  actor: Actor,
  q: {
    scope?: 'mine' | 'centre';
    state?: string;
    equipment?: string;
    from?: string;
    to?: string;
    page?: number;
    limit?: number;
  },
) {
  const m = requireMember(actor);
  const problems: FieldProblem[] = [];
  const from = q.from === undefined ? undefined : parseInstant(q.from, 'start');
  const to = q.to === undefined ? undefined : parseInstant(q.to, 'end');
  if (from === null)
    problems.push({ pointer: '/query/from', message: 'must be an ISO 8601 date-time with offset, or a date' });
  if (to === null)
    problems.push({ pointer: '/query/to', message: 'must be an ISO 8601 date-time with offset, or a date' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The query has invalid fields', problems);
  const page = q.page ?? 1,
    limit = q.limit ?? 50;
  const centres = m.memberships.filter((x) => x.role !== 'company').map((x) => x.organization);
  const filter: repo.BookingFilter =
    q.scope === 'centre'
      ? m.platformRole
        ? { all: true }
        : { owners: centres }
      : { mine: { userId: m.userId, organizations: m.memberships.map((x) => x.organization) } };
  const { rows, total } = await repo.listBookings(
    deps.db,
    { ...filter, state: q.state, equipment: q.equipment, from: from ?? undefined, to: to ?? undefined },
    { offset: (page - 1) * limit, limit },
  );
  const now = nowOf(deps).getTime();
  return { items: rows.filter((r) => canSee(m, facts(r))).map((r) => present(m, r, now)), total, page, limit };
}

// ---- booking ----

interface Judged {
  policy: Policy;
  row: repo.PolicyRow;
  interval: Interval;
  org: Awaited<ReturnType<typeof bookingOrganization>>;
  samples?: number;
}

/** Checks a booking's input (every field at once) and reads the instrument's policy. */
async function readBooking(
  db: Db,
  actor: Member,
  body: Partial<BookingCreate>,
  schemaProblems: FieldProblem[],
  at: 'body' | 'query',
): Promise<Judged> {
  const problems: FieldProblem[] = [];
  const start = body.start === undefined ? undefined : parseInstant(body.start);
  const end = body.end === undefined ? undefined : parseInstant(body.end);
  if (start === null) problems.push({ pointer: `/${at}/start`, message: 'must be an ISO 8601 date-time with offset' });
  if (end === null) problems.push({ pointer: `/${at}/end`, message: 'must be an ISO 8601 date-time with offset' });
  if (typeof start === 'number' && typeof end === 'number' && end <= start)
    problems.push({ pointer: `/${at}/end`, message: 'must be after start' });
  let row: repo.PolicyRow | undefined;
  if (body.equipment !== undefined) {
    const [e] = await repo.findEquipment(db, [body.equipment]);
    if (!e) problems.push({ pointer: `/${at}/equipment`, message: `no equipment with id "${body.equipment}"` });
    else row = (await repo.policiesOf(db, [e.id]))[0];
  }
  const orgProblems: FieldProblem[] = [];
  const org = await bookingOrganization(db, actor, body.organization, orgProblems);
  problems.push(...orgProblems.map((p) => ({ ...p, pointer: p.pointer.replace('/body', `/${at}`) })));
  const all = mergeProblems(problems, schemaProblems);
  if (all.length) throw new AppError('VALIDATION_FAILED', 'The booking has invalid fields', all);
  if (!row)
    throw new AppError('SLOT_UNAVAILABLE', 'This instrument is not bookable on the platform', [], {
      reason: 'not-bookable',
    });
  return { policy: policyOf(row), row, interval: { start: start!, end: end! }, org, samples: body.samples };
}

async function judge(db: Db | Tx, actor: Member, j: Judged, now: number, except?: string) {
  const cal = (await loadCalendars(db, [j.row], j.interval.start, j.interval.end, except)).get(j.row.equipmentId)!;
  const person = { qualified: await qualifiedFor(db, actor, j.policy, j.interval) };
  const verdict = canBook(j.policy, cal, person, j.interval, now);
  const category = userCategory(j.row.organizationId, j.org);
  const tariffs = tariffFacts(await policyRepo.tariffsOf(db, [j.row.equipmentId], true));
  const price = priceQuote(tariffs, category, (j.interval.end - j.interval.start) / 60_000, j.samples, now);
  return { verdict, category, price };
}

/** What booking this interval would do for the caller: allowed or why not, the category and the price. */
export async function quote(
  deps: BookingDeps,
  actor: Actor,
  id: string,
  q: { start: string; end: string; organization?: string; samples?: number },
) {
  const m = requireMember(actor);
  const j = await readBooking(deps.db, m, { ...q, equipment: id }, [], 'query').catch((e) => {
    if (e instanceof AppError && e.code === 'SLOT_UNAVAILABLE') return null;
    throw e;
  });
  if (!j)
    return { ok: false, reason: 'not-bookable' as const, approval: 'manual' as const, category: null, price: null };
  const { verdict, category, price } = await judge(deps.db, m, j, nowOf(deps).getTime());
  return { ok: verdict.ok, reason: verdict.ok ? null : verdict.reason, approval: j.policy.approval, category, price };
}

/**
 * A signed-in person books an instrument for themselves or their organisation. The one rule judges the interval;
 * the database's exclusion constraint has the last word on overlaps (two people racing for one slot: one wins, the
 * other gets 409 slot-taken). The category and the price quote are frozen on the booking.
 */
export function createBooking(deps: BookingDeps, ctx: Ctx, body: BookingCreate, schemaProblems: FieldProblem[] = []) {
  return retryingDeadlocks(() => bookOnce(deps, ctx, body, schemaProblems));
}

async function bookOnce(deps: BookingDeps, ctx: Ctx, body: BookingCreate, schemaProblems: FieldProblem[]) {
  const actor = requireMember(ctx.actor);
  if (!actor.userId) throw new AppError('FORBIDDEN', 'Bookings are made by people, not by API tokens');
  const j = await readBooking(deps.db, actor, body, schemaProblems, 'body');
  const now = nowOf(deps);
  const { verdict, category, price } = await judge(deps.db, actor, j, now.getTime());
  if (!verdict.ok) return refuse(deps.db, verdict.reason, j.policy);
  const p = j.policy;
  const state = p.approval === 'automatic' ? ('confirmed' as const) : ('requested' as const);
  const expiresAt =
    state === 'requested'
      ? new Date(Math.min(now.getTime() + p.pendingExpiryHours * 3_600_000, j.interval.start))
      : null;
  let id: string;
  try {
    id = await deps.db.transaction(async (tx) => {
      await repo.queueForInstrument(tx, j.row.equipmentId);
      const bookingId = await repo.insertBooking(tx, {
        equipmentId: j.row.equipmentId,
        ownerOrganizationId: j.row.organizationId,
        bookerUserId: actor.userId,
        bookerOrganizationId: j.org?.id ?? null,
        userCategory: category,
        start: j.interval.start,
        end: j.interval.end,
        blockedStart: j.interval.start - p.bufferBeforeMinutes * 60_000,
        blockedEnd: j.interval.end + p.bufferAfterMinutes * 60_000,
        state,
        assisted: verdict.assisted,
        purpose: body.purpose.trim(),
        samples: body.samples ?? null,
        quote: price as Record<string, unknown> | null,
        tariffId: price?.tariff ?? null,
        amountCents: price?.amountCents ?? null,
        expiresAt,
        decidedAt: state === 'confirmed' ? now : null,
        createdAt: now,
      });
      await repo.insertEvent(tx, { bookingId, at: now, actorUserId: actor.userId, kind: 'booked', toState: state });
      const r = (await repo.findBooking(tx, bookingId))!;
      await recordAudit(tx, actor, {
        action: 'booking-create',
        entityType: 'booking',
        entityId: bookingId,
        organizationId: j.row.organizationId,
        before: null,
        after: auditView(r),
        requestId: ctx.requestId,
      });
      await tellBooking(
        tx,
        deps.publicUrl,
        r,
        state === 'confirmed' ? 'booking-confirmed' : 'booking-received',
        'booker',
      );
      if (state === 'requested') await tellBooking(tx, deps.publicUrl, r, 'booking-requested', 'staff', actor.userId);
      return bookingId;
    });
  } catch (e) {
    if (isExclusionViolation(e)) throw slotTaken();
    throw e;
  }
  return getBooking(deps, actor, id);
}

export const auditView = (r: repo.BookingRow) => ({
  ref: bookingRef(r.number),
  equipment: r.equipmentId,
  start: formatInstant(r.start),
  end: formatInstant(r.end),
  state: r.state,
  organization: r.bookerOrganizationId,
  category: r.userCategory,
  amountCents: r.amountCents,
});
