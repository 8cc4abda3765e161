import type { SearchEngine } from '../search/search.engine.ts';
import type { DocInput, ParsedQuery, QueryAlt } from '../search/search.index.ts';
import { analysisSettings } from '../search/analysis.policy.ts';
import { WorkBudget } from '../search/budget.rules.ts';
import { guessLanguage, type Lang } from '../search/text.rules.ts';
import {
  addClauseAspects,
  composeTeams,
  isSymptomAspect,
  splitIntoAspects,
  TEAM_WEIGHTS,
  type Aspect,
  type OrgCoverage,
} from './matching.rules.ts';
import { ABSENT, firstSorted, labelSlots, rankVotes } from './fusion.rules.ts';

export interface MatchInput {
  text: string;
  lang?: Lang;
  sector?: string;
  filiera?: string;
  limit?: number;
  /**
   * The organisations a team may hold (the request's tier: a confidential request may be opened only to the network's
   * centres). Records of other organisations are still ranked; teams are composed from these only.
   */
  teamOrganizations?: string[];
}
export type MatchResult = ReturnType<typeof matchOnIndex>;

const COVER_THRESHOLD = 0.35;
/**
 * A clause aspect counts half a concept aspect for teams; its ranking weighs 0.5 in the record ranking of a problem with
 * several concept aspects, and nothing otherwise (on single-need problems it only added noise).
 */
const CLAUSE_WEIGHT = 0.5;
const CLAUSE_RANK_WEIGHT = 0.5;
const EQUIPMENT_WORDS =
  /\b(strument\w*|macchin\w*|attrezzatur\w*|apparecchi\w*|banco prova|prenot\w*|equipment|instrument\w*|machine\w*|apparatus|facility|book(ing)?)\b/i;
/**
 * Instrument nouns: a problem naming one asks for time on it (`equipmentCues`). Italian and English, singular and
 * plural; generic enough for any network's labs.
 */
const INSTRUMENT_WORDS =
  /\b(spettromet\w*|spettrofotomet\w*|microscop\w*|cromatograf\w*|diffrattomet\w*|calorimet\w*|reomet\w*|viscosimet\w*|durometr\w*|profilomet\w*|tomograf\w*|termocamer\w*|dinamomet\w*|analizzator\w*|camer[ae] climatic\w*|camer[ae] a nebbia|camer[ae] di prova|camer[ae] anecoic\w*|forn[oi] (da laboratorio|di prova)|pressa|presse|estrusor\w*|stampant\w* 3d|scanner|banc[oh]i? (di )?prova|impiant\w* pilota|linea pilota|galleria del vento|spectromet\w*|spectrophotomet\w*|microscope\w*|chromatograph\w*|diffractomet\w*|calorimet\w*|rheomet\w*|viscomet\w*|tomograph\w*|thermal camera\w*|analy[sz]er\w*|tester\w*|test rig\w*|rig|rigs|test bench\w*|test stand\w*|climatic chamber\w*|test chamber\w*|anechoic chamber\w*|furnace\w*|extruder\w*|3d printer\w*|pilot plant\w*|pilot line\w*|wind tunnel\w*|hours? on (a|an|the|your)|time on (a|an|the|your))\b/i;
/** Words of a request for access to an instrument (`instrumentAccess`): time on it, renting, booking, using it. */
const ACCESS_WORDS =
  /\b(ore|giornat\w*|tempo|accesso|accedere|noleggi\w*|affitt\w*|prenot\w*|usare|utilizzare|hours?|days?|time|access|rent\w*|hire|hiring|book\w*|slots?)\b/i;
/** How much a wanted record type (equipment, expert) counts. */
const TYPE_BOOST = 1.15;
/** Records whose concepts feed back into the problem's query, the concepts kept, and their weight. */
const FEEDBACK_RECORDS = 3;
const FEEDBACK_MIN_SHARE = 2;
const EXPERT_WORDS = /\b(espert\w*|consulent\w*|ricercator\w*|expert\w*|consultant\w*|researcher\w*|specialist\w*)\b/i;

/** A record in a matching's fusion of its rankings. */
interface Combined {
  doc: DocInput;
  score: number;
  reach: number;
  /** The best of `f × score` over the aspects' rankings that hold the record (`ABSENT` when none does). */
  bonus: number;
  /** The symptom floor (0 where none applies): the score never falls below it. */
  floor: number;
  /** By aspect position: the record's score in that aspect's ranking (`ABSENT` when the ranking does not hold it). */
  aspects: number[];
}

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
  const parsed = index.parse(text, input.lang ?? null, budget);
  const conceptAspects = splitIntoAspects(parsed, index.glossary, lang, budget);
  const translator = index.translator;
  const allAspects = addClauseAspects(
    text,
    parsed,
    conceptAspects,
    index.glossary,
    true,
    budget,
    translator ?? undefined,
    lang,
  );

  const settings = analysisSettings();
  const rank = (q: ParsedQuery) => {
    // Records the caller may see (organisations are ranked from their records, not as documents).
    const r = index.search(q, {}, network ? 'network' : 'public', 0, 200, {
      rankOnly: true,
      exceptType: 'organization',
      coordination: settings.matchingCoordination,
    });
    const max = r.hits[0]?.score ?? 1;
    // Each document once, with its number in the index (the same in every ranking of this problem), best first.
    return r.hits.map((h) => ({ doc: h.doc, ref: h.ref, score: h.score / max }));
  };
  // The whole problem, plus each aspect on its own so secondary aspects keep their best records near the top.
  // (Words an aspect spans also reach its related services and, at a lower weight, the context words, which are the
  // same for every concept aspect.)
  let whole: ParsedQuery;
  if (conceptAspects.length > 1) {
    // The alternatives each word carries in the aspects that span it (by label, gathered in one pass).
    const spansOf = new Map<string, QueryAlt[]>();
    for (const a of conceptAspects)
      for (const x of a.query.units) spansOf.set(x.label, [...(spansOf.get(x.label) ?? []), ...x.alts]);
    whole = {
      ...parsed,
      shared: conceptAspects[0]!.query.shared,
      units: parsed.units.map((u) => {
        const spans = spansOf.get(u.label);
        return { ...u, alts: spans ? bestOf([...u.alts, ...spans]) : u.alts, shares: spans !== undefined };
      }),
    };
  } else whole = { ...parsed, units: conceptAspects[0]!.query.units, shared: conceptAspects[0]!.query.shared };
  const full = rank(whole);
  // Each aspect is ranked while time is left (the first ones are the first named in the text). A ranking reads only a
  // query's units and shared alternatives: an aspect with the whole problem's (a problem with one concept aspect)
  // has the whole problem's ranking, which is not computed again.
  const rankedAspects: { aspect: Aspect; ranked: ReturnType<typeof rank> }[] = [];
  for (const a of allAspects) {
    if (!budget.left()) break;
    const same = a.query.units === whole.units && a.query.shared === whole.shared;
    rankedAspects.push({ aspect: a, ranked: same ? full : rank(a.query) });
  }
  // A clause aspect that matches nothing in the catalogue is dropped (it is context, or words the network does not know).
  const perAspect = rankedAspects.filter((p) => p.aspect.kind === 'concept' || p.ranked.length > 0);
  const aspects = perAspect.map((p) => p.aspect);
  const labels = labelSlots(aspects);
  // What is shown, claimed and covered by teams: every aspect but the unnamed clauses (which still rank).
  const shown = aspects.filter((a) => !a.unnamed);
  const shownAt = aspects.flatMap((a, i) => (a.unnamed ? [] : [i]));
  const shownLabels = new Set(shown.map((a) => a.label));

  // `reach`: the record's best score on the whole problem or on any one aspect — what an organisation brings to a team,
  // where a partner is wanted precisely for a secondary aspect.
  // (Keyed by the document's number in the index: one per record while the index is unchanged. `aspects[i]` is the score in
  // the ranking of `aspects[i]`, `ABSENT` where that ranking does not hold the record, as `bonus` where none does.)
  const combined = new Map<number, Combined>();
  const consider = (doc: DocInput, ref: number) => {
    let c = combined.get(ref);
    if (!c) {
      c = { doc, score: 0, reach: 0, bonus: ABSENT, floor: 0, aspects: new Array<number>(aspects.length).fill(ABSENT) };
      combined.set(ref, c);
    }
    return c;
  };
  for (const { doc, ref, score } of full) {
    const c = consider(doc, ref);
    c.score = score;
    c.reach = score;
  }
  // Fusion. Blend: the whole problem's score plus a bounded bonus for the record's best aspect, so a spurious or minor
  // aspect cannot lift a record that scores weakly on the problem as a whole. Legacy: the maximum over each aspect's
  // ranking normalised to its own best record.
  // In a problem naming a symptom and what suffers it (a material, a process, a product), the records of those other
  // concept aspects keep a floor (`symptomFloor`): on the whole problem the symptom's words, and the tests and services
  // it links to, outweigh the records of the material or process, which are often what the problem needs.
  const symptoms =
    settings.blend && settings.symptomFloor > 0
      ? new Set(perAspect.filter((p) => isSymptomAspect(p.aspect, index.glossary)).map((p) => p.aspect))
      : new Set<Aspect>();
  const floor = settings.symptomFloor * (1 + settings.blendWeight);
  for (let i = 0; i < perAspect.length; i++) {
    const { aspect, ranked } = perAspect[i]!;
    const f =
      aspect.kind === 'clause'
        ? conceptAspects.length > 1
          ? CLAUSE_RANK_WEIGHT
          : 0
        : conceptAspects.length > 1
          ? 0.95
          : 1;
    const floored = symptoms.size > 0 && aspect.kind === 'concept' && !symptoms.has(aspect);
    for (const { doc, ref, score } of ranked) {
      const c = consider(doc, ref);
      c.aspects[i] = score;
      c.reach = Math.max(c.reach, f * score);
      if (settings.blend) c.bonus = Math.max(c.bonus === ABSENT ? 0 : c.bonus, f * score);
      else c.score = c.reach;
      if (floored) c.floor = Math.max(c.floor, floor * f * score);
    }
  }
  if (settings.blend)
    for (const c of combined.values()) {
      if (c.bonus !== ABSENT) c.score += settings.blendWeight * c.bonus;
      if (c.floor > c.score) c.score = c.floor;
    }
  // Agreement vote (`rankFusion`): reciprocal rank fusion of the whole problem's ranking and the record's best aspect
  // ranking (clause aspects too), added to the blend. Replacing the blend with it lifted problems in everyday wording but
  // cost those whose right record leads the whole problem by a margin no aspect ranking shows (the cross-language ones).
  // A problem under the symptom floor keeps the floor's fusion: the vote would lift the tests the symptom links to,
  // near the top of the whole problem and of the symptom aspect, back above the material's or process's best records.
  const floored = perAspect.some((p) => symptoms.size > 0 && p.aspect.kind === 'concept' && !symptoms.has(p.aspect));
  if (settings.rankFusion > 0 && !floored) {
    const weight = settings.rankFusionWeight * (1 + settings.blendWeight);
    const votes = rankVotes(
      full,
      perAspect.map((p) => p.ranked),
      settings.rankFusion,
    );
    for (const [ref, v] of votes) combined.get(ref)!.score += weight * v;
  }
  // Pseudo-relevance feedback: glossary concepts that several of the first records share, and the problem does not
  // name, rank the records once more; that ranking adds a small share.
  if (settings.feedback && budget.left()) {
    const top = firstSorted(combined.values(), FEEDBACK_RECORDS, (a, b) => b.score - a.score);
    const named = new Set(parsed.concepts);
    const count = new Map<string, number>();
    for (const r of top) {
      const found = new Set<string>();
      for (const l of ['it', 'en'] as const) {
        const t = r.doc.title[l];
        if (t) for (const h of index.glossary.findInText(t, l)) found.add(h.concept);
      }
      for (const c of found) if (!named.has(c)) count.set(c, (count.get(c) ?? 0) + 1);
    }
    const fed = [...count].filter(([, n]) => n >= FEEDBACK_MIN_SHARE).map(([c]) => c);
    if (fed.length) {
      const ranked = rank({
        ...parsed,
        shared: undefined,
        units: fed.map((c) => ({ label: c, alts: [{ term: `c:${c}`, weight: 1 }] })),
      });
      for (const { doc, ref, score } of ranked) consider(doc, ref).score += settings.feedbackWeight * score;
    }
  }
  const wantsEquipment =
    EQUIPMENT_WORDS.test(text) ||
    (settings.equipmentCues && INSTRUMENT_WORDS.test(text) && (!settings.instrumentAccess || ACCESS_WORDS.test(text)));
  const wantsExpert = EXPERT_WORDS.test(text);
  const typeBoost = settings.equipmentCues ? settings.equipmentBoost : TYPE_BOOST;
  for (const c of combined.values()) {
    let boost = 1;
    if (wantsEquipment && c.doc.type === 'equipment') boost *= typeBoost;
    if (wantsExpert && c.doc.type === 'expert') boost *= TYPE_BOOST;
    if (input.filiera && c.doc.filiere.includes(input.filiera)) boost *= 1.1;
    if (input.sector && c.doc.sectors.some((s) => s.startsWith(input.sector!) || input.sector!.startsWith(s)))
      boost *= 1.05;
    c.score *= boost;
    c.reach *= boost;
  }
  const byScore = (a: Combined, b: Combined) => b.score - a.score || a.doc.id.localeCompare(b.doc.id);
  const ranked =
    Number.isInteger(limit) && limit >= 0
      ? firstSorted(combined.values(), limit, byScore)
      : [...combined.values()].sort(byScore).slice(0, limit);

  // Organisations: best record plus decaying weight of the next ones (by reach), and which aspects they cover. (Records
  // by reach, ties in score order: one stable sort by both gives the order of a sort by reach of the sorted records.)
  const byOrg = new Map<string, Combined[]>();
  const byReach = (a: Combined, b: Combined) => b.reach - a.reach || a.doc.id.localeCompare(b.doc.id);
  for (const r of [...combined.values()].sort((a, b) => byReach(a, b) || byScore(a, b))) {
    const list = byOrg.get(r.doc.organization) ?? [];
    list.push(r);
    byOrg.set(r.doc.organization, list);
  }
  const orgs: OrgCoverage[] = [...byOrg]
    .map(([id, list]) => {
      const strength: Record<string, number> = {};
      for (const i of shownAt) {
        let best = 0;
        for (const r of list) best = Math.max(best, labels.score(r.aspects, i));
        strength[aspects[i]!.label] = best;
      }
      const covers = shown.filter((a) => strength[a.label]! >= COVER_THRESHOLD).map((a) => a.label);
      const score =
        list.slice(0, 5).reduce((s, r, i) => s + r.reach * 0.5 ** i, 0) +
        0.25 * shown.filter((a) => a.kind === 'concept' && strength[a.label]! >= COVER_THRESHOLD).length;
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
  // Teams hold only organisations the request may be opened to (its tier).
  const allowed = input.teamOrganizations ? new Set(input.teamOrganizations) : null;
  const teams = composeTeams(
    shown.map((a) => a.label),
    allowed ? orgs.filter((o) => allowed.has(o.id)) : orgs,
    {
      coverThreshold: COVER_THRESHOLD,
      ...TEAM_WEIGHTS,
      weights: Object.fromEntries(shown.map((a) => [a.label, a.kind === 'clause' ? CLAUSE_WEIGHT : 1])),
    },
  );
  return {
    lang,
    aspects: shown.map((a) => ({
      label: a.label,
      kind: a.kind,
      concepts: a.concepts,
      words: a.words,
      best: perAspect
        .find((p) => p.aspect === a)!
        .ranked.slice(0, 3)
        .map((r) => r.doc.id),
    })),
    results: ranked.map((r) => ({
      id: r.doc.id,
      type: r.doc.type,
      organization: r.doc.organization,
      title: r.doc.title[lang] ?? r.doc.title[lang === 'it' ? 'en' : 'it'] ?? r.doc.id,
      score: Math.round(r.score * 1000) / 1000,
      aspects: Object.entries(labels.record(r.aspects))
        .filter(([label, s]) => s >= COVER_THRESHOLD && shownLabels.has(label))
        .map(([label]) => label),
      // Explanations while time is left (a result without one is still ranked).
      why: budget.left() ? explain(search, r.doc, shown, parsed, terms) : [],
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

export interface AmongResult {
  results: { id: string; type: string; score: number; why: { field: string; matched: string[] }[] }[];
  truncated: boolean;
}

/**
 * Ranks a given set of documents (published opportunities, company profiles) against a text, with the same analysis
 * as the catalogue's search and matching — stems, glossary concepts, translations, so an English query finds an
 * Italian text — on a small index built for this call and dropped after it. `search` ranks by the query as search
 * does; `match` runs the matching engine (aspects, fusion) and explains each result.
 */
export function matchAmong(
  engine: SearchEngine,
  mode: 'search' | 'match',
  input: MatchInput,
  candidates: DocInput[],
): AmongResult {
  const local = engine.sibling();
  local.applyNow({ upserts: candidates, removals: [], full: false, first: false, final: false });
  const limit = input.limit ?? 10;
  if (mode === 'search') {
    const budget = new WorkBudget();
    const query = local.index.parse(input.text, input.lang ?? null, budget);
    const r = local.index.search(query, {}, () => true, 0, limit, { rankOnly: true });
    return {
      results: r.hits.map((h) => ({
        id: h.doc.id,
        type: h.doc.type,
        score: Math.round(h.score * 1000) / 1000,
        why: [],
      })),
      truncated: budget.truncated,
    };
  }
  const m = matchOnIndex(local, { ...input, limit }, true);
  return {
    results: m.results.map((r) => ({
      id: r.id,
      type: r.type,
      score: r.score,
      why: r.why.map((w) => ({ field: w.field, matched: w.matched })),
    })),
    truncated: m.truncated,
  };
}
