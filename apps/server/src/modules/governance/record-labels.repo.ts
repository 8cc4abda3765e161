import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import type { LocalizedText } from '../../db/schema/index.ts';

type Conn = Db | Tx;
const day = (instant: SQL) => sql`to_char(${instant} at time zone 'Europe/Rome', 'YYYY-MM-DD')`;
const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
const idList = (ids: string[]) =>
  sql`array[${sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  )}]::text[]`;

/** What a KPI's records are called: a number, a title (bilingual or as written), a day and the page's record. */
export interface LabelRow {
  id: string;
  number: number | null;
  title: LocalizedText | string | null;
  day: string | null;
  page: string | null;
}

/** Requests by id, with what the access rule needs to know (the title is dropped for whoever may not see it). */
export async function requestLabels(db: Conn, ids: string[]) {
  return rowsOf<{
    id: string;
    number: number;
    title: string;
    day: string;
    confidentiality: 'public' | 'network' | 'confidential';
    state: string;
    companyOrganizationId: string | null;
    submittedBy: string | null;
    submittedViaOrganizationId: string | null;
    openedAt: string | null;
    centres: { organizationId: string; invited: boolean; interested: boolean; teamRole: string | null }[];
  }>(
    await db.execute(sql`select r.id, r.number, r.title, ${day(sql`r.submitted_at`)} as day,
        r.confidentiality, r.state, r.company_organization_id as "companyOrganizationId", r.submitted_by as "submittedBy",
        r.submitted_via_organization_id as "submittedViaOrganizationId", r.opened_at as "openedAt",
        coalesce((select json_agg(json_build_object('organizationId', c.organization_id, 'invited', c.invited_at is not null,
          'interested', c.interest_at is not null, 'teamRole', c.team_role)) from request_centres c where c.request_id = r.id),
          '[]'::json) as centres
      from requests r where r.id::text = any(${idList(ids)})`),
  );
}

/** Bookings, events, event registrations, introductions and joint actions by id, as the KPI records page names them. */
export async function otherLabels(db: Conn, type: string, ids: string[]): Promise<LabelRow[]> {
  const any = idList(ids);
  const query = {
    booking: sql`select b.id, b.number, e.title, ${day(sql`lower(b.during)`)} as day,
        null as page
      from bookings b left join offers e on e.type = 'equipment' and e.id = b.equipment_id where b.id::text = any(${any})`,
    event: sql`select v.id, v.number, v.title, ${day(sql`v.starts_at`)} as day, null as page
      from events v where v.id::text = any(${any})`,
    'event-registration': sql`select g.id, v.number, v.title, ${day(sql`v.starts_at`)} as day, v.id::text as page
      from event_registrations g join events v on v.id = g.event_id where g.id::text = any(${any})`,
    introduction: sql`select i.id, i.number, o.name as title,
        ${day(sql`i.created_at`)} as day, null as page
      from introductions i join organizations o on o.id = i.centre_id where i.id::text = any(${any})`,
    action: sql`select a.id, a.number, a.title, a.start_date::text as day, null as page
      from joint_actions a where a.id::text = any(${any})`,
  }[type];
  return query ? rowsOf<LabelRow>(await db.execute(query)) : [];
}
