import fs from 'node:fs';
import path from 'node:path';
import type { Db, Tx } from '../client.ts';
import type { Confidentiality, RequestState } from '../schema/index.ts';
import * as repo from '../../modules/requests/requests.repo.ts';
import { DEFAULT_TARGETS, dueDate } from '../../modules/requests/requests.rules.ts';

interface DemoRequest {
  company: string;
  lang: 'it' | 'en';
  confidentiality: Confidentiality;
  state: RequestState;
  daysAgo: number;
  title: string;
  summary?: string;
  description: string;
  desiredOutcome?: string;
  sector?: string;
  filiera?: string;
  centres: {
    organization: string;
    invited?: boolean;
    interest?: string;
    aspects?: string[];
    teamRole?: 'lead' | 'partner';
  }[];
  /** The states it went through after submission, each with how many days ago. */
  path: [RequestState, number][];
  outcome?: string;
  rating?: number;
  ratingComment?: string;
  declineReason?: string;
}

/**
 * Loads the demo requests (apps/server/src/db/seed/demo/requests.json) into an empty requests table: a few
 * problems in every state of the life cycle, dated back from today so targets and overdue marks show.
 */
export async function seedDemoRequests(db: Db | Tx, demoDir: string, now = new Date()): Promise<number> {
  if ((await repo.countRequests(db)) > 0) return 0;
  const file = JSON.parse(fs.readFileSync(path.join(demoDir, 'requests.json'), 'utf8')) as { requests: DemoRequest[] };
  const ago = (days: number) => new Date(now.getTime() - days * 24 * 3600_000);
  await db.transaction(async (tx) => {
    const names = await repo.organizationKinds(
      tx,
      file.requests.map((r) => r.company),
    );
    for (const d of file.requests) {
      const submittedAt = ago(d.daysAgo);
      const last = d.path.at(-1);
      const stateAt = last ? ago(last[1]) : submittedAt;
      const openedAt = d.path.find(([s]) => s === 'open');
      const r = await repo.insertRequest(tx, {
        title: d.title,
        summary: d.summary ?? null,
        description: d.description,
        desiredOutcome: d.desiredOutcome ?? null,
        sector: d.sector ?? null,
        filiera: d.filiera ?? null,
        lang: d.lang,
        confidentiality: d.confidentiality,
        state: d.state,
        companyOrganizationId: d.company,
        companyName: names.get(d.company)?.name ?? d.company,
        submittedAt,
        stateChangedAt: stateAt,
        firstResponseAt: d.path[0] ? ago(d.path[0][1]) : null,
        openedAt: openedAt ? ago(openedAt[1]) : null,
        closedAt: d.state === 'closed' || d.state === 'declined' ? stateAt : null,
        dueAt: dueDate(d.state, stateAt, DEFAULT_TARGETS),
        declineReason: d.declineReason ?? null,
        outcome: d.outcome ?? null,
        rating: d.rating ?? null,
        ratingComment: d.ratingComment ?? null,
      });
      await repo.insertEvent(tx, {
        requestId: r.id,
        at: submittedAt,
        actorOrganizationId: d.company,
        kind: 'submitted',
        toState: 'submitted',
      });
      // The nucleus (here Lucense's representative) triages, opens and declines; the company agrees the team; the lead runs it.
      const lead = d.centres.find((c) => c.teamRole === 'lead')?.organization ?? null;
      const actorOf = (state: RequestState) =>
        state === 'team_agreed' ? d.company : state === 'in_progress' || state === 'closed' ? lead : 'lucense';
      let from: RequestState = 'submitted';
      for (const [state, days] of d.path) {
        // The centres' interest comes between the opening and the team agreement.
        if (state === 'team_agreed') {
          for (const c of d.centres.filter((x) => x.interest)) {
            await repo.insertEvent(tx, {
              requestId: r.id,
              at: ago(days + 2),
              actorOrganizationId: c.organization,
              kind: 'interest',
              message: c.interest!,
            });
          }
        }
        await repo.insertEvent(tx, {
          requestId: r.id,
          at: ago(days),
          actorOrganizationId: actorOf(state),
          kind: 'state',
          fromState: from,
          toState: state,
          message: state === 'declined' ? (d.declineReason ?? null) : state === 'closed' ? (d.outcome ?? null) : null,
        });
        from = state;
      }
      if (d.state === 'open') {
        for (const c of d.centres.filter((x) => x.interest))
          await repo.insertEvent(tx, {
            requestId: r.id,
            at: ago(1),
            actorOrganizationId: c.organization,
            kind: 'interest',
            message: c.interest!,
          });
      }
      if (d.rating)
        await repo.insertEvent(tx, {
          requestId: r.id,
          at: ago(Math.max(0, (last?.[1] ?? 1) - 1)),
          actorOrganizationId: d.company,
          kind: 'rated',
          message: `${d.rating}/5${d.ratingComment ? ` — ${d.ratingComment}` : ''}`,
        });
      const opened = openedAt ? ago(openedAt[1]) : null;
      for (const c of d.centres) {
        await repo.upsertCentre(tx, r.id, c.organization, {
          invitedAt: c.invited && opened ? opened : null,
          interestAt: c.interest && opened ? new Date(opened.getTime() + 24 * 3600_000) : null,
          proposal: c.interest ?? null,
          aspects: c.aspects ?? [],
          teamRole: c.teamRole ?? null,
        });
      }
    }
  });
  return file.requests.length;
}
