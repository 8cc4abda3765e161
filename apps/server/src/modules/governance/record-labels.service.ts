import { actionRef, eventRef, type KpiRecordLabel } from '@clock/contracts';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/client.ts';
import { accessTo, requestRef, type RequestFacts } from '../requests/requests.rules.ts';
import { introductionRef } from '../brokerage/opportunities.rules.ts';
import { bookingRef } from '../bookings/lifecycle.rules.ts';
import * as repo from './record-labels.repo.ts';

/** How many of a KPI's records get a name in one answer (the records page shows as many). */
export const LABELLED_RECORDS = 500;

const PREFIX: Record<string, (n: number) => string> = {
  booking: bookingRef,
  event: eventRef,
  'event-registration': eventRef,
  introduction: introductionRef,
  action: actionRef,
};

/**
 * Readable names for the first records a KPI counted: the record's reference, its title (an equipment's, an event's,
 * the introducing centre's), its day and, for a registration, the event whose page shows it. A confidential request
 * keeps its number only for a reader the request rule does not let see it (the Region, an administrator).
 */
export async function labelRecords(
  db: Db,
  actor: Actor,
  type: string,
  ids: string[],
): Promise<Record<string, KpiRecordLabel>> {
  const first = ids.filter((id) => !id.startsWith('name:')).slice(0, LABELLED_RECORDS);
  const out: Record<string, KpiRecordLabel> = {};
  if (!first.length) return out;
  if (type === 'request') {
    for (const r of await repo.requestLabels(db, first)) {
      const facts = {
        ...r,
        openedAt: r.openedAt ? new Date(r.openedAt) : null,
        rating: null,
      } as unknown as RequestFacts;
      const seen = accessTo(actor, facts) !== 'none';
      out[r.id] = { ref: requestRef(r.number), day: r.day, ...(seen ? { title: { it: r.title, en: r.title } } : {}) };
    }
    return out;
  }
  const prefix = PREFIX[type];
  if (!prefix) return out;
  for (const r of await repo.otherLabels(db, type, first))
    out[r.id] = {
      ref: r.number === null ? r.id : prefix(r.number),
      ...(r.title === null ? {} : { title: typeof r.title === 'string' ? { it: r.title, en: r.title } : r.title }),
      ...(r.day ? { day: r.day } : {}),
      ...(r.page ? { page: r.page } : {}),
    };
  return out;
}
