import type { Job } from '../notifications/notifications.service.ts';
import { expirePending, sendReminders } from './lifecycle.service.ts';

/**
 * Pending booking requests nobody answered expire, every 5 minutes (so a held slot is freed soon after its time).
 * Idempotent on its own: each booking is locked, re-checked and marked.
 */
export const bookingExpiryJob: Job<{ expired: number }> = {
  name: 'booking-expiry',
  periodStart: (now) => new Date(now.getTime() - 5 * 60_000),
  run: async (ctx, now) => ({ expired: await expirePending({ db: ctx.db, publicUrl: ctx.publicUrl, now: () => now }) }),
};

/** Confirmed bookings get their reminder the day before, looked for every 15 minutes. */
export const bookingRemindersJob: Job<{ reminded: number }> = {
  name: 'booking-reminders',
  periodStart: (now) => new Date(now.getTime() - 15 * 60_000),
  run: async (ctx, now) => ({
    reminded: await sendReminders({ db: ctx.db, publicUrl: ctx.publicUrl, now: () => now }),
  }),
};
