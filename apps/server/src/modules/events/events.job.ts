import type { Job } from '../notifications/notifications.service.ts';
import { sendEventReminders } from './registrations.service.ts';

/** Confirmed registrants get their reminder (with the invitation) the day before, looked for every 15 minutes. */
export const eventRemindersJob: Job<{ reminded: number }> = {
  name: 'event-reminders',
  periodStart: (now) => new Date(now.getTime() - 15 * 60_000),
  run: async (ctx, now) => ({
    reminded: await sendEventReminders({ db: ctx.db, publicUrl: ctx.publicUrl, now: () => now }),
  }),
};
