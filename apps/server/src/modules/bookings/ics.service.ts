import crypto from 'node:crypto';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Actor, Member } from '../../core/actor.ts';
import { recordAudit } from '../identity/identity.service.ts';
import { AppError } from '../../core/errors.ts';
import { ZONE } from '../../core/calendar.ts';
import { hostOf as host, withTimezone } from '../../core/icalendar.ts';
import * as repo from './bookings.repo.ts';
import * as policyRepo from './policy.repo.ts';
import { holidays } from './calendar.rules.ts';
import { bookingRef } from './lifecycle.rules.ts';
import { nowOf, type BookingDeps } from './bookings.service.ts';
import { equipmentOr404, requireMember } from './policy.service.ts';

/**
 * iCalendar feeds (RFC 5545, made by ical-generator): an instrument's public calendar of busy and closed times, with
 * nothing personal in it, and each person's private feed of their own bookings. UIDs are stable (the row's id),
 * SEQUENCE rises with every change of a booking, and times carry TZID=Europe/Rome with its VTIMEZONE.
 */

const DAY = 86_400_000;
const local = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE });
const utc = (ms: number) => DateTime.fromMillis(ms, { zone: 'utc' });

/** The public calendar of an instrument: busy (bookings) and closed (maintenance, closures, holidays) times. */
export async function equipmentCalendar(deps: BookingDeps, id: string): Promise<string> {
  const e = await equipmentOr404(deps.db, id);
  const now = nowOf(deps).getTime();
  const from = now - 31 * DAY,
    to = now + 366 * DAY;
  const domain = host(deps.publicUrl);
  const cal = ical({ name: e.title.it ?? e.title.en ?? id, prodId: { company: 'CL.O.C.K.', product: 'bookings' } });
  const [active, closures] = await Promise.all([
    repo.activeBlocked(deps.db, [id], from, to),
    policyRepo.closuresFor(deps.db, {
      organizations: [e.organizationId],
      equipment: [id],
      from,
      to,
      wholeCentreOnly: false,
    }),
  ]);
  const stamp = utc(now);
  const rows = await Promise.all(active.map((a) => repo.findBooking(deps.db, a.id)));
  for (const r of rows) {
    if (!r) continue;
    cal.createEvent({
      id: `booking-${r.id}@${domain}`,
      sequence: r.sequence,
      stamp,
      start: local(r.start),
      end: local(r.end),
      timezone: ZONE,
      summary: r.state === 'blocked' ? 'Closed (maintenance)' : 'Busy',
      status: r.state === 'requested' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  for (const c of closures.filter((c) => c.equipmentId === null || c.equipmentId === id))
    cal.createEvent({
      id: `closure-${c.id}@${domain}`,
      stamp,
      start: local(c.start),
      end: local(c.end),
      timezone: ZONE,
      summary: 'Closed',
    });
  for (const h of holidays(from, to))
    cal.createEvent({
      id: `holiday-${local(h.start).toISODate()}@${domain}`,
      stamp,
      start: local(h.start),
      end: local(h.end),
      timezone: ZONE,
      summary: 'Closed (public holiday)',
    });
  return withTimezone(cal.toString());
}

const STATUS: Record<string, ICalEventStatus> = {
  requested: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  completed: ICalEventStatus.CONFIRMED,
  'no-show': ICalEventStatus.CONFIRMED,
};

/** A person's own bookings (from a month ago on), cancelled and declined ones marked so. */
export async function personalCalendar(deps: BookingDeps, token: string): Promise<string> {
  const userId = /^[A-Za-z0-9_-]{32,64}$/.test(token) ? await repo.feedOwner(deps.db, token) : null;
  if (!userId) throw new AppError('NOT_FOUND', 'No such calendar feed');
  const now = nowOf(deps).getTime();
  const domain = host(deps.publicUrl);
  const cal = ical({ name: 'CL.O.C.K.', prodId: { company: 'CL.O.C.K.', product: 'bookings' } });
  for (const r of await repo.bookingsOfUser(deps.db, userId, now - 31 * DAY)) {
    const title = r.equipmentTitle.it ?? r.equipmentTitle.en ?? r.equipmentId;
    cal.createEvent({
      id: `booking-${r.id}@${domain}`,
      sequence: r.sequence,
      stamp: utc(r.updatedAt.getTime()),
      start: local(r.start),
      end: local(r.end),
      timezone: ZONE,
      summary: `${bookingRef(r.number)} ${title}`,
      description: r.purpose,
      url: `${deps.publicUrl}/prenotazioni/${r.id}`,
      status: STATUS[r.state] ?? ICalEventStatus.CANCELLED,
    });
  }
  return withTimezone(cal.toString());
}

const newToken = () => crypto.randomBytes(32).toString('base64url');
const feedUrl = (publicUrl: string, token: string) => `${publicUrl}/api/v1/calendar-feeds/${token}/bookings.ics`;

/** Makes (or replaces) the person's feed token, audited without the token itself. */
async function newFeed(deps: BookingDeps, actor: Member, action: 'calendar-feed-create' | 'calendar-feed-reset') {
  const token = newToken();
  await deps.db.transaction(async (tx) => {
    await repo.setFeedToken(tx, actor.userId!, token);
    await recordAudit(tx, actor, {
      action,
      entityType: 'user',
      entityId: actor.userId!,
      organizationId: null,
      before: null,
      after: { feed: 'private bookings calendar' },
    });
  });
  return { url: feedUrl(deps.publicUrl, token) };
}

function feedOwnerActor(actor: Actor): Member {
  const m = requireMember(actor);
  if (!m.userId) throw new AppError('FORBIDDEN', 'Calendar feeds belong to people, not to API tokens');
  return m;
}

/** The caller's private feed address (made on first use). */
export async function myFeed(deps: BookingDeps, actor: Actor) {
  const m = feedOwnerActor(actor);
  const token = await repo.feedToken(deps.db, m.userId!);
  return token ? { url: feedUrl(deps.publicUrl, token) } : newFeed(deps, m, 'calendar-feed-create');
}
/** A new address; the old one stops working. */
export function resetFeed(deps: BookingDeps, actor: Actor) {
  return newFeed(deps, feedOwnerActor(actor), 'calendar-feed-reset');
}
