import type { Job } from '../notifications/notifications.service.ts';
import { remindDueMilestones } from './milestone-reminders.service.ts';

/** Partners hear of a joint action's milestone a few days before it is due; looked for every hour. */
export const actionMilestonesJob: Job<{ reminded: number }> = {
  name: 'action-milestones',
  periodStart: (now) => new Date(now.getTime() - 60 * 60_000),
  run: async (ctx, now) => ({
    reminded: await remindDueMilestones({ db: ctx.db, publicUrl: ctx.publicUrl, now: () => now }),
  }),
};
