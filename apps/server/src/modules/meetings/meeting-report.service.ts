import type { ReportMeetingsSection } from '@clock/contracts';
import type { Db, Tx } from '../../db/client.ts';
import { localDay } from '../../core/calendar.ts';
import * as repo from './meetings.repo.ts';
import { meetingsBetween } from './meetings.service.ts';

/**
 * The nucleus meetings part of a verification report (governance REPORT_SECTIONS): the meetings held in the period
 * (days inclusive, Europe/Rome; planned ones left out), their decisions and their action items with owner, due day and
 * whether each was still open when the report was assembled.
 */
export async function meetingsSection(
  db: Db | Tx,
  period: { from: string; to: string },
  now: Date = new Date(),
): Promise<ReportMeetingsSection> {
  const today = localDay(now.getTime());
  const held = (await meetingsBetween(db, period.from, period.to)).filter((m) => m.state !== 'planned');
  const items = [];
  for (const m of held) {
    const outcomes = await repo.outcomesOf(db, { meetingId: m.id });
    items.push({
      id: m.id,
      ref: m.ref,
      startsAt: m.startsAt,
      state: m.state,
      decisions: outcomes.filter((o) => o.o.kind === 'decision').map((o) => o.o.text),
      actions: outcomes
        .filter((o) => o.o.kind === 'action')
        .map((o) => ({
          text: o.o.text,
          owner: o.ownerName ?? null,
          due: o.o.dueDate,
          open: !o.o.doneAt,
          overdue: !o.o.doneAt && !!o.o.dueDate && o.o.dueDate < today,
        })),
    });
  }
  return { items };
}
