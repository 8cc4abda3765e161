import type { Job } from '../notifications/notifications.service.ts';
import { followUp } from './followup.service.ts';

/**
 * Brokerage follow-up, hourly: outcome questions at 3 and 6 months after each introduction, expiry of unanswered
 * interests and of opportunities past their date, and the reminders before both.
 */
export const brokerageJob: Job<Awaited<ReturnType<typeof followUp>>> = {
  name: 'brokerage',
  periodStart: (now) => new Date(now.getTime() - 60 * 60_000),
  run: (ctx, now) => followUp({ db: ctx.db, publicUrl: ctx.publicUrl }, now),
};
