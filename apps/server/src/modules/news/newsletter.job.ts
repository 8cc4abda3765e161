import { DateTime } from 'luxon';
import type { Job } from '../notifications/jobs.service.ts';
import { sendNewsletters } from './newsletter.service.ts';

/**
 * When this week's newsletter became due: Monday at the digest hour, Italian time (the week before, until then). An
 * operator running the jobs by hand (`clock jobs run --digest`) does not wait for the hour.
 */
export function newsletterPeriodStart(now: Date, digestHour: number, byHand = false): Date {
  const monday = DateTime.fromJSDate(now, { zone: 'Europe/Rome' }).startOf('week');
  const due = byHand ? monday : monday.set({ hour: digestHour });
  return (due.toMillis() <= now.getTime() ? due : due.minus({ weeks: 1 })).toJSDate();
}

/** The weekly newsletter digest, once a week whoever runs the jobs. */
export const newsletterJob: Job<{ subscribers: number; mails: number }> = {
  name: 'newsletter',
  periodStart: (now, ctx) => newsletterPeriodStart(now, ctx.digestHour, ctx.byHand),
  run: (ctx, now) => sendNewsletters({ db: ctx.db, publicUrl: ctx.publicUrl }, now),
};
