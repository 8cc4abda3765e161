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
const at = (ms: number) => sql`to_timestamp(${ms / 1000}::float8)`;
const ms = (col: SQL) => sql`(extract(epoch from ${col}) * 1000)::float8`;

/** The rule for which requests count: confidential ones only for full readers; an organisation's own share. */
function requestFilter(scope: RequestScope, alias = 'r'): SQL {
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
    await db.execute(sql`select coalesce(r.company_organization_id, 'name:' || lower(r.company_name)) as company, r.id
    from requests r
    where r.submitted_at >= ${at(w.start)} and r.submitted_at < ${at(w.end)} and ${requestFilter(scope)}
      and exists (select 1 from requests p where p.submitted_at < r.submitted_at and (
        (r.company_organization_id is not null and p.company_organization_id = r.company_organization_id)
        or (r.company_organization_id is null and p.company_organization_id is null
            and lower(p.company_name) = lower(r.company_name))))
    order by r.submitted_at, r.id`),
  );
}

/** Requests whose team was agreed in the window with more than one centre in it. */
export async function multiCentreTeams(db: Conn, w: Window, scope: RequestScope) {
  return rowsOf<{ id: string; centres: number }>(
    await db.execute(sql`select r.id, (select count(*)::int from request_centres t
        where t.request_id = r.id and t.team_role is not null) as centres
    from requests r
    where exists (select 1 from request_events e where e.request_id = r.id and e.to_state = 'team_agreed'
        and e.at >= ${at(w.start)} and e.at < ${at(w.end)})
      and ${requestFilter(scope)}
      and (select count(*) from request_centres t where t.request_id = r.id and t.team_role is not null) > 1
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
