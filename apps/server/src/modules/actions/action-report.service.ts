import { actionRef, type ReportActionsSection } from '@clock/contracts';
import type { Db, Tx } from '../../db/client.ts';
import { localDay } from '../../core/calendar.ts';
import * as repo from './actions.repo.ts';
import { isLate, onTime, rollUp } from './actions.rules.ts';

/**
 * The joint actions part of a verification report (governance REPORT_SECTIONS): every action under way in the period
 * (start ≤ to, end ≥ from, not cancelled), judged as of the period's end or the assembly day when earlier — closed
 * (and whether on time), late (a milestone overdue) or on time — with its progress, lead and partners.
 */
export async function actionsSection(
  db: Db | Tx,
  period: { from: string; to: string },
  now: Date = new Date(),
): Promise<ReportActionsSection> {
  const today = localDay(now.getTime());
  // The earlier of the two days (ISO days compare as strings).
  const asOf = [period.to, today].sort()[0]!;
  const rows = (await repo.listActions(db, { all: true, network: true, organizations: [] }, {})).filter(
    ({ a }) => a.state !== 'cancelled' && a.startDate <= period.to && a.endDate >= period.from,
  );
  const [tree, milestones, partners] = await Promise.all([
    repo.treeFacts(db),
    repo.milestoneFacts(db),
    repo.partnersOf(
      db,
      rows.map((r) => r.a.id),
    ),
  ]);
  // Work done after the judging day is not yet done.
  const doneOn = (d: Date | null) => (d ? localDay(d.getTime()) : null);
  const facts = milestones.map((m) => {
    const on = doneOn(m.doneAt);
    return { actionId: m.actionId, weight: m.weight, due: m.due, done: on !== null && on <= asOf, doneOn: on };
  });
  const progress = rollUp(tree, facts);
  const items = rows
    .map(({ a, leadName }) => {
      const mine = facts.filter((m) => m.actionId === a.id);
      const closedOn = doneOn(a.closedAt);
      const closed = a.state === 'closed' && closedOn !== null && closedOn <= asOf;
      const state = closed ? 'closed' : a.state === 'closed' ? 'running' : a.state;
      const verdict = onTime(
        { state, end: a.endDate, closedOn },
        mine.map((m) => ({ due: m.due, doneOn: m.done ? m.doneOn : null })),
        asOf,
      );
      const late = !closed && (a.state === 'late' || isLate(state, mine, asOf));
      return {
        id: a.id,
        ref: actionRef(a.number),
        title: a.title,
        state: a.state,
        standing: closed ? ('closed' as const) : late ? ('late' as const) : ('on-time' as const),
        onTime: closed ? verdict : null,
        progress: progress.get(a.id)?.progress ?? null,
        start: a.startDate,
        end: a.endDate,
        lead: { id: a.leadOrganizationId, name: leadName },
        partners: partners
          .filter((p) => p.actionId === a.id && p.organizationId !== a.leadOrganizationId)
          .map((p) => ({ id: p.organizationId, name: p.name })),
      };
    })
    .sort((x, y) => x.ref.localeCompare(y.ref));
  return {
    asOf,
    counts: {
      onTime: items.filter((i) => i.standing === 'on-time').length,
      late: items.filter((i) => i.standing === 'late').length,
      closed: items.filter((i) => i.standing === 'closed').length,
    },
    items,
  };
}
