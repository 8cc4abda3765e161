import { DateTime } from 'luxon';
import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import { ZONE } from '../../core/calendar.ts';
import * as repo from './matchmaking.repo.ts';
import { staffOf } from './opportunities.rules.ts';
import { busyOf, unplacedReason } from './schedule-report.rules.ts';
import { dayOr404, presentDay, presentProfile, slotTimes } from './matchmaking.service.ts';
import { nowOf, requirePerson, type BrokerageDeps } from './opportunities.service.ts';

// What the matchmaking pages read: the list of days, a person's place in a day, and the organiser's grid.

/** The matchmaking days: those of an event, the coming ones, or all (most recent first). Public, like a day. */
export async function listDays(deps: BrokerageDeps, q: { event?: string; upcoming?: boolean }) {
  const from = q.upcoming ? DateTime.fromJSDate(nowOf(deps)).setZone(ZONE).toISODate()! : undefined;
  const rows = await repo.listDays(deps.db, { event: q.event, from });
  return { items: rows.map((r) => presentDay(r.row, r.participants)) };
}

type Person = { id: string; name: string; organization: string | null };
const people = (profiles: repo.ProfileRow[]) => {
  const byId = new Map(profiles.map((p) => [p.id, { id: p.id, name: p.name, organization: p.organizationName }]));
  return (id: string): Person => byId.get(id) ?? { id, name: '', organization: null };
};
const presentRequest = (who: (id: string) => Person) => (r: repo.RequestRow) => ({
  id: r.id,
  from: who(r.fromProfileId),
  to: who(r.toProfileId),
  state: r.state,
  note: r.note,
  createdAt: r.createdAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
});

/** The caller's registration, whether they organise the day, and their requests (all of them for the organiser). */
export async function mine(deps: BrokerageDeps, actor: Actor, id: string) {
  const me = requirePerson(actor);
  const d = await dayOr404(deps.db, id);
  const organiser = !!staffOf(me, d.organizerId);
  const profileId = await repo.profileOfUser(deps.db, id, me.userId);
  if (!organiser && !profileId) return { profile: null, organiser, requests: [] };
  const profiles = await repo.profilesOf(deps.db, id);
  const requests = (await repo.requestsOf(deps.db, id)).filter(
    (r) => organiser || r.fromProfileId === profileId || r.toProfileId === profileId,
  );
  const profile = profiles.find((p) => p.id === profileId);
  return {
    profile: profile ? presentProfile(profile) : null,
    organiser,
    requests: requests.map(presentRequest(people(profiles))),
  };
}

/**
 * The organiser's view: every slot × table, the accepted requests not in the agenda with the reason, the participants
 * with an empty agenda and the requests still unanswered (the people to chase).
 */
export async function grid(deps: BrokerageDeps, actor: Actor, id: string) {
  const me = requirePerson(actor);
  const d = await dayOr404(deps.db, id);
  if (!staffOf(me, d.organizerId)) throw new AppError('FORBIDDEN', "Only the day's organiser sees the whole grid");
  const [profiles, meetings, requests] = await Promise.all([
    repo.profilesOf(deps.db, id),
    repo.meetingsOf(deps.db, id),
    repo.requestsOf(deps.db, id),
  ]);
  const who = people(profiles);
  const input = {
    slots: d.slots,
    tables: d.tables,
    unavailable: new Map(profiles.map((p) => [p.id, p.unavailableSlots])),
    meetings,
    scheduledAt: d.scheduledAt,
  };
  const busy = busyOf(input);
  const placed = new Set(meetings.map((m) => m.request));
  const seated = new Set(meetings.flatMap((m) => [m.a, m.b]));
  return {
    scheduledAt: d.scheduledAt?.toISOString() ?? null,
    slots: [...Array(d.slots).keys()].map((slot) => {
      const t = slotTimes(d, slot);
      return { slot, start: t.start.toISO()!, end: t.end.toISO()! };
    }),
    tables: d.tables,
    meetings: meetings.map((m) => ({ id: m.id, slot: m.slot, table: m.table, a: who(m.a), b: who(m.b) })),
    unplaced: requests
      .filter((r) => r.state === 'accepted' && !placed.has(r.id))
      .map((r) => ({
        request: r.id,
        a: who(r.fromProfileId),
        b: who(r.toProfileId),
        reason: unplacedReason(input, { a: r.fromProfileId, b: r.toProfileId, decidedAt: r.decidedAt }, busy),
      })),
    emptyAgendas: profiles.filter((p) => !seated.has(p.id)).map((p) => who(p.id)),
    unanswered: requests.filter((r) => r.state === 'requested').map(presentRequest(who)),
  };
}
