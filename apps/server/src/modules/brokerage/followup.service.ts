import type { Db } from '../../db/client.ts';
import { recordAudit } from '../identity/identity.service.ts';
import * as intro from './introductions.repo.ts';
import * as opps from './opportunities.repo.ts';
import { tellAbout } from './brokerage.notify.service.ts';
import {
  daysAfter,
  EXPIRY_REMINDER_DAYS,
  INTEREST_REMINDER_DAYS,
  monthsAfter,
  OUTCOME_ROUNDS,
} from './opportunities.rules.ts';

const SYSTEM = { kind: 'operator' as const, label: 'brokerage job' };

/**
 * The brokerage's periodic work (brokerage.job.ts): ask both companies of an introduction what came of it at 3 and
 * 6 months; expire unanswered interests and published opportunities past their date; remind companies and centres
 * before either happens. Each step re-reads its rows in one transaction, so a run that overlaps another does no harm.
 */
export async function followUp(deps: { db: Db; publicUrl: string }, now: Date) {
  const out = {
    asked: 0,
    interestsExpired: 0,
    interestsReminded: 0,
    opportunitiesExpired: 0,
    opportunitiesReminded: 0,
  };
  await deps.db.transaction(async (tx) => {
    for (const round of OUTCOME_ROUNDS) {
      // Introductions made at least `round` months ago whose question was not asked yet.
      const due = await intro.introductionsDue(tx, round, monthsAfter(now, -round));
      for (const r of due) {
        if (monthsAfter(r.createdAt, round) > now) continue;
        await intro.insertOutcomes(
          tx,
          [r.ownerOrganizationId, r.partnerOrganizationId].map((organizationId) => ({
            introductionId: r.id,
            round,
            organizationId,
            askedAt: now,
          })),
        );
        const o = (await opps.findOpportunity(tx, r.opportunityId))!;
        await tellAbout(
          tx,
          deps.publicUrl,
          o,
          'outcome-asked',
          {
            companies: [r.ownerOrganizationId, r.partnerOrganizationId],
          },
          { months: String(round) },
        );
        out.asked++;
      }
    }
    for (const { id } of await intro.pendingInterestsBefore(tx, now)) {
      const i = (await intro.findInterest(tx, id, true))!;
      if (i.state !== 'pending') continue;
      await intro.decideInterest(tx, id, 'expired', null, now);
      const o = (await opps.findOpportunity(tx, i.opportunityId))!;
      await recordAudit(tx, SYSTEM, {
        action: 'interest.expire',
        entityType: 'expression_of_interest',
        entityId: id,
        organizationId: i.organizationId,
        before: { state: 'pending' },
        after: { state: 'expired' },
      });
      await tellAbout(tx, deps.publicUrl, o, 'interest-expired', {
        companies: [i.organizationId, o.organizationId],
        centres: [o.centreId],
      });
      out.interestsExpired++;
    }
    for (const i of await intro.interestsToRemind(tx, now, daysAfter(now, INTEREST_REMINDER_DAYS))) {
      await intro.markInterestReminded(tx, i.id, now);
      const o = (await opps.findOpportunity(tx, i.opportunityId))!;
      await tellAbout(
        tx,
        deps.publicUrl,
        o,
        'interest-reminder',
        { companies: [o.organizationId], centres: [o.centreId] },
        {
          due: i.expiresAt.toISOString().slice(0, 10),
        },
      );
      out.interestsReminded++;
    }
    for (const { id } of await opps.expiredPublished(tx, now)) {
      const o = (await opps.findOpportunity(tx, id, true))!;
      if (o.state !== 'published') continue;
      await opps.updateOpportunity(tx, id, { state: 'expired' });
      await recordAudit(tx, SYSTEM, {
        action: 'opportunity.expire',
        entityType: 'opportunity',
        entityId: id,
        organizationId: o.organizationId,
        before: { state: 'published' },
        after: { state: 'expired' },
      });
      await tellAbout(tx, deps.publicUrl, { ...o, state: 'expired' }, 'opportunity-expired', {
        companies: [o.organizationId],
        centres: [o.centreId],
      });
      out.opportunitiesExpired++;
    }
    for (const o of await opps.expiringSoon(tx, now, daysAfter(now, EXPIRY_REMINDER_DAYS))) {
      await opps.updateOpportunity(tx, o.id, { remindedAt: now });
      await tellAbout(
        tx,
        deps.publicUrl,
        o,
        'opportunity-expiring',
        { companies: [o.organizationId], centres: [o.centreId] },
        {
          due: o.expiresAt.toISOString().slice(0, 10),
        },
      );
      out.opportunitiesReminded++;
    }
  });
  return out;
}
