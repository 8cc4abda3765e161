import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';

/**
 * What the computed KPIs read from the requests and bookings tables (decision 011, "How the KPIs read the other
 * modules"): aggregates only, never text. Instants come back as epoch milliseconds so both drivers agree.
 */
type Conn = Db | Tx;
export interface Window {
  start: number;
  end: number;
}
export interface RequestScope {
  organization: string | null;
  includeConfidential: boolean;
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
export const at = (ms: number) => sql`to_timestamp(${ms / 1000}::float8)`;
const ms = (col: SQL) => sql`(extract(epoch from ${col}) * 1000)::float8`;

/** The rule for which requests count: confidential ones only for full readers; an organisation's own share. */
export function requestFilter(scope: RequestScope, alias = 'r'): SQL {
  const r = sql.raw(alias);
  const parts: SQL[] = [];
  if (!scope.includeConfidential) parts.push(sql`${r}.confidentiality <> 'confidential'`);
  if (scope.organization)
    parts.push(sql`(${r}.submitted_via_organization_id = ${scope.organization} or exists (
      select 1 from request_centres rc where rc.request_id = ${r}.id and rc.organization_id = ${scope.organization}))`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

export interface SubmittedRow {
  id: string;
  submittedAt: number;
  firstResponseAt: number | null;
  openedAt: number | null;
  state: string;
}
/** Requests submitted in the window. */
export async function requestsSubmitted(db: Conn, w: Window, scope: RequestScope): Promise<SubmittedRow[]> {
  return rowsOf<SubmittedRow>(
    await db.execute(sql`select r.id, ${ms(sql`r.submitted_at`)} as "submittedAt",
      ${ms(sql`r.first_response_at`)} as "firstResponseAt", ${ms(sql`r.opened_at`)} as "openedAt", r.state
    from requests r
    where r.submitted_at >= ${at(w.start)} and r.submitted_at < ${at(w.end)} and ${requestFilter(scope)}
    order by r.submitted_at, r.id`),
  );
}

/** Requests that reached the closed state in the window, with their rating. */
export async function requestsClosed(db: Conn, w: Window, scope: RequestScope) {
  return rowsOf<{ id: string; rating: number | null }>(
    await db.execute(sql`select r.id, r.rating from requests r
    where r.state = 'closed' and r.closed_at >= ${at(w.start)} and r.closed_at < ${at(w.end)} and ${requestFilter(scope)}
    order by r.closed_at, r.id`),
  );
}

/**
 * Companies that submitted in the window and had submitted before (a registered company by its organisation, one
 * known only by name by its lower-cased name), with the requests that made them count.
 */
export async function repeatCompanies(db: Conn, w: Window, scope: RequestScope) {
  return rowsOf<{ company: string; id: string }>(
    await db.execute(sql`with firsts as (
        select coalesce(company_organization_id, 'name:' || lower(company_name)) as company, min(submitted_at) as first_at
        from requests group by 1)
    select f.company, r.id
    from requests r join firsts f on f.company = coalesce(r.company_organization_id, 'name:' || lower(r.company_name))
    where r.submitted_at >= ${at(w.start)} and r.submitted_at < ${at(w.end)} and r.submitted_at > f.first_at
      and ${requestFilter(scope)}
    order by r.submitted_at, r.id`),
  );
}

/** Requests whose team was agreed in the window with more than one centre in it. */
export async function multiCentreTeams(db: Conn, w: Window, scope: RequestScope) {
  return rowsOf<{ id: string; centres: number }>(
    await db.execute(sql`with agreed as materialized (
        select distinct request_id from request_events
        where to_state = 'team_agreed' and at >= ${at(w.start)} and at < ${at(w.end)}),
      teams as materialized (
        select rc.request_id, count(*)::int as centres from request_centres rc join agreed a on a.request_id = rc.request_id
        where rc.team_role is not null group by rc.request_id having count(*) > 1)
    select r.id, t.centres from teams t join requests r on r.id = t.request_id
    where ${requestFilter(scope)}
    order by r.number`),
  );
}

/**
 * Completed bookings by outside users (anyone but the owning centre's own staff) that started in the window: hours
 * used (the recorded actual use, else the booked time) and the frozen price in cents.
 */
export async function outsideBookings(db: Conn, w: Window, organization: string | null) {
  return rowsOf<{ id: string; hours: number; amountCents: number | null }>(
    await db.execute(sql`select b.id,
      (extract(epoch from coalesce(b.actual_end, upper(b.during)) - coalesce(b.actual_start, lower(b.during))) / 3600)::float8 as hours,
      b.amount_cents as "amountCents"
    from bookings b
    where b.state = 'completed' and coalesce(b.user_category, '') <> 'centre-staff'
      and lower(b.during) >= ${at(w.start)} and lower(b.during) < ${at(w.end)}
      ${organization ? sql`and b.owner_organization_id = ${organization}` : sql``}
    order by lower(b.during), b.id`),
  );
}
