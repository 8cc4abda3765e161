import fs from 'node:fs';
import path from 'node:path';
import type { Tx } from '../client.ts';
import type { LocalizedText, UserCategoryValue, TariffUnitValue } from '../schema/index.ts';
import { addDays, localDay, startOfDay } from '../../core/calendar.ts';
import * as bookingsRepo from '../../modules/bookings/bookings.repo.ts';
import * as policyRepo from '../../modules/bookings/policy.repo.ts';
import * as qualRepo from '../../modules/bookings/qualifications.repo.ts';
import { bookingContext, minuteOf, placeDemoBooking, type DemoBooking } from './demo-booking-place.ts';

interface DemoPolicy {
  approval: 'automatic' | 'manual';
  slotMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
  leadHours: number;
  horizonDays?: number;
  assistedOnly?: boolean;
  qualification?: string;
}
interface DemoBookings {
  qualifications: Record<
    string,
    { organization: string; name: LocalizedText; howToObtain: LocalizedText; validityMonths: number }
  >;
  equipment: Record<
    string,
    {
      policy: DemoPolicy;
      rules: { rrule: string; startTime: string; minutes: number; assisted: boolean }[];
      tariffs: Record<string, Partial<Record<TariffUnitValue, number>>>;
    }
  >;
  closures: { organizations: 'all' | string[]; from: string; to: string; reason: LocalizedText }[];
  grants: { qualification: string; email: string }[];
  bookings: (DemoBooking & { inDays: number; state?: 'requested' })[];
  /** Completed bookings of the last two years: each repeated every `everyDays` from `offsetDays` into the history. */
  history: (DemoBooking & { everyDays: number; offsetDays: number })[];
}

const CENTRES = ['lucense', 'asev', 'cosvig', 'cptm', 'navigo', 'tls'];
/** How far back the demo's completed bookings go (the opening hours and tariffs hold from a month before). */
const HISTORY_DAYS = 730;

/**
 * Equipment sharing in the demo network (demo/bookings.json): for each centre a self-service instrument, one with
 * manual approval and one that needs a qualification (NAVIGO, which has no laboratory, offers visits to its MOSE
 * demonstrator), opening hours, tariffs for every category, the summer and Christmas closures of this year and the
 * next (and of the two years before), qualifications granted to some demo people, bookings in the coming weeks and
 * two years of completed bookings by the companies that use the instruments regularly — each one checked by the
 * booking rule (as of when it was booked) and moved to the next day the rule accepts. Runs inside the demo's transaction; loads once.
 */
export async function seedDemoBookings(tx: Tx, demoDir: string, now = new Date()) {
  const file = JSON.parse(fs.readFileSync(path.join(demoDir, 'bookings.json'), 'utf8')) as DemoBookings;
  const equipment = await bookingsRepo.findEquipment(tx, Object.keys(file.equipment));
  if (
    !equipment.length ||
    (
      await bookingsRepo.policiesOf(
        tx,
        equipment.map((e) => e.id),
      )
    ).length
  )
    return;
  const today = localDay(now.getTime());
  const since = addDays(today, -HISTORY_DAYS - 30);

  const qualificationIds = new Map<string, string>();
  for (const [key, q] of Object.entries(file.qualifications)) {
    const row = await qualRepo.insertQualification(tx, {
      organizationId: q.organization,
      name: q.name,
      howToObtain: q.howToObtain,
      validityMonths: q.validityMonths,
    });
    qualificationIds.set(key, row.id);
  }
  const byId = new Map(equipment.map((e) => [e.id, e]));
  for (const [id, e] of Object.entries(file.equipment)) {
    const owner = byId.get(id);
    if (!owner) continue;
    const p = e.policy;
    await bookingsRepo.upsertPolicy(tx, {
      equipmentId: id,
      organizationId: owner.organizationId,
      bookable: true,
      approval: p.approval,
      slotMinutes: p.slotMinutes,
      minMinutes: p.minMinutes,
      maxMinutes: p.maxMinutes,
      bufferBeforeMinutes: p.bufferBeforeMinutes ?? 0,
      bufferAfterMinutes: p.bufferAfterMinutes ?? 0,
      leadHours: p.leadHours,
      horizonDays: p.horizonDays ?? 120,
      assistedOnly: p.assistedOnly ?? false,
      qualificationId: p.qualification ? qualificationIds.get(p.qualification)! : null,
      // Demo requests wait for the centre for two weeks (or until they start).
      pendingExpiryHours: 336,
    });
    await policyRepo.replaceOpeningRules(
      tx,
      id,
      e.rules.map((r) => ({
        rrule: r.rrule,
        startDate: since,
        startMinute: minuteOf(r.startTime),
        minutes: r.minutes,
        assisted: r.assisted,
      })),
    );
    await policyRepo.replaceTariffs(
      tx,
      id,
      new Date(`${since}T00:00:00Z`),
      Object.entries(e.tariffs).flatMap(([category, units]) =>
        Object.entries(units).map(([unit, amountCents]) => ({
          category: category as UserCategoryValue,
          unit: unit as TariffUnitValue,
          amountCents: amountCents!,
        })),
      ),
    );
  }

  const year = Number(today.slice(0, 4));
  for (const y of [year - 2, year - 1, year, year + 1])
    for (const c of file.closures) {
      const from = `${y}-${c.from}`;
      const to = c.to < c.from ? `${y + 1}-${c.to}` : `${y}-${c.to}`;
      for (const org of c.organizations === 'all' ? CENTRES : c.organizations)
        await policyRepo.insertClosure(tx, {
          organizationId: org,
          equipmentId: null,
          start: startOfDay(from),
          end: startOfDay(addDays(to, 1)),
          reason: c.reason,
          createdBy: null,
        });
    }

  for (const g of file.grants) {
    const user = await qualRepo.findUserByEmail(tx, g.email);
    const q = file.qualifications[g.qualification]!;
    if (!user) continue;
    const until = new Date(`${today}T00:00:00Z`);
    until.setUTCMonth(until.getUTCMonth() + q.validityMonths);
    await qualRepo.insertGrant(tx, {
      qualificationId: qualificationIds.get(g.qualification)!,
      userId: user.id,
      source: 'manual',
      grantedAt: now,
      validUntil: until.toISOString().slice(0, 10),
    });
  }

  const ctx = await bookingContext(tx, Object.keys(file.equipment));
  for (const b of file.bookings)
    await placeDemoBooking(tx, ctx, b, addDays(today, b.inDays), () => now.getTime(), { state: b.state ?? 'auto' });

  // Two years of history: the regular users came back every few weeks, booked ten days ahead and used what they booked.
  const day = 86_400_000;
  for (const h of file.history)
    for (let ago = HISTORY_DAYS - h.offsetDays; ago > 1; ago -= h.everyDays)
      await placeDemoBooking(tx, ctx, h, addDays(today, -ago), (start) => start - 10 * day, {
        state: 'completed',
        before: now.getTime() - day,
      });
}
