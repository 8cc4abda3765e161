import type { OpportunityView } from '@clock/contracts';
import type { Actor } from '../../core/actor.ts';
import type { DocInput, Localized } from '../search/search.index.ts';
import type { OpportunityRow } from './opportunities.repo.ts';
import { allowedActions, canSeeCompany, isHandler, isOwner, opportunityRef } from './opportunities.rules.ts';

type Reviews = {
  id: string;
  decision: string;
  clarity: number;
  innovation: number;
  partnerSought: number;
  completeness: number;
  comment: string | null;
  createdAt: Date;
}[];

/**
 * What a caller reads of an opportunity. An anonymous one carries no company (no id, no name, nowhere in the answer)
 * unless the caller is its company, its handling centre, or a company it was introduced to.
 */
export function presentOpportunity(
  actor: Actor,
  o: OpportunityRow,
  revealedTo: readonly string[] = [],
  extra: { score?: number; reviews?: Reviews } = {},
): OpportunityView & { reviews?: unknown[] } {
  const insider = isOwner(actor, o) || isHandler(actor, o);
  return {
    id: o.id,
    reference: opportunityRef(o.number),
    kind: o.kind,
    state: o.state,
    anonymous: o.anonymous,
    company: canSeeCompany(actor, o, revealedTo) ? { id: o.organizationId, name: o.companyName } : null,
    centre: { id: o.centreId, name: o.centreName },
    title: o.title,
    description: o.description,
    technology: o.technology ?? null,
    stage: o.stage ?? null,
    ipStatus: o.ipStatus ?? null,
    partnerSought: o.partnerSought ?? null,
    partnershipKinds: o.partnershipKinds,
    filiere: o.filiere,
    sectors: o.sectors,
    s3: o.s3,
    expiresAt: o.expiresAt.toISOString(),
    publishedAt: o.publishedAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
    ...(extra.score === undefined ? {} : { score: extra.score }),
    actions: allowedActions(actor, o),
    ...(insider && extra.reviews
      ? {
          reviews: extra.reviews.map((r) => ({
            id: r.id,
            decision: r.decision,
            scores: {
              clarity: r.clarity,
              innovation: r.innovation,
              partnerSought: r.partnerSought,
              completeness: r.completeness,
            },
            comment: r.comment,
            createdAt: r.createdAt.toISOString(),
          })),
        }
      : {}),
  };
}

const fields = (l: Localized | null | undefined, weight: number) =>
  (['it', 'en'] as const).filter((k) => l?.[k]).map((k) => ({ text: l![k]!, lang: k, weight }));

/**
 * An opportunity as a document of the brokerage's small indexes. Its organisation is never the company of an
 * anonymous one (the analysis thread sees only what any reader may).
 */
export function opportunityDoc(o: OpportunityRow): DocInput {
  return {
    type: 'opportunity',
    id: o.id,
    organization: o.anonymous ? `anonymous:${o.id}` : o.organizationId,
    visibility: 'public',
    title: o.title,
    summary: o.description,
    fields: [
      ...fields(o.title, 3),
      ...fields(o.description, 1),
      ...fields(o.technology, 2),
      ...fields(o.partnerSought, 1),
    ],
    sectors: o.sectors,
    filiere: o.filiere,
    s3: o.s3,
  };
}

/** The text an opportunity is matched on: its words in one language (Italian when it has both). */
export function opportunityText(o: OpportunityRow): { text: string; lang: 'it' | 'en' } {
  const lang = o.title.it || o.description.it ? 'it' : 'en';
  const parts = [o.title, o.description, o.technology, o.partnerSought].map((l) => l?.[lang] ?? '');
  return { text: parts.filter(Boolean).join('. '), lang };
}
