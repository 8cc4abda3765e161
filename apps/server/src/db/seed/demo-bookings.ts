import fs from 'node:fs';
import path from 'node:path';
import type { Tx } from '../client.ts';
import type { LocalizedText, UserCategoryValue, TariffUnitValue } from '../schema/index.ts';
import { addDays, localDay, startOfDay, zonedTime } from '../../core/calendar.ts';
import * as bookingsRepo from '../../modules/bookings/bookings.repo.ts';
import * as policyRepo from '../../modules/bookings/policy.repo.ts';
import * as qualRepo from '../../modules/bookings/qualifications.repo.ts';
import { canBook } from '../../modules/bookings/bookings.rules.ts';
import { loadCalendars, policyOf } from '../../modules/bookings/bookings.service.ts';
import { priceQuote, userCategory } from '../../modules/bookings/tariffs.rules.ts';

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
  bookings: {
    equipment: string;
    email: string;
    inDays: number;
    start: string;
    minutes: number;
    purpose: string;
    samples?: number;
    state?: 'requested';
  }[];
}

const CENTRES = ['lucense', 'asev', 'cosvig', 'cptm', 'navigo', 'tls'];
const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Equipment sharing in the demo network (demo/bookings.json): for each centre a self-service instrument, one with
 * manual approval and one that needs a qualification (NAVIGO, which has no laboratory, offers visits to its MOSE
 * demonstrator), opening hours, tariffs for every category, the summer and Christmas closures of this year and the
 * next, qualifications granted to some demo people, and bookings in the coming weeks — each one checked by the
 * booking rule and moved to the next day the rule accepts. Runs inside the demo's transaction; loads once.
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
        startDate: '2026-01-01',
        startMinute: minuteOf(r.startTime),
        minutes: r.minutes,
        assisted: r.assisted,
      })),
    );
    await policyRepo.replaceTariffs(
      tx,
      id,
      new Date(now.getTime() - 86_400_000),
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
  for (const y of [year, year + 1])
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

  const policies = await bookingsRepo.policiesOf(tx, Object.keys(file.equipment));
  const tariffs = await policyRepo.tariffsOf(tx, Object.keys(file.equipment), true);
  for (const b of file.bookings) {
    const row = policies.find((p) => p.equipmentId === b.equipment);
    const user = await qualRepo.findUserByEmail(tx, b.email);
    if (!row || !user) continue;
    const orgId = (await bookingsRepo.membershipsOf(tx, user.id))[0] ?? null;
    const [org] = orgId ? await bookingsRepo.organizationFacts(tx, [orgId]) : [];
    const policy = policyOf(row);
    // The first day from `inDays` on that the rule accepts (weekends, holidays and closures move it on).
    for (let shift = 0; shift < 14; shift++) {
      const day = addDays(today, b.inDays + shift);
      const x = { start: zonedTime(day, minuteOf(b.start)), end: zonedTime(day, minuteOf(b.start) + b.minutes) };
      const cal = (await loadCalendars(tx, [row], x.start, x.end)).get(row.equipmentId)!;
      const verdict = canBook(policy, cal, { qualified: true }, x, now.getTime());
      if (!verdict.ok) continue;
      const category = userCategory(row.organizationId, org ?? null);
      const price = priceQuote(
        tariffs
          .filter((t) => t.equipmentId === row.equipmentId)
          .map((t) => ({ ...t, validFrom: t.validFrom.getTime(), validTo: t.validTo?.getTime() ?? null })),
        category,
        b.minutes,
        b.samples,
        now.getTime(),
      );
      const state = b.state ?? (policy.approval === 'automatic' ? 'confirmed' : 'requested');
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
        expiresAt: state === 'requested' ? new Date(Math.min(now.getTime() + 336 * 3_600_000, x.start)) : null,
        decidedAt: state === 'confirmed' ? now : null,
        createdAt: now,
      });
      await bookingsRepo.insertEvent(tx, {
        bookingId: id,
        at: now,
        actorUserId: user.id,
        kind: 'booked',
        toState: state,
      });
      break;
    }
  }
}
