import { ACTION_TRANSITIONS, actionRef, type Action, type ActionSummary, type PartnerRole } from '@clock/contracts';
import type { Actor } from '../../core/actor.ts';
import type * as repo from './actions.repo.ts';
import {
  actionAbilities,
  canContributeFor,
  isLate,
  milestoneOverdue,
  type ActionFacts,
  type Progress,
} from './actions.rules.ts';

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function factsOf(a: repo.ActionRow, partners: repo.PartnerRow[]): ActionFacts {
  return {
    leadOrganizationId: a.leadOrganizationId,
    visibility: a.visibility,
    state: a.state,
    partners: partners
      .filter((p) => p.actionId === a.id)
      .map((p) => ({ organizationId: p.organizationId, role: p.role as PartnerRole })),
  };
}

export function presentSummary(
  a: repo.ActionRow,
  leadName: string,
  partners: repo.PartnerRow[],
  progress: Progress | undefined,
  milestones: { due: string; done: boolean }[],
  today: string,
): ActionSummary {
  return {
    id: a.id,
    ref: actionRef(a.number),
    title: a.title,
    lead: { id: a.leadOrganizationId, name: leadName },
    state: a.state,
    late: isLate(a.state, milestones, today),
    progress: progress?.progress ?? null,
    start: a.startDate,
    end: a.endDate,
    s3: a.s3,
    filiere: a.filiere,
    visibility: a.visibility,
    partners: partners
      .filter((p) => p.actionId === a.id)
      .map((p) => ({ id: p.id, organization: { id: p.organizationId, name: p.name }, role: p.role as PartnerRole })),
  };
}

export interface ActionDetailParts {
  a: repo.ActionRow;
  leadName: string;
  partners: repo.PartnerRow[];
  progress: Map<string, Progress>;
  milestones: Awaited<ReturnType<typeof repo.milestonesOf>>;
  contributions: Awaited<ReturnType<typeof repo.contributionsOf>>;
  documents: Awaited<ReturnType<typeof repo.documentsOf>>;
  parent: repo.ActionRow | null;
  children: repo.ActionRow[];
  today: string;
}

export function presentAction(actor: Actor, p: ActionDetailParts): Action {
  const { a, today } = p;
  const facts = factsOf(a, p.partners);
  const ms = p.milestones.map((m) => ({ due: m.dueDate, done: m.doneAt !== null }));
  const abilities = actionAbilities(actor, facts);
  return {
    ...presentSummary(a, p.leadName, p.partners, p.progress.get(a.id), ms, today),
    description: a.description,
    parent: p.parent ? { id: p.parent.id, ref: actionRef(p.parent.number), title: p.parent.title } : null,
    children: p.children.map((c) => ({
      id: c.id,
      ref: actionRef(c.number),
      title: c.title,
      progress: p.progress.get(c.id)?.progress ?? null,
    })),
    sourceRequestId: a.sourceRequestId,
    objectiveId: a.objectiveId,
    milestones: p.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      due: m.dueDate,
      doneAt: iso(m.doneAt),
      weight: m.weight,
      overdue: milestoneOverdue({ due: m.dueDate, done: m.doneAt !== null }, today),
    })),
    contributions: p.contributions.map(({ c, name }) => ({
      id: c.id,
      organization: { id: c.organizationId, name },
      kind: c.kind,
      planned: Number(c.planned),
      actual: c.actual === null ? null : Number(c.actual),
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
      note: c.note,
      bookingId: c.bookingId,
      editable: abilities.includes('contribute') && canContributeFor(actor, facts, c.organizationId),
    })),
    documents: p.documents.map((d) => ({ id: d.id, title: d.title, url: d.url })),
    transitions: abilities.includes('transition') ? [...ACTION_TRANSITIONS[a.state]] : [],
    abilities,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
