import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const CHANGE_OPS = ['upsert', 'delete'] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

/**
 * Every change to a public record, kept for good (decision 020): written by triggers in the writer's transaction
 * (`seq`, the order of writing), and given its public `position` — the change feed's cursor — only once that
 * transaction has committed, by whoever reads the feed first (`publishChanges`). Positions are handed out under a
 * lock to committed rows only, so a follower never moves past a change still in flight.
 */
export const changeLog = pgTable(
  'change_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    position: bigint('position', { mode: 'number' }),
    type: text('type').notNull(),
    recordId: text('record_id').notNull(),
    op: text('op').notNull().$type<ChangeOp>(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    check('change_log_op_check', sql`${t.op} in ('upsert','delete')`),
    check('change_log_published_check', sql`(${t.position} is null) = (${t.publishedAt} is null)`),
    uniqueIndex('change_log_position_idx').on(t.position),
    index('change_log_type_position_idx').on(t.type, t.position),
    index('change_log_pending_idx').on(t.seq).where(sql`${t.position} is null`),
  ],
);
