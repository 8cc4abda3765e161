import type { SlotQuery } from '@clock/contracts';
import type { Actor } from '../../core/actor.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import { formatInstant } from '../../core/calendar.ts';
import type { SearchService } from '../search/search.service.ts';
import * as repo from './bookings.repo.ts';
import * as qualRepo from './qualifications.repo.ts';
import * as policyRepo from './policy.repo.ts';
import { availability, findSlots } from './bookings.rules.ts';
import { loadCalendars, nowOf, policyOf, type BookingDeps } from './bookings.service.ts';
import { equipmentOr404, readRange } from './policy.service.ts';
import { hourlyCents, priceQuote, userCategory } from './tariffs.rules.ts';

const DAY = 86_400_000;
export const MAX_RANGE_DAYS = 92;

function range(from: string | undefined, to: string | undefined, defaults: { from: number; days: number }) {
  const problems: FieldProblem[] = [];
  const r = readRange(from, to, 'query', problems, ['from', 'to']);
  const start = r.start ?? defaults.from;
  const end = r.end ?? start + defaults.days * DAY;
  if (!problems.length && end <= start) problems.push({ pointer: '/query/to', message: 'must be after from' });
  if (!problems.length && end - start > MAX_RANGE_DAYS * DAY)
    problems.push({ pointer: '/query/to', message: `at most ${MAX_RANGE_DAYS} days after from` });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The query has invalid fields', problems);
  return { start, end };
}

/**
 * When an instrument is free, busy or closed over [from, to) (at most 92 days): the same for everyone, by the one
 * rule (a free segment is exactly where a qualified person may book on the slot grid).
 */
export async function equipmentAvailability(deps: BookingDeps, id: string, q: { from: string; to: string }) {
  await equipmentOr404(deps.db, id);
  const { start, end } = range(q.from, q.to, { from: 0, days: 0 });
  const now = nowOf(deps).getTime();
  const [row] = await repo.policiesOf(deps.db, [id]);
  const policy = policyOf(row);
  const segments = row
    ? availability(policy, (await loadCalendars(deps.db, [row], start, end)).get(id)!, start, end, now)
    : [{ start, end, status: 'closed' as const }];
  return {
    equipment: id,
    timezone: 'Europe/Rome' as const,
    from: formatInstant(start),
    to: formatInstant(end),
    items: segments.map((s) => ({ start: formatInstant(s.start), end: formatInstant(s.end), status: s.status })),
  };
}

/** Instruments searched at most per query (the answer says `truncated` when more matched). */
export const MAX_INSTRUMENTS = 500;

/**
 * Free slots across every centre's bookable equipment: the earliest ones per instrument that the caller may book
 * (their qualifications, their category's price under `maxPrice` euro per hour), earliest first.
 */
export async function searchSlots(deps: BookingDeps & { search?: SearchService }, actor: Actor, q: SlotQuery) {
  const now = nowOf(deps).getTime();
  const { start, end } = range(q.from, q.to, { from: now, days: 14 });
  let ids: string[] | undefined = q.equipment
    ? q.equipment
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
  let words: string[] | undefined;
  const text = q.q?.trim();
  if (text && deps.search) {
    const hits = await deps.search.search(actor, {
      q: text,
      type: 'equipment',
      organization: q.organization,
      page: 1,
      limit: 100,
    });
    const found = hits.hits.map((h) => h.id);
    ids = ids ? ids.filter((i) => found.includes(i)) : found;
  } else if (text)
    words = text
      .split(/\s+/)
      .filter((w) => w.length > 2)
      .slice(0, 8);
  const rows = await repo.bookableEquipment(deps.db, { organization: q.organization, ids, words });
  const truncated = rows.length > MAX_INSTRUMENTS;
  const chosen = rows.slice(0, MAX_INSTRUMENTS);
  // The caller's category per centre, and their qualifications.
  const mine = actor.kind === 'member' ? [...new Set(actor.memberships.map((m) => m.organization))] : [];
  const [org] = mine.length === 1 ? await repo.organizationFacts(deps.db, mine) : [];
  const held = new Set(
    actor.kind === 'member' && actor.userId
      ? (await qualRepo.grants(deps.db, { userId: actor.userId }))
          .filter((g) => !g.revokedAt && (!g.validUntil || g.validUntil >= new Date(end).toISOString().slice(0, 10)))
          .map((g) => g.qualificationId)
      : [],
  );
  const calendars = await loadCalendars(
    deps.db,
    chosen.map((r) => r.policy),
    start,
    end,
  );
  const tariffs = await policyRepo.tariffsOf(
    deps.db,
    chosen.map((r) => r.policy.equipmentId),
    true,
  );
  const items = [];
  for (const { policy: row, title } of chosen) {
    const policy = policyOf(row);
    const person = { qualified: !policy.qualificationId || held.has(policy.qualificationId) };
    const slots = findSlots(
      policy,
      calendars.get(row.equipmentId)!,
      person,
      { from: start, to: end, minutes: q.minutes, count: q.perEquipment ?? 1 },
      now,
    );
    if (!slots.length) continue;
    const category = userCategory(row.organizationId, org ? { ...org } : null);
    const facts = tariffs
      .filter((t) => t.equipmentId === row.equipmentId)
      .map((t) => ({ ...t, validFrom: t.validFrom.getTime(), validTo: t.validTo?.getTime() ?? null }));
    for (const s of slots) {
      const minutes = (s.end - s.start) / 60_000;
      const price = priceQuote(facts, category, minutes, undefined, now);
      if (q.maxPrice !== undefined && (!price || hourlyCents(price, minutes) > q.maxPrice * 100)) continue;
      items.push({
        equipment: row.equipmentId,
        organization: row.organizationId,
        title,
        start: formatInstant(s.start),
        end: formatInstant(s.end),
        startMs: s.start,
        approval: policy.approval,
        qualificationRequired: !!policy.qualificationId,
        ...(price ? { price } : {}),
      });
    }
  }
  items.sort((a, b) => a.startMs - b.startMs || a.equipment.localeCompare(b.equipment));
  return {
    items: items.slice(0, q.limit ?? 50).map(({ startMs: _s, ...rest }) => rest),
    truncated,
  };
}
