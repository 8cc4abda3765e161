import type { SearchResponse } from '@clock/contracts';
import type { Db } from '../../db/client.ts';
import { canSeeNetworkContent, type Actor } from '../../core/actor.ts';
import { catalogueChangesSince } from '../catalogue/catalogue.service.ts';
import type * as repo from '../catalogue/catalogue.repo.ts';
import { Glossary, Translator } from './concepts.ts';
import { SearchIndex, type DocInput, type Localized, type ParsedQuery } from './search.index.ts';
import { highlight, markable, markedPhrases, type MarkableText } from './search.snippet.ts';
import type { Lang } from './text.rules.ts';

type OrgRow = Awaited<ReturnType<typeof repo.getOrganization>> & {};
type OfferRow = Awaited<ReturnType<typeof repo.getOffer>> & {};
type ExpertRow = Awaited<ReturnType<typeof repo.getExpert>> & {};

export interface SearchParams {
  q?: string; lang?: Lang; type?: string; organization?: string; sector?: string; filiera?: string; s3?: string;
  page: number; limit: number;
}

const pick = (l: Localized | null | undefined, lang: Lang): { text: string; lang: Lang } => {
  if (l?.[lang]) return { text: l[lang]!, lang };
  const other: Lang = lang === 'it' ? 'en' : 'it';
  return { text: l?.[other] ?? '', lang: l?.[other] ? other : lang };
};
const langFields = (l: Localized | null | undefined, weight: number) =>
  (['it', 'en'] as const).filter((k) => l?.[k]).map((k) => ({ text: l![k]!, lang: k, weight }));

/** Builds the index documents from catalogue rows; offers inherit their organisation's S3 priorities and, if they have none, its sectors and filiere. */
export function organizationDoc(o: OrgRow): DocInput {
  return {
    type: 'organization', id: o.id, organization: o.id, visibility: 'public',
    title: { it: o.name, en: o.name }, summary: o.description ?? {},
    fields: [
      { text: [o.name, o.shortName].filter(Boolean).join(' '), lang: 'both', weight: 3 },
      ...langFields(o.description, 1),
      ...langFields(o.profile?.district, 1.5),
      { text: o.town ?? '', lang: 'both', weight: 0.5 },
    ],
    sectors: o.sectors ?? [], filiere: o.filiere ?? [], s3: o.s3 ?? [],
  };
}
export function offerDoc(r: OfferRow, org: OrgRow | undefined): DocInput {
  return {
    type: r.type, id: r.id, organization: r.organizationId, visibility: 'public',
    title: r.title, summary: r.description ?? r.title,
    fields: [
      ...langFields(r.title, 3),
      ...langFields(r.description, 1),
      { text: (r.keywords ?? []).join(', '), lang: 'both', weight: 2 },
      { text: [r.lab, r.location].filter(Boolean).join(', '), lang: 'both', weight: 0.7 },
      { text: org ? [org.name, org.shortName].filter(Boolean).join(' ') : '', lang: 'both', weight: 0.4 },
    ],
    sectors: r.sectors ?? org?.sectors ?? [], filiere: r.filiere ?? org?.filiere ?? [], s3: r.s3 ?? org?.s3 ?? [],
  };
}
export function expertDoc(e: ExpertRow, org: OrgRow | undefined): DocInput {
  return {
    type: 'expert', id: e.id, organization: e.organizationId, visibility: e.publicProfile ? 'public' : 'network',
    title: { it: e.name, en: e.name }, summary: e.expertise ?? e.role ?? {},
    fields: [
      { text: e.name, lang: 'both', weight: 2 },
      ...langFields(e.role, 1),
      ...langFields(e.expertise, 1.5),
      { text: (e.keywords ?? []).join(', '), lang: 'both', weight: 2 },
      { text: org ? [org.name, org.shortName].filter(Boolean).join(' ') : '', lang: 'both', weight: 0.4 },
    ],
    sectors: org?.sectors ?? [], filiere: org?.filiere ?? [], s3: org?.s3 ?? [],
  };
}

/**
 * Keeps an in-memory SearchIndex in step with the database (by catalogue revision, so several processes sharing one
 * PostgreSQL all see every write) and answers search queries for an actor.
 */
export class SearchService {
  index: SearchIndex;
  private readonly translator: Translator | null;
  private revision = 0;
  private orgs = new Map<string, OrgRow>();
  private lastCheck = 0;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly db: Db, readonly glossary = Glossary.load(), translator: Translator | null = Translator.load(),
    private readonly checkEveryMs = 1000) {
    this.translator = translator;
    this.index = new SearchIndex(glossary, translator);
  }

  /** Brings the index up to date with every catalogue change since the last refresh. */
  refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.lastCheck < this.checkEveryMs) return Promise.resolve();
    this.refreshing ??= this.doRefresh().finally(() => { this.refreshing = null; });
    return this.refreshing;
  }

  private async doRefresh() {
    this.lastCheck = Date.now();
    const changes = await catalogueChangesSince(this.db, this.revision);
    if (changes.revision === this.revision) return;
    for (const o of changes.organizations) this.orgs.set(o.id, o);
    // A full reload builds a new index and swaps it in, so replaced documents leave no tombstones behind.
    const index = changes.full ? new SearchIndex(this.glossary, this.translator) : this.index;
    if (changes.full) for (const o of this.orgs.values()) if (!o.retiredAt) index.upsert(organizationDoc(o));
    for (const o of changes.full ? [] : changes.organizations) {
      if (o.retiredAt) this.index.remove('organization', o.id);
      else this.index.upsert(organizationDoc(o));
    }
    for (const r of changes.offers) {
      if (r.retiredAt) index.remove(r.type, r.id);
      else index.upsert(offerDoc(r, this.orgs.get(r.organizationId)));
    }
    for (const e of changes.experts) {
      if (e.retiredAt) index.remove('expert', e.id);
      else index.upsert(expertDoc(e, this.orgs.get(e.organizationId)));
    }
    this.index = index;
    this.revision = changes.revision;
  }

  /** The words of `text` that match a query, marked as in search snippets (used to explain matches). */
  highlight(text: string, lang: Lang, query: ParsedQuery, maxWords = 32): string {
    return highlight(text, lang, query, this.glossary, maxWords);
  }

  /** A text analysed once, to list the phrases several queries match in it (used to explain matches). */
  markable(text: string, lang: Lang): MarkableText {
    return markable(text, lang, this.glossary);
  }

  /** The phrases of an analysed text that a query matches, as `highlight` would mark them. */
  markedPhrases(text: MarkableText, query: ParsedQuery): string[] {
    return markedPhrases(text, query);
  }

  async search(actor: Actor, p: SearchParams): Promise<SearchResponse> {
    await this.refresh();
    const lang: Lang = p.lang ?? 'it';
    const query = this.index.parse(p.q ?? '', p.lang ?? null);
    const network = canSeeNetworkContent(actor);
    const result = this.index.search(query, p, (d) => network || d.visibility === 'public', (p.page - 1) * p.limit, p.limit);
    return {
      total: result.total,
      page: p.page,
      limit: p.limit,
      hits: result.hits.map(({ doc, score }) => {
        const title = pick(doc.title, lang);
        const summary = pick(doc.summary, title.lang);
        return {
          id: doc.id, type: doc.type, organization: doc.organization, title: title.text,
          snippet: highlight(summary.text, summary.lang, query, this.glossary), score: Math.round(score * 1000) / 1000,
          lang: title.lang,
        };
      }),
      facets: result.facets,
      interpretation: {
        corrections: query.corrections,
        concepts: query.concepts.map((id) => ({ id, label: this.glossary.label(id, lang) })),
      },
    };
  }
}
