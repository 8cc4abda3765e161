import type { SearchEngine } from '../search/search.engine.ts';
import type { DocInput, ParsedQuery, QueryAlt } from '../search/search.index.ts';
import { WorkBudget } from '../search/budget.rules.ts';
import { guessLanguage, type Lang } from '../search/text.rules.ts';
import { addClauseAspects, composeTeams, splitIntoAspects, type Aspect, type OrgCoverage } from './matching.rules.ts';

export interface MatchInput {
  text: string;
  lang?: Lang;
  sector?: string;
  filiera?: string;
  limit?: number;
}
export type MatchResult = ReturnType<typeof matchOnIndex>;

const COVER_THRESHOLD = 0.35;
/**
 * A clause aspect counts half a concept aspect for teams; its ranking weighs 0.5 in the record ranking of a problem with
 * several concept aspects, and nothing otherwise (on single-need problems it only added noise).
 */
const CLAUSE_WEIGHT = 0.5;
const CLAUSE_RANK_WEIGHT = 0.5;
/**
 * Team value, in aspects' worth: each partner after the first costs 0.2; each member adds up to 0.5 for its relevance to
 * the whole problem (its organisation score over the best one's), because the organisation ranking is the strongest
 * signal of who is needed when the aspects are missed or noisy.
 */
const PARTNER_COST = 0.2;
const RELEVANCE_WEIGHT = 0.5;
const EQUIPMENT_WORDS =
  /\b(strument\w*|macchin\w*|attrezzatur\w*|apparecchi\w*|banco prova|prenot\w*|equipment|instrument\w*|machine\w*|apparatus|facility|book(ing)?)\b/i;
const EXPERT_WORDS = /\b(espert\w*|consulent\w*|ricercator\w*|expert\w*|consultant\w*|researcher\w*|specialist\w*)\b/i;

/** One alternative per term, with its best weight. */
function bestOf(alts: QueryAlt[]): QueryAlt[] {
  const best = new Map<string, number>();
  for (const a of alts) if (a.weight > (best.get(a.term) ?? 0)) best.set(a.term, a.weight);
  return [...best].map(([term, weight]) => ({ term, weight }));
}

/**
 * Matches a company's problem to the network: aspects, ranked records and organisations, and teams of at most four
 * organisations covering the aspects, each result explaining which words and concepts matched where. Runs in the
 * analysis thread, next to the index (`network`: whether the caller may see network-only records).
 */
export function matchOnIndex(search: SearchEngine, input: MatchInput, network: boolean, workBudget?: WorkBudget) {
  const text = input.text.trim();
  const budget = workBudget ?? new WorkBudget();
  const index = search.index;
  const lang: Lang = input.lang ?? guessLanguage(text) ?? 'it';
  const limit = input.limit ?? 10;
  const visible = (d: DocInput) => (network || d.visibility === 'public') && d.type !== 'organization';
  const parsed = index.parse(text, input.lang ?? null, budget);
  const conceptAspects = splitIntoAspects(parsed, index.glossary, lang, budget);
  const allAspects = addClauseAspects(text, parsed, conceptAspects, index.glossary, true, budget);

  const rank = (q: ParsedQuery) => {
    const r = index.search(q, {}, visible, 0, 200, { rankOnly: true });
    const max = r.hits[0]?.score ?? 1;
    return new Map(r.hits.map((h) => [`${h.doc.type}:${h.doc.id}`, { doc: h.doc, score: h.score / max }]));
  };
  // The whole problem, plus each aspect on its own so secondary aspects keep their best records near the top.
  // (Words an aspect spans also reach its related services and, at a lower weight, the context words, which are the
  // same for every concept aspect.)
  let full = new Map<string, { doc: DocInput; score: number }>();
  if (conceptAspects.length > 1) {
    // The alternatives each word carries in the aspects that span it (by label, gathered in one pass).
    const spansOf = new Map<string, QueryAlt[]>();
    for (const a of conceptAspects)
      for (const x of a.query.units) spansOf.set(x.label, [...(spansOf.get(x.label) ?? []), ...x.alts]);
    full = rank({
      ...parsed,
      shared: conceptAspects[0]!.query.shared,
      units: parsed.units.map((u) => {
        const spans = spansOf.get(u.label);
        return { ...u, alts: spans ? bestOf([...u.alts, ...spans]) : u.alts, shares: spans !== undefined };
      }),
    });
  } else full = rank({ ...parsed, units: conceptAspects[0]!.query.units, shared: conceptAspects[0]!.query.shared });
  // Each aspect is ranked while time is left (the first ones are the first named in the text).
  const rankedAspects: { aspect: Aspect; ranked: ReturnType<typeof rank> }[] = [];
  for (const a of allAspects) {
    if (!budget.left()) break;
    rankedAspects.push({ aspect: a, ranked: rank(a.query) });
  }
  // A clause aspect that matches nothing in the catalogue is dropped (it is context, or words the network does not know).
  const perAspect = rankedAspects.filter((p) => p.aspect.kind === 'concept' || p.ranked.size > 0);
  const aspects = perAspect.map((p) => p.aspect);

  const wantsEquipment = EQUIPMENT_WORDS.test(text);
  const wantsExpert = EXPERT_WORDS.test(text);
  const combined = new Map<string, { doc: DocInput; score: number; aspects: Record<string, number> }>();
  const consider = (key: string, doc: DocInput) => {
    let c = combined.get(key);
    if (!c) {
      c = { doc, score: 0, aspects: {} };
      combined.set(key, c);
    }
    return c;
  };
  for (const [key, { doc, score }] of full) consider(key, doc).score = score;
  for (const { aspect, ranked } of perAspect) {
    for (const [key, { doc, score }] of ranked) {
      const c = consider(key, doc);
      c.aspects[aspect.label] = score;
      const f =
        aspect.kind === 'clause'
          ? conceptAspects.length > 1
            ? CLAUSE_RANK_WEIGHT
            : 0
          : conceptAspects.length > 1
            ? 0.95
            : 1;
      c.score = Math.max(c.score, f * score);
    }
  }
  for (const c of combined.values()) {
    let boost = 1;
    if (wantsEquipment && c.doc.type === 'equipment') boost *= 1.15;
    if (wantsExpert && c.doc.type === 'expert') boost *= 1.15;
    if (input.filiera && c.doc.filiere.includes(input.filiera)) boost *= 1.1;
    if (input.sector && c.doc.sectors.some((s) => s.startsWith(input.sector!) || input.sector!.startsWith(s)))
      boost *= 1.05;
    c.score *= boost;
  }
  const ranked = [...combined.values()].sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id));

  // Organisations: best record plus decaying weight of the next ones, and which aspects they cover.
  const byOrg = new Map<string, typeof ranked>();
  for (const r of ranked) {
    const list = byOrg.get(r.doc.organization) ?? [];
    list.push(r);
    byOrg.set(r.doc.organization, list);
  }
  const orgs: OrgCoverage[] = [...byOrg]
    .map(([id, list]) => {
      const strength: Record<string, number> = {};
      for (const a of aspects) strength[a.label] = Math.max(0, ...list.map((r) => r.aspects[a.label] ?? 0));
      const covers = aspects.filter((a) => strength[a.label]! >= COVER_THRESHOLD).map((a) => a.label);
      const score =
        list.slice(0, 5).reduce((s, r, i) => s + r.score * 0.5 ** i, 0) +
        0.25 * aspects.filter((a) => a.kind === 'concept' && strength[a.label]! >= COVER_THRESHOLD).length;
      return { id, score: Math.round(score * 1000) / 1000, covers, strength };
    })
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));

  // The terms of each aspect's query, gathered once for all the results it explains.
  const termSets = new Map<ParsedQuery, ReadonlySet<string>>();
  const terms = (q: ParsedQuery) => {
    let t = termSets.get(q);
    if (!t) {
      t = search.queryTerms(q);
      termSets.set(q, t);
    }
    return t;
  };
  const teams = composeTeams(
    aspects.map((a) => a.label),
    orgs,
    {
      coverThreshold: COVER_THRESHOLD,
      partnerCost: PARTNER_COST,
      relevanceWeight: RELEVANCE_WEIGHT,
      weights: Object.fromEntries(aspects.map((a) => [a.label, a.kind === 'clause' ? CLAUSE_WEIGHT : 1])),
    },
  );
  return {
    lang,
    aspects: aspects.map((a) => ({
      label: a.label,
      kind: a.kind,
      concepts: a.concepts,
      words: a.words,
      best: perAspect.find((p) => p.aspect === a)!.ranked.size
        ? [...perAspect.find((p) => p.aspect === a)!.ranked.values()].slice(0, 3).map((r) => r.doc.id)
        : [],
    })),
    results: ranked.slice(0, limit).map((r) => ({
      id: r.doc.id,
      type: r.doc.type,
      organization: r.doc.organization,
      title: r.doc.title[lang] ?? r.doc.title[lang === 'it' ? 'en' : 'it'] ?? r.doc.id,
      score: Math.round(r.score * 1000) / 1000,
      aspects: Object.entries(r.aspects)
        .filter(([, s]) => s >= COVER_THRESHOLD)
        .map(([label]) => label),
      // Explanations while time is left (a result without one is still ranked).
      why: budget.left() ? explain(search, r.doc, aspects, parsed, terms) : [],
    })),
    organizations: orgs.slice(0, 20).map(({ id, score, covers }) => ({ id, score, covers })),
    teams,
    truncated: budget.truncated,
  };
}

/**
 * Which words and concepts of the problem matched which part of the record: for each aspect and field, the phrases the
 * search snippets would mark. Each field is analysed once for all the aspects.
 */
function explain(
  search: SearchEngine,
  doc: DocInput,
  aspects: Aspect[],
  parsed: ParsedQuery,
  terms: (q: ParsedQuery) => ReadonlySet<string>,
) {
  const out: { aspect: string | null; field: string; matched: string[] }[] = [];
  const fields: { name: string; text: ReturnType<SearchEngine['markable']> }[] = [];
  for (const l of ['it', 'en'] as const) {
    if (doc.title[l]) fields.push({ name: `title.${l}`, text: search.markable(doc.title[l]!, l) });
    if (doc.summary[l] && doc.summary[l] !== doc.title[l])
      fields.push({ name: `description.${l}`, text: search.markable(doc.summary[l]!, l) });
  }
  const queries = aspects.length
    ? aspects.map((a) => ({ aspect: a.label as string | null, q: a.query }))
    : [{ aspect: null, q: parsed }];
  for (const { aspect, q } of queries) {
    for (const f of fields) {
      const matched = search.markedPhrases(f.text, q, terms(q));
      if (matched.length) out.push({ aspect, field: f.name, matched });
    }
  }
  return out;
}
