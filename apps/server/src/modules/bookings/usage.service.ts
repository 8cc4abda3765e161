import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../../core/actor.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import { formatInstant } from '../../core/calendar.ts';
import * as repo from './bookings.repo.ts';
import type { BookingDeps } from './bookings.service.ts';
import { readRange, requireMember } from './policy.service.ts';

/**
 * Usage of a centre's equipment for cost sharing: per user category and booking organisation, the completed
 * bookings, hours used (the recorded actual use, else the booked time), revenue by the frozen quotes, and no-shows.
 * Read by the centre's members, the Region and administrators.
 */
export async function usage(
  deps: BookingDeps,
  actor: Actor,
  org: string,
  q: { from: string; to: string; equipment?: string },
) {
  const m = requireMember(actor);
  if (!m.platformRole && !m.memberships.some((x) => x.organization === org && x.role !== 'company'))
    throw new AppError('FORBIDDEN', "Only the centre's members read its usage");
  const problems: FieldProblem[] = [];
  const r = readRange(q.from, q.to, 'query', problems, ['from', 'to']);
  if (r.start !== undefined && r.end !== undefined && r.end - r.start > 3700 * 86_400_000)
    problems.push({ pointer: '/query/to', message: 'at most ten years after from' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The query has invalid fields', problems);
  const rows = await repo.usage(deps.db, org, r.start!, r.end!, q.equipment);
  return {
    organization: org,
    from: formatInstant(r.start!),
    to: formatInstant(r.end!),
    items: rows.map((x) => ({
      category: x.category ?? ('company' as const),
      organization: x.organization,
      organizationName: x.organizationName ?? '',
      bookings: x.bookings,
      hours: Math.round(x.hours * 100) / 100,
      revenueCents: x.revenueCents,
      noShows: x.noShows,
    })),
  };
}

/** The same as CSV (RFC 4180, a header row; euro amounts with two decimals). */
export async function usageCsv(
  deps: BookingDeps,
  actor: Actor,
  org: string,
  q: { from: string; to: string; equipment?: string },
) {
  const u = await usage(deps, actor, org, q);
  return stringify(
    u.items.map((x) => [
      x.category,
      x.organization ?? '',
      x.organizationName,
      x.bookings,
      x.hours.toFixed(2),
      (x.revenueCents / 100).toFixed(2),
      x.noShows,
    ]),
    {
      header: true,
      columns: ['category', 'organization', 'organization_name', 'bookings', 'hours', 'revenue_eur', 'no_shows'],
      record_delimiter: 'windows',
    },
  );
}
