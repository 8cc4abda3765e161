import type { Glossary } from '../search/concepts.ts';
import type { ParsedQuery, QueryUnit } from '../search/search.index.ts';

/** One aspect of a problem: the words of the text it spans, the concepts it names, and its query. */
export interface Aspect { id: string; label: string; concepts: string[]; words: string[]; query: ParsedQuery }

const RELATED_WEIGHT = 0.85;

/**
 * Breaks a parsed problem into aspects: each glossary concept named in the text is an aspect, unless a more specific
 * concept covers the same words or it is the broader concept of another one found; concepts linked in the glossary
 * (broader/narrower) merge into one aspect. Each aspect's query also reaches the services that address it (the
 * glossary's tested-by / solved-by / related links). Words no concept covers give context to every aspect; with no
 * concept at all the whole text is one aspect.
 */
export function splitIntoAspects(parsed: ParsedQuery, glossary: Glossary, lang: 'it' | 'en'): Aspect[] {
  const unitsOf = new Map<string, Set<number>>();
  parsed.units.forEach((u, i) => {
    for (const a of u.alts) {
      if (!a.term.startsWith('c:') || a.weight < 1) continue; // translations-only concepts are too weak to be aspects
      const id = a.term.slice(2);
      if (!unitsOf.has(id)) unitsOf.set(id, new Set());
      unitsOf.get(id)!.add(i);
    }
  });
  let concepts = [...unitsOf.keys()];
  const subset = (a: Set<number>, b: Set<number>) => [...a].every((x) => b.has(x));
  // Keep the most specific: drop a concept whose words are all inside a longer concept's words, or that is broader than another found.
  concepts = concepts.filter((c) => !concepts.some((o) => o !== c && (
    (subset(unitsOf.get(c)!, unitsOf.get(o)!) && unitsOf.get(o)!.size > unitsOf.get(c)!.size) ||
    glossary.ancestors(o, 3).includes(c))));
  // Merge concepts linked by broader/narrower or sharing words into one aspect.
  const groups: string[][] = [];
  for (const c of concepts) {
    const g = groups.find((grp) => grp.some((o) => glossary.ancestors(o, 2).includes(c) || glossary.ancestors(c, 2).includes(o)
      || [...unitsOf.get(c)!].some((u) => unitsOf.get(o)!.has(u))));
    if (g) g.push(c); else groups.push([c]);
  }
  const covered = new Set(concepts.flatMap((c) => [...unitsOf.get(c)!]));
  const context = parsed.units.filter((_, i) => !covered.has(i));
  if (!groups.length) {
    return [{ id: 'a1', label: parsed.units.map((u) => u.label).slice(0, 6).join(' '), concepts: [], words: parsed.units.map((u) => u.label), query: parsed }];
  }
  return groups.map((group, n) => {
    const idx = [...new Set(group.flatMap((c) => [...unitsOf.get(c)!]))].sort((a, b) => a - b);
    const related = group.flatMap((c) => glossary.concepts.get(c)?.related.map((r) => r.to) ?? []);
    const units: QueryUnit[] = idx.map((i) => {
      const u = parsed.units[i]!;
      const alts = u.alts.map((a) => ({ ...a }));
      for (const r of related) if (!alts.some((a) => a.term === `c:${r}`)) alts.push({ term: `c:${r}`, weight: RELATED_WEIGHT });
      return { label: u.label, alts };
    });
    // Context words help rank within the aspect but do not count against records that miss them.
    const contextAlts = context.flatMap((u) => u.alts.map((a) => ({ term: a.term, weight: a.weight * 0.35 })));
    if (contextAlts.length) for (const u of units) u.alts.push(...contextAlts.filter((c) => !u.alts.some((a) => a.term === c.term)));
    return {
      id: `a${n + 1}`,
      label: glossary.label(group[0]!, lang),
      concepts: group,
      words: idx.map((i) => parsed.units[i]!.label),
      query: { ...parsed, units, concepts: [...group, ...related] },
    };
  });
}

export interface OrgCoverage { id: string; score: number; covers: string[]; strength: Record<string, number> }
export interface Team { organizations: string[]; covers: string[]; missing: string[]; score: number }

/**
 * Proposes teams of at most `maxSize` organisations that together cover the aspects: greedy set cover started from
 * each of the strongest organisations, ranked by aspects covered, then by the strength of the best member on each
 * aspect, then by fewer partners.
 */
export function composeTeams(aspects: string[], orgs: OrgCoverage[], maxSize = 4, maxTeams = 3): Team[] {
  const candidates = orgs.filter((o) => o.covers.length).slice(0, 15);
  const teams = new Map<string, Team>();
  for (const seed of candidates.slice(0, 6)) {
    const team = [seed];
    const covered = new Set(seed.covers);
    const best: Record<string, number> = Object.fromEntries(aspects.map((a) => [a, seed.strength[a] ?? 0]));
    // Add the partner that covers new aspects, or clearly strengthens a covered one (the best organisation for each
    // aspect belongs in the team), until nothing adds enough or the team is full.
    while (team.length < maxSize) {
      let pick: OrgCoverage | null = null;
      let pickGain = 0;
      for (const o of candidates) {
        if (team.includes(o)) continue;
        const gain = o.covers.filter((a) => !covered.has(a)).length
          + aspects.reduce((s, a) => s + Math.max(0, (o.strength[a] ?? 0) - best[a]!), 0);
        if (gain > pickGain) { pick = o; pickGain = gain; }
      }
      if (!pick || pickGain < 0.3) break;
      team.push(pick);
      for (const a of pick.covers) covered.add(a);
      for (const a of aspects) best[a] = Math.max(best[a]!, pick.strength[a] ?? 0);
    }
    const strength = aspects.reduce((s, a) => s + Math.max(0, ...team.map((o) => o.strength[a] ?? 0)), 0);
    const score = covered.size / aspects.length + strength / (aspects.length * 10) - (team.length - 1) * 0.02;
    const key = team.map((o) => o.id).sort().join('|');
    if (!teams.has(key)) {
      teams.set(key, {
        organizations: team.map((o) => o.id), covers: aspects.filter((a) => covered.has(a)), missing: aspects.filter((a) => !covered.has(a)),
        score: Math.round(score * 1000) / 1000,
      });
    }
  }
  return [...teams.values()].sort((a, b) => b.covers.length - a.covers.length || b.score - a.score || a.organizations.length - b.organizations.length).slice(0, maxTeams);
}
