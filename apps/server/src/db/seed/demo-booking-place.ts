import type { Tx } from '../client.ts';
import { addDays, zonedTime } from '../../core/calendar.ts';
import * as bookingsRepo from '../../modules/bookings/bookings.repo.ts';
import * as policyRepo from '../../modules/bookings/policy.repo.ts';
import * as qualRepo from '../../modules/bookings/qualifications.repo.ts';
import { canBook } from '../../modules/bookings/bookings.rules.ts';
import { loadCalendars, policyOf } from '../../modules/bookings/bookings.service.ts';
import { priceQuote, userCategory } from '../../modules/bookings/tariffs.rules.ts';

/** A demo booking: who books which instrument, at what time of day, for how long and why. */
export interface DemoBooking {
  equipment: string;
  email: string;
  start: string;
  minutes: number;
  purpose: string;
  samples?: number;
}

const DAY = 86_400_000;
export const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

type PolicyRow = Awaited<ReturnType<typeof bookingsRepo.policiesOf>>[number];
type TariffRow = Awaited<ReturnType<typeof policyRepo.tariffsOf>>[number];

/** The demo's instruments with their policies and tariffs, read once. */
export async function bookingContext(tx: Tx, equipment: string[]) {
  return {
    policies: await bookingsRepo.policiesOf(tx, equipment),
    tariffs: await policyRepo.tariffsOf(tx, equipment, true),
  };
}

/**
 * Places a demo booking on the first day from `firstDay` on (for two weeks) that the booking rule accepts when booked
 * at `bookedAt(start)` (weekends, holidays, closures and bookings already there move it on), with the price the
 * tariffs give the booker's category then. `finish` says what happened after: still requested or confirmed (coming
 * bookings), or used as booked (`completed`, the history). Returns the booking's id, or null when no day fits.
 */
export async function placeDemoBooking(
  tx: Tx,
  ctx: { policies: PolicyRow[]; tariffs: TariffRow[] },
  b: DemoBooking,
  firstDay: string,
  bookedAt: (start: number) => number,
  finish: { state: 'requested' | 'confirmed' | 'auto' | 'completed'; before?: number },
): Promise<string | null> {
  const row = ctx.policies.find((p) => p.equipmentId === b.equipment);
  const user = await qualRepo.findUserByEmail(tx, b.email);
  if (!row || !user) return null;
  const orgId = (await bookingsRepo.membershipsOf(tx, user.id))[0] ?? null;
  const [org] = orgId ? await bookingsRepo.organizationFacts(tx, [orgId]) : [];
  const policy = policyOf(row);
  for (let shift = 0; shift < 14; shift++) {
    const day = addDays(firstDay, shift);
    const x = { start: zonedTime(day, minuteOf(b.start)), end: zonedTime(day, minuteOf(b.start) + b.minutes) };
    if (finish.before !== undefined && x.end > finish.before) return null;
    const at = bookedAt(x.start);
    const cal = (await loadCalendars(tx, [row], x.start, x.end)).get(row.equipmentId)!;
    const verdict = canBook(policy, cal, { qualified: true }, x, at);
    if (!verdict.ok) continue;
    const category = userCategory(row.organizationId, org ?? null);
    const price = priceQuote(
      ctx.tariffs
        .filter((t) => t.equipmentId === row.equipmentId)
        .map((t) => ({ ...t, validFrom: t.validFrom.getTime(), validTo: t.validTo?.getTime() ?? null })),
      category,
      b.minutes,
      b.samples,
      at,
    );
    const manual = policy.approval === 'manual';
    const booked = finish.state === 'requested' || (finish.state !== 'confirmed' && manual) ? 'requested' : 'confirmed';
    const state = finish.state === 'completed' ? 'completed' : booked;
    // A manual request of the history was approved the next working morning.
    const decidedAt = state === 'requested' ? null : manual ? Math.min(at + DAY, x.start) : at;
    const id = await bookingsRepo.insertBooking(tx, {
      equipmentId: row.equipmentId,
      ownerOrganizationId: row.organizationId,
      bookerUserId: user.id,
      bookerOrganizationId: org?.id ?? null,
      userCategory: category,
      start: x.start,
      end: x.end,
      blockedStart: x.start - policy.bufferBeforeMinutes * 60_000,
      blockedEnd: x.end + policy.bufferAfterMinutes * 60_000,
      state,
      assisted: verdict.assisted,
      purpose: b.purpose,
      samples: b.samples ?? null,
      quote: price as Record<string, unknown> | null,
      tariffId: price?.tariff ?? null,
      amountCents: price?.amountCents ?? null,
      expiresAt: state === 'requested' ? new Date(Math.min(at + 336 * 3_600_000, x.start)) : null,
      decidedAt: decidedAt === null ? null : new Date(decidedAt),
      actualStart: state === 'completed' ? new Date(x.start) : null,
      actualEnd: state === 'completed' ? new Date(x.end) : null,
      createdAt: new Date(at),
    });
    const event = (when: number, kind: string, fromState: string | null, toState: string, actor: string | null) =>
      bookingsRepo.insertEvent(tx, { bookingId: id, at: new Date(when), actorUserId: actor, kind, fromState, toState });
    await event(at, 'booked', null, booked, user.id);
    if (state === 'completed') {
      // The centre's staff approved (manual instruments) and recorded the use at the end.
      if (manual) await event(decidedAt!, 'approved', 'requested', 'confirmed', null);
      await event(x.end, 'used', 'confirmed', 'completed', null);
    }
    return id;
  }
  return null;
}
