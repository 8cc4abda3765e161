import { actionRef } from '@clock/contracts';
import { addDays, localDay } from '../../core/calendar.ts';
import { notify } from '../notifications/notifications.service.ts';
import * as repo from './actions.repo.ts';
import type { ActionDeps } from './actions.service.ts';

/** How many days before its due day a milestone's partners are reminded. */
export const REMINDER_DAYS = 3;

/**
 * Tells the partners of each open action about its milestones due within REMINDER_DAYS that are not done, once per
 * milestone and due day (moving the due day re-arms it). Each milestone is marked in the same transaction as its
 * notifications, so two processes never remind twice.
 */
export async function remindDueMilestones(deps: ActionDeps): Promise<number> {
  const today = localDay((deps.now ? deps.now() : new Date()).getTime());
  const due = await repo.milestonesDueSoon(deps.db, today, addDays(today, REMINDER_DAYS));
  let reminded = 0;
  for (const m of due) {
    await deps.db.transaction(async (tx) => {
      if (!(await repo.markMilestoneReminded(tx, m.id))) return;
      const partners = await repo.partnersOf(tx, [m.actionId]);
      const people = await repo.peopleOf(
        tx,
        partners.map((p) => p.organizationId),
      );
      // Partners always see their action (actions.rules.ts canSeeAction): every candidate may be told.
      await notify(tx, deps.publicUrl, {
        subject: {
          kind: 'joint-action',
          id: m.actionId,
          reference: actionRef(m.number),
          visibility: m.visibility,
          title: m.actionTitle.it ?? m.actionTitle.en ?? null,
          path: `/azioni/${m.actionId}`,
        },
        event: {
          kind: 'action-milestone-due',
          params: {
            milestone: m.title.it ?? m.title.en ?? '',
            milestoneEn: m.title.en ?? m.title.it ?? '',
            due: m.due,
          },
        },
        audience: people,
        accessTo: () => true,
      });
      reminded++;
    });
  }
  return reminded;
}
