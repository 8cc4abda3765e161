import { analysisSettings, CONCEPT_WEIGHT } from '../search/analysis.policy.ts';
import { TEXT_LIMITS } from '../search/budget.rules.ts';
import type { Glossary } from '../search/concepts.ts';
import type { ParsedQuery, QueryUnit } from '../search/search.index.ts';
import { tokenize, type Lang } from '../search/text.rules.ts';
import { clauseName, nameKey, type WordClasses } from './aspect-names.rules.ts';
import { FirstSorted } from './fusion.rules.ts';

/**
 * One aspect of a problem: the words of the text it spans, the concepts it names, and its query. `concept` aspects
 * come from glossary concepts; `clause` aspects from a clause of the text that names a need no concept caught.
 */
export interface Aspect {
  id: string;
  label: string;
  kind: 'concept' | 'clause';
  concepts: string[];
  words: string[];
  query: ParsedQuery;
  /** A clause aspect with no name (no noun phrase of its own): it ranks, but is not shown, claimed or covered by teams. */
  unnamed?: true;
}

/** Told when a limit left part of the text out of the aspects (`TEXT_LIMITS.aspects`). */
export interface Truncation {
  truncated: boolean;
}

const CONTEXT_WEIGHT = 0.35;

/** The roots of the glossary's problem concepts: what goes wrong (degradation, defects, a plant's troubles). */
const SYMPTOM_ROOTS = new Set(['material-degradation', 'product-defects', 'industrial-problems']);

/** Whether an aspect names only symptoms (concepts under a problem root), not a material, process or service. */
export function isSymptomAspect(aspect: Aspect, glossary: Glossary): boolean {
  return (
    aspect.kind === 'concept' &&
    aspect.concepts.length > 0 &&
    aspect.concepts.every((c) => SYMPTOM_ROOTS.has(c) || glossary.ancestors(c, 4).some((a) => SYMPTOM_ROOTS.has(a)))
  );
}

/**
 * Breaks a parsed problem into aspects: each glossary concept named in the text is an aspect, unless a more specific
 * concept covers the same words or it is the broader concept of another one found; concepts linked in the glossary
 * (broader/narrower) merge into one aspect. Each aspect's query also reaches the services that address it (the
 * glossary's tested-by / solved-by / related links). Words no concept covers give context to every aspect; with no
 * concept at all the whole text is one aspect. At most `TEXT_LIMITS.aspects` aspects, the first named in the text.
 */
export function splitIntoAspects(
  parsed: ParsedQuery,
  glossary: Glossary,
  lang: 'it' | 'en',
  truncation: Truncation = { truncated: false },
): Aspect[] {
  const unitsOf = new Map<string, Set<number>>();
  parsed.units.forEach((u, i) => {
    for (const a of u.alts) {
      // Only concepts found in the text are aspects (one reached through a translation of a word is not named by the text).
      if (!a.term.startsWith('c:') || a.weight < CONCEPT_WEIGHT) continue;
      const id = a.term.slice(2);
      if (!unitsOf.has(id)) unitsOf.set(id, new Set());
      unitsOf.get(id)!.add(i);
    }
  });
  let concepts = [...unitsOf.keys()];
  const subset = (a: Set<number>, b: Set<number>) => [...a].every((x) => b.has(x));
  // Each concept's broader ones, looked up once (the comparisons below are between every pair of concepts found).
  const memo = (depth: number) => {
    const m = new Map<string, Set<string>>();
    return (c: string) => {
      let a = m.get(c);
      if (!a) {
        a = new Set(glossary.ancestors(c, depth));
        m.set(c, a);
      }
      return a;
    };
  };
  const ancestors3 = memo(3),
    ancestors2 = memo(2);
  // Keep the most specific: drop a concept whose words are all inside a longer concept's words, or that is broader than another found.
  concepts = concepts.filter(
    (c) =>
      !concepts.some(
        (o) =>
          o !== c &&
          ((unitsOf.get(o)!.size > unitsOf.get(c)!.size && subset(unitsOf.get(c)!, unitsOf.get(o)!)) ||
            ancestors3(o).has(c)),
      ),
  );
  // Merge concepts linked by broader/narrower or sharing words into one aspect.
  const groups: string[][] = [];
  for (const c of concepts) {
    const g = groups.find((grp) =>
      grp.some(
        (o) => ancestors2(o).has(c) || ancestors2(c).has(o) || [...unitsOf.get(c)!].some((u) => unitsOf.get(o)!.has(u)),
      ),
    );
    if (g) g.push(c);
    else groups.push([c]);
  }
  if (groups.length > TEXT_LIMITS.aspects) {
    for (const c of groups.splice(TEXT_LIMITS.aspects).flat()) unitsOf.delete(c);
    concepts = concepts.filter((c) => unitsOf.has(c));
    truncation.truncated = true;
  }
  const covered = new Set(concepts.flatMap((c) => [...unitsOf.get(c)!]));
  const context = parsed.units.filter((_, i) => !covered.has(i));
  // Context words help rank within an aspect but do not count against records that miss them: they are shared by every
  // unit of the aspect's query (a unit scores a record by the best of its own terms and these).
  const shared = new Map<string, number>();
  for (const u of context)
    for (const a of u.alts) shared.set(a.term, Math.max(shared.get(a.term) ?? 0, a.weight * CONTEXT_WEIGHT));
  const sharedAlts = [...shared].map(([term, weight]) => ({ term, weight }));
  const linkWeight = analysisSettings().linkWeight;
  if (!groups.length) {
    return [
      {
        id: 'a1',
        kind: 'concept',
        label: parsed.units
          .map((u) => u.label)
          .slice(0, 6)
          .join(' '),
        concepts: [],
        words: parsed.units.map((u) => u.label),
        query: parsed,
      },
    ];
  }
  return groups.map((group, n) => {
    const idx = [...new Set(group.flatMap((c) => [...unitsOf.get(c)!]))].sort((a, b) => a - b);
    const related = group.flatMap((c) => glossary.concepts.get(c)?.related.map((r) => r.to) ?? []);
    const units: QueryUnit[] = idx.map((i) => {
      const u = parsed.units[i]!;
      const alts = u.alts.map((a) => ({ ...a }));
      for (const r of related)
        if (!alts.some((a) => a.term === `c:${r}`)) alts.push({ term: `c:${r}`, weight: linkWeight });
      return { label: u.label, alts };
    });
    return {
      id: `a${n + 1}`,
      kind: 'concept' as const,
      label: glossary.label(group[0]!, lang),
      concepts: group,
      words: idx.map((i) => parsed.units[i]!.label),
      query: { ...parsed, units, shared: sharedAlts.length ? sharedAlts : undefined, concepts: [...group, ...related] },
    };
  });
}

/** Where a clause ends: sentence punctuation, a colon or semicolon, a line break, a dash between spaces. */
// (A run of punctuation is matched from its start only: trying every position inside a long run is quadratic.)
const CLAUSE_END = /(?<![.!?;:])[.!?;:]+(?=\s|$)|\n+|\s[–—]\s|\s-\s/g;
/** A clause needs this many content words of its own (not part of a concept aspect) to become an aspect. */
const MIN_CLAUSE_WORDS = 2;
/** Pieces between commas shorter than this (content words) stay with the piece before them. */
const MIN_PIECE_WORDS = 3;
/** Without WordNet (tests of the structure): every word a noun, no place names. */
const NO_CLASSES: WordClasses = { senses: () => null, lemmas: () => [], singulars: () => [], isPlace: () => false };

/** A clause of the text: the indices of its content words in the parsed units, and where it lies in the text. */
export interface Clause {
  units: number[];
  start: number;
  end: number;
}

/**
 * The clauses of a text, with their content words (indices into `units`, the parsed content words in text order):
 * sentences, split again at colons and semicolons and, when `commas`, at commas (requests often list their needs in
 * one sentence: "we need a pilot, someone to improve the catalyst, and a safety course"). A comma piece with fewer
 * than three content words stays with the piece before it.
 */
export function clauseUnits(text: string, units: QueryUnit[], commas = true): Clause[] {
  const ends = [...text.matchAll(commas ? new RegExp(`${CLAUSE_END.source}|,`, 'g') : CLAUSE_END)].map((m) => ({
    at: m.index!,
    comma: m[0] === ',',
  }));
  // Align each unit with its token in the text (units are the content words, in order).
  const tokens = tokenize(text);
  const clauses: { idx: number[]; comma: boolean; start: number; end: number }[] = [
    { idx: [], comma: false, start: -1, end: -1 },
  ];
  let t = 0,
    e = 0;
  units.forEach((u, i) => {
    let k = t;
    while (k < tokens.length && tokens[k]!.surface !== u.label) k++;
    if (k >= tokens.length) {
      clauses[clauses.length - 1]!.idx.push(i);
      return;
    }
    t = k;
    const tok = tokens[t]!;
    let opened = false;
    while (e < ends.length && ends[e]!.at < tok.start) {
      if (!opened) {
        clauses.push({ idx: [], comma: ends[e]!.comma, start: -1, end: -1 });
        opened = true;
      } else clauses[clauses.length - 1]!.comma &&= ends[e]!.comma;
      e++;
    }
    const c = clauses[clauses.length - 1]!;
    c.idx.push(i);
    if (c.start < 0) c.start = tok.start;
    c.end = tok.end;
    t++;
  });
  const out: Clause[] = [];
  for (const c of clauses) {
    if (!c.idx.length) continue;
    const prev = out[out.length - 1];
    if (c.comma && prev && (c.idx.length < MIN_PIECE_WORDS || prev.units.length < MIN_PIECE_WORDS)) {
      prev.units.push(...c.idx);
      if (c.end >= 0) prev.end = c.end;
    } else out.push({ units: [...c.idx], start: c.start, end: c.end });
  }
  return out;
}

/**
 * Adds an aspect for each clause of the text with at least two content words that no concept aspect spans: needs the
 * glossary does not name ("find a cheaper way to deal with the wet sludge", "someone to improve the catalyst") still
 * get their own ranking, so the team composer sees them. A clause aspect's query is its own words (with the concepts
 * and related services they carry); its name is a noun phrase of the clause (`clauseName`). A clause with no such
 * phrase ("perso tutta", "the problem comes back") still ranks, but is `unnamed`: it is not shown, claimed or covered
 * by teams. Clauses past `TEXT_LIMITS.aspects` aspects in all are left out (and `truncation` says so). A problem with
 * no concept and no clause aspect keeps its one whole-text aspect, named by its best noun phrase.
 */
export function addClauseAspects(
  text: string,
  parsed: ParsedQuery,
  aspects: Aspect[],
  glossary: Glossary,
  commas = true,
  truncation: Truncation = { truncated: false },
  classes: WordClasses = NO_CLASSES,
  lang: Lang = parsed.lang ?? 'it',
): Aspect[] {
  if (parsed.units.length === 0) return aspects;
  const concept = aspects.filter((a) => a.kind === 'concept' && a.concepts.length);
  const spanned = new Set(concept.flatMap((a) => a.query.units.map((u) => u.label)));
  const out = [...concept];
  const labels = new Set(out.map((a) => nameKey(a.label)));
  const contentWords = new Set(parsed.units.map((u) => u.label));
  for (const clause of clauseUnits(text, parsed.units, commas)) {
    const idx = clause.units;
    const own = idx.filter((i) => !spanned.has(parsed.units[i]!.label));
    if (own.length < MIN_CLAUSE_WORDS) continue;
    if (out.length >= TEXT_LIMITS.aspects) {
      truncation.truncated = true;
      break;
    }
    const concepts = [
      ...new Set(
        idx.flatMap((i) =>
          parsed.units[i]!.alts.filter((a) => a.term.startsWith('c:') && a.weight >= CONCEPT_WEIGHT).map((a) =>
            a.term.slice(2),
          ),
        ),
      ),
    ];
    const related = concepts.flatMap((c) => glossary.concepts.get(c)?.related.map((r) => r.to) ?? []);
    const units: QueryUnit[] = idx.map((i) => {
      const u = parsed.units[i]!;
      const alts = u.alts.map((a) => ({ ...a }));
      if (alts.some((a) => a.term.startsWith('c:') && a.weight >= CONCEPT_WEIGHT)) {
        for (const r of related)
          if (!alts.some((a) => a.term === `c:${r}`))
            alts.push({ term: `c:${r}`, weight: analysisSettings().linkWeight });
      }
      return { label: u.label, alts };
    });
    const name = clauseName(text, clause, lang, classes, contentWords, spanned, labels);
    if (name) labels.add(nameKey(name));
    out.push({
      id: '',
      kind: 'clause',
      // An unnamed aspect keeps a label of its own for the fusion (never shown).
      label: name ?? `\u0000${out.length}`,
      ...(name ? {} : { unnamed: true }),
      concepts,
      words: idx.map((i) => parsed.units[i]!.label),
      query: { ...parsed, units, concepts: [...concepts, ...related] },
    });
  }
  if (!out.length) {
    // No concept and no clause aspect: the whole text is the one aspect, named by its best noun phrase.
    if (aspects.length !== 1 || aspects[0]!.concepts.length) return aspects;
    const whole = clauseName(text, { start: 0, end: text.length }, lang, classes, contentWords, new Set(), new Set());
    return whole ? [{ ...aspects[0]!, label: whole }] : aspects;
  }
  return out.map((a, n) => ({ ...a, id: `a${n + 1}` }));
}

export interface OrgCoverage {
  id: string;
  score: number;
  covers: string[];
  strength: Record<string, number>;
}
/** A member of a suggested team: the lead (the member most relevant to the whole problem) or a partner. */
export interface TeamMember {
  organization: string;
  role: 'lead' | 'partner';
  /** The aspects this member covers. */
  covers: string[];
}
export interface Team {
  organizations: string[];
  members: TeamMember[];
  covers: string[];
  missing: string[];
  score: number;
}

/**
 * Team value, in aspects' worth: each partner after the first costs 0.6; each member adds up to 1.5 for its relevance to
 * the whole problem (its organisation score over the best one's), because the organisation ranking is the strongest
 * signal of who is needed when the aspects are missed or noisy. Since translated words count as the words themselves,
 * clause aspects (each ranking normalised to its own best record) let many organisations "cover" context; the ranking,
 * which already counts each organisation's best aspect match, weighs three times what it did (0.5 and 0.2 before, the
 * same ratio, so teams keep their size): demo team coverage 85 % -> 91 %, second set 100 % (docs/matching-quality.md).
 */
export const TEAM_WEIGHTS = { partnerCost: 0.6, relevanceWeight: 1.5 } as const;

export interface TeamOptions {
  maxSize?: number;
  maxTeams?: number;
  /** Weight of each aspect (1 when missing). */
  weights?: Record<string, number>;
  /** Strength from which an organisation covers an aspect. */
  coverThreshold?: number;
  /** Cost of each partner after the first, in aspects' worth of strength. */
  partnerCost?: number;
  /** Worth of each member's relevance to the whole problem (its score over the best organisation's), in aspects. */
  relevanceWeight?: number;
  /** How many organisations, per aspect, are candidates. */
  perAspect?: number;
}

/**
 * Proposes teams of at most `maxSize` organisations that together cover the aspects. Candidates are the strongest
 * organisations on each aspect and overall; every combination of them up to `maxSize` is scored (a few thousand at
 * most, so the search is exhaustive): for each aspect the strength of the team's best member on it, plus a bonus when
 * that member covers it, weighted by the aspect's weight, minus a cost per partner so that a partner joins only when
 * it adds enough. Ties go to the organisations more relevant to the whole problem.
 */
export function composeTeams(aspects: string[], orgs: OrgCoverage[], options: TeamOptions = {}): Team[] {
  const {
    maxTeams = 3,
    weights = {},
    coverThreshold = 0.35,
    partnerCost = 0.1,
    perAspect = 3,
    relevanceWeight = 0.1,
  } = options;
  if (!aspects.length || !orgs.length) return [];
  // A team needs no more partners than the problem has aspects (and never more than four).
  const maxSize = Math.min(options.maxSize ?? 4, aspects.length);
  const w = aspects.map((a) => weights[a] ?? 1);
  const totalW = w.reduce((x, y) => x + y, 0) || 1;
  const pool = new Set<OrgCoverage>(orgs.filter((o) => o.covers.length).slice(0, 6));
  for (const a of aspects) {
    for (const o of [...orgs]
      .filter((x) => (x.strength[a] ?? 0) >= coverThreshold)
      .sort((x, y) => (y.strength[a] ?? 0) - (x.strength[a] ?? 0) || y.score - x.score)
      .slice(0, perAspect))
      pool.add(o);
  }
  const candidates = [...pool].slice(0, 18);
  if (!candidates.length) return [];
  const maxScore = Math.max(...candidates.map((o) => o.score), 1e-9);
  const strength = candidates.map((o) => aspects.map((a) => o.strength[a] ?? 0));
  // The best `maxTeams`, in the order a stable sort of every team visited would give (by value, then fewer members).
  const found = new FirstSorted<{ members: number[]; value: number }>(
    maxTeams,
    (a, b) => b.value - a.value || a.members.length - b.members.length,
  );
  const best = new Float64Array(aspects.length);
  const visit = (members: number[]) => {
    best.fill(0);
    for (const m of members)
      for (let a = 0; a < aspects.length; a++) if (strength[m]![a]! > best[a]!) best[a] = strength[m]![a]!;
    let v = 0;
    for (let a = 0; a < aspects.length; a++) v += w[a]! * (best[a]! + (best[a]! >= coverThreshold ? 0.5 : 0));
    const relevance = members.reduce((s, m) => s + candidates[m]!.score / maxScore, 0);
    const value = (v + relevanceWeight * relevance - partnerCost * (members.length - 1)) / totalW;
    // (`members` is the walk's working list: a team kept gets a copy.)
    found.offer({ members, value }, (t) => ({ members: [...t.members], value: t.value }));
  };
  const walk = (from: number, members: number[]) => {
    if (members.length) visit(members);
    if (members.length === maxSize) return;
    for (let i = from; i < candidates.length; i++) {
      members.push(i);
      walk(i + 1, members);
      members.pop();
    }
  };
  walk(0, []);
  return found.items.map(({ members, value }) => {
    const team = members.map((m) => candidates[m]!).sort((a, b) => b.score - a.score);
    const covered = (a: string) => team.some((o) => (o.strength[a] ?? 0) >= coverThreshold);
    return {
      organizations: team.map((o) => o.id),
      members: team.map((o, i) => ({
        organization: o.id,
        role: i === 0 ? ('lead' as const) : ('partner' as const),
        covers: aspects.filter((a) => (o.strength[a] ?? 0) >= coverThreshold),
      })),
      covers: aspects.filter(covered),
      missing: aspects.filter((a) => !covered(a)),
      score: Math.round(value * 1000) / 1000,
    };
  });
}
