import type { Actor } from '../../core/actor.ts';
import * as repo from './requests.repo.ts';
import {
  accessTo,
  allowedActions,
  centreOrganizations,
  interestOrganizations,
  isOverdue,
  leadOrganization,
  requestRef,
  type RequestAction,
} from './requests.rules.ts';

type Row = repo.RequestRow;
type CentreRow = repo.CentreRow;

/** A request as `actor` may read it: its summary, or everything with the actions they may take now. */
export function presentRequest(
  actor: Actor,
  r: Row,
  centres: CentreRow[],
  now: Date,
  events?: Awaited<ReturnType<typeof repo.eventsOf>>,
) {
  const facts = repo.toFacts(r, centres);
  const access = accessTo(actor, facts);
  const mine = centres.filter((c) => c.requestId === r.id);
  const base = {
    id: r.id,
    ref: requestRef(r.number),
    access: access as 'summary' | 'full',
    title: r.title,
    summary: r.summary,
    state: r.state,
    confidentiality: r.confidentiality,
    sector: r.sector,
    filiera: r.filiera,
    lang: r.lang,
    submittedAt: r.submittedAt.toISOString(),
    stateChangedAt: r.stateChangedAt.toISOString(),
    dueAt: null as string | null,
    overdue: false,
    interestCount: mine.filter((c) => c.interestAt).length,
    lead: null as string | null,
    actions: [] as RequestAction[],
    actingFor: [] as string[],
  };
  if (access !== 'full') return base;
  const lead = leadOrganization(facts);
  const acting = new Set(interestOrganizations(actor, facts));
  if (lead && centreOrganizations(actor).includes(lead)) acting.add(lead);
  return {
    ...base,
    dueAt: r.dueAt?.toISOString() ?? null,
    overdue: isOverdue(r.dueAt, now),
    lead,
    actions: allowedActions(actor, facts),
    actingFor: [...acting],
    description: r.description,
    desiredOutcome: r.desiredOutcome,
    deadline: r.deadline,
    company: { id: r.companyOrganizationId, name: r.companyName },
    contactEmail: r.contactEmail,
    submittedVia: r.submittedViaOrganizationId,
    declineReason: r.declineReason,
    outcome: r.outcome,
    rating: r.rating,
    ratingComment: r.ratingComment,
    source: r.sourceType && r.sourceId ? { type: r.sourceType as 'equipment', id: r.sourceId } : null,
    centres: mine.map((c) => ({
      organization: c.organizationId,
      name: c.name,
      invited: !!c.invitedAt,
      teamRole: c.teamRole,
      interest: c.interestAt
        ? { at: c.interestAt.toISOString(), proposal: c.proposal ?? '', aspects: c.aspects, by: c.interestByName }
        : null,
    })),
    ...(events
      ? {
          timeline: events.map((e) => ({
            at: e.at.toISOString(),
            kind: e.kind,
            from: e.fromState,
            to: e.toState,
            message: e.message,
            actorName: e.actorName,
            organization: e.organization,
          })),
        }
      : {}),
  };
}

/** The audit keeps what changed, not the text of the problem twice over. */
export const auditView = (r: Row) => ({
  ref: requestRef(r.number),
  state: r.state,
  confidentiality: r.confidentiality,
  company: r.companyOrganizationId ?? r.companyName,
  dueAt: r.dueAt,
});
