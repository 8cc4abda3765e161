import type { OpportunityKind } from '@clock/contracts';
import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { DocInput } from '../search/search.index.ts';
import * as repo from './opportunities.repo.ts';
import { opportunityDoc, opportunityText } from './opportunities.presenter.ts';
import { isHandler, isOwner, opportunityRef } from './opportunities.rules.ts';
import { nowOf, readable, type BrokerageDeps } from './opportunities.service.ts';

/** An offer finds requests and a request offers; a search for R&D partners finds other R&D partner searches too. */
export const COUNTERPART_KINDS: Record<OpportunityKind, OpportunityKind[]> = {
  'business-offer': ['business-request'],
  'business-request': ['business-offer'],
  'technology-offer': ['technology-request', 'rd-partner'],
  'technology-request': ['technology-offer', 'rd-partner'],
  'rd-partner': ['rd-partner', 'technology-offer', 'technology-request'],
};
/** Which side of a company profile answers: an offer looks for what companies seek, a request for what they offer. */
const PROFILE_SIDE: Record<OpportunityKind, ('offers' | 'seeks')[]> = {
  'business-offer': ['seeks'],
  'business-request': ['offers'],
  'technology-offer': ['seeks'],
  'technology-request': ['offers'],
  'rd-partner': ['offers', 'seeks'],
};

/**
 * Suggested counterparts of an opportunity, for its company and its handling centre: published opportunities of the
 * answering kinds and verified companies' profiles, ranked and explained by the matching engine (in the analysis
 * thread, across Italian and English). An anonymous counterpart is shown without its company: its handling centre
 * introduces.
 */
export async function counterparts(deps: BrokerageDeps, actor: Actor, id: string, q: { limit?: number }) {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const o = await readable(deps.db, actor, id);
  if (!isOwner(actor, o) && !isHandler(actor, o))
    throw new AppError('FORBIDDEN', 'Only the company and its handling centre see the suggested counterparts');
  if (!deps.search) throw new AppError('UNAVAILABLE', 'Matching is not available');
  const kinds = COUNTERPART_KINDS[o.kind];
  const opps = (await repo.allOpportunities(deps.db, { now: nowOf(deps) })).filter(
    (x) => x.id !== o.id && x.organizationId !== o.organizationId && kinds.includes(x.kind),
  );
  const profiles = await repo.companyProfilesFor(deps.db, o.organizationId);
  const sides = PROFILE_SIDE[o.kind];
  const profileDocs: DocInput[] = profiles
    .map((p) => {
      const texts = sides.map((s) => p[s]).filter((t): t is { it?: string; en?: string } => !!t);
      const fields = texts.flatMap((t) =>
        (['it', 'en'] as const).filter((l) => t[l]).map((l) => ({ text: t[l]!, lang: l, weight: 1 })),
      );
      const summary = texts[0] ?? {};
      return {
        type: 'company' as const,
        id: p.id,
        organization: p.id,
        visibility: 'public' as const,
        title: { it: p.name, en: p.name },
        summary,
        fields,
        sectors: p.sectors ?? [],
        filiere: p.filiere ?? [],
        s3: [],
      };
    })
    .filter((d) => d.fields.length > 0);
  const { text, lang } = opportunityText(o);
  const limit = q.limit ?? 10;
  const result = await deps.search.matchAmong(
    'match',
    { text, lang, limit, filiera: o.filiere[0], sector: o.sectors[0] },
    [...opps.map(opportunityDoc), ...profileDocs],
  );
  const oppById = new Map(opps.map((x) => [x.id, x]));
  const profileById = new Map(profiles.map((p) => [p.id, p]));
  return {
    items: result.results.map((r) => {
      if (r.type === 'opportunity') {
        const x = oppById.get(r.id)!;
        return {
          type: 'opportunity' as const,
          id: x.id,
          reference: opportunityRef(x.number),
          kind: x.kind,
          title: x.title[lang] ?? x.title.it ?? x.title.en ?? '',
          company: x.anonymous ? null : { id: x.organizationId, name: x.companyName },
          score: r.score,
          why: r.why,
        };
      }
      const p = profileById.get(r.id)!;
      return {
        type: 'company' as const,
        id: p.id,
        reference: null,
        kind: null,
        title: p.name,
        company: { id: p.id, name: p.name },
        score: r.score,
        why: r.why,
      };
    }),
    truncated: result.truncated,
  };
}
