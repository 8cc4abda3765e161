import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../search/budget.rules.ts';
import { Glossary, Translator } from '../search/concepts.ts';
import { CONCEPT_WEIGHT } from '../search/analysis.policy.ts';
import { SearchIndex, type ParsedQuery, type QueryUnit } from '../search/search.index.ts';
import { tokenize } from '../search/text.rules.ts';
import {
  addClauseAspects,
  clauseUnits,
  composeTeams,
  splitIntoAspects,
  TEAM_WEIGHTS,
  type OrgCoverage,
} from './matching.rules.ts';

const STOP = new Set(['we', 'a', 'to', 'the', 'and', 'need', 'someone', 'our', 'of', 'for']);
const unitsOf = (text: string): QueryUnit[] =>
  tokenize(text)
    .filter((t) => !STOP.has(t.folded))
    .map((t) => ({ label: t.surface, alts: [] }));
const words = (text: string) => {
  const units = unitsOf(text);
  return clauseUnits(text, units).map((c) => c.units.map((i) => units[i]!.label).join(' '));
};

describe('clauses of a problem', () => {
  it('splits sentences, colons and enumerating commas, keeping short comma pieces together', () => {
    expect(
      words(
        'We run a tissue mill. Two goals: recycle the sludge from the plant, improve the catalyst performance, and train operators on safety',
      ),
    ).toEqual([
      'run tissue mill',
      'two goals',
      'recycle sludge from plant',
      'improve catalyst performance',
      'train operators on safety',
    ]);
    expect(words('Our mill in Lucca, two machines, needs help')).toEqual(['mill in lucca two machines needs help']);
  });
});

describe('clause aspects without a name', () => {
  it('still rank, but are marked unnamed so they are not shown, claimed or covered by teams', () => {
    const index = new SearchIndex(Glossary.load(), Translator.load());
    const text = 'Il gelcoat della murata ha perso tutta la brillantezza. Ha perso tutto, davvero tutto.';
    const parsed = index.parse(text, 'it');
    const aspects = addClauseAspects(
      text,
      parsed,
      splitIntoAspects(parsed, index.glossary, 'it'),
      index.glossary,
      true,
      undefined,
      index.translator!,
      'it',
    );
    const shown = aspects.filter((a) => !a.unnamed).map((a) => a.label);
    expect(shown).toContain('gelcoat della murata');
    expect(shown.some((l) => /perso|tutto/.test(l))).toBe(false);
  });
});

describe('concept aspects', () => {
  it('come only from concepts the text names, never from one reached through a translation of a word', () => {
    const index = new SearchIndex(Glossary.load(), Translator.load());
    // "cerniere" is no glossary term; WordNet's translations of it (zip, slide fastener) reach a glossary concept.
    const parsed = index.parse('cerniere grandi', 'it');
    const reached = parsed.units[0]!.alts.filter((a) => a.term.startsWith('c:'));
    expect(reached.length).toBeGreaterThan(0);
    expect(reached.every((a) => a.weight < CONCEPT_WEIGHT)).toBe(true);
    const aspects = splitIntoAspects(parsed, index.glossary, 'it');
    expect(aspects.flatMap((a) => a.concepts)).toEqual([]);
  });
  it('name a symptom worded freely by its concept label', () => {
    const index = new SearchIndex(Glossary.load(), Translator.load());
    const labels = (text: string, lang: 'it' | 'en') =>
      splitIntoAspects(index.parse(text, lang), index.glossary, lang).map((a) => a.label);
    // A symptom verb next to the kind of object that suffers it (glossary/symptom-cues.tsv).
    expect(labels('dopo un inverno la vernice del cancello si stacca a scaglie', 'it')).toContain(
      index.glossary.label('paint-peeling', 'it'),
    );
    expect(labels('the brass contacts tarnish within a month', 'en')).toContain(
      index.glossary.label('corrosion', 'en'),
    );
    // "hard" is no inflection of "hardness" (another concept's "hard anodising" does not make it one).
    expect(labels('a hard white crust builds up in the heat exchanger', 'en')).not.toContain(
      index.glossary.label('hardness', 'en'),
    );
  });
});

describe('bounded aspects', () => {
  it('keeps at most TEXT_LIMITS.aspects concept aspects, the first named, and says the rest was left out', () => {
    const g = new Glossary();
    const units: QueryUnit[] = [];
    for (let i = 0; i < 40; i++) {
      g.add({ id: `c${i}`, it: [`termine${i}`], en: [], abbr: [], broader: [], related: [] });
      units.push({ label: `termine${i}`, alts: [{ term: `c:c${i}`, weight: 1.2 }] });
    }
    const parsed: ParsedQuery = { units, corrections: [], concepts: [], lang: 'it' };
    const truncation = { truncated: false };
    const aspects = splitIntoAspects(parsed, g, 'it', truncation);
    expect(aspects.map((a) => a.concepts[0])).toEqual(Array.from({ length: TEXT_LIMITS.aspects }, (_, i) => `c${i}`));
    expect(truncation.truncated).toBe(true);
  });

  it('adds clause aspects only up to the limit, however many clauses the text has', () => {
    const text = Array.from({ length: 500 }, (_, i) => `serve aiuto${i} urgente${i}`).join('. ');
    const units = unitsOf(text);
    const truncation = { truncated: false };
    const aspects = addClauseAspects(
      text,
      { units, corrections: [], concepts: [], lang: 'it' },
      [],
      new Glossary(),
      true,
      truncation,
    );
    expect(aspects).toHaveLength(TEXT_LIMITS.aspects);
    expect(truncation.truncated).toBe(true);
  });

  it('finds clause ends in a long run of punctuation (matched once from its start)', () => {
    const text = `alpha beta${'.'.repeat(5000)} gamma delta${'.'.repeat(5000)}x`;
    expect(words(text)).toEqual(['alpha beta', `gamma delta x`]);
  });
});

describe('composing teams', () => {
  const org = (id: string, score: number, strength: Record<string, number>): OrgCoverage => ({
    id,
    score,
    strength,
    covers: Object.keys(strength).filter((a) => strength[a]! >= 0.35),
  });

  it('finds the combination that covers every aspect, with the best organisation on each', () => {
    const orgs = [
      org('generalist', 3, { a: 0.5, b: 0.5, c: 0.4 }),
      org('a-lab', 2, { a: 1 }),
      org('b-lab', 1.5, { b: 1 }),
      org('c-lab', 1, { c: 1 }),
    ];
    const [best] = composeTeams(['a', 'b', 'c'], orgs, { relevanceWeight: 0, partnerCost: 0.2 });
    expect(best!.organizations.sort()).toEqual(['a-lab', 'b-lab', 'c-lab']);
    expect(best!.missing).toEqual([]);
  });

  it('adds no partner that brings nothing when relevance does not count', () => {
    const orgs = [org('one', 3, { a: 1, b: 1 }), org('other', 1, { a: 0.4 })];
    const [best] = composeTeams(['a', 'b'], orgs, { relevanceWeight: 0, partnerCost: 0.2 });
    expect(best!.organizations).toEqual(['one']);
  });

  it("prefers a partner the ranking puts high and that covers a need over one that covers only the text's context", () => {
    // Clause aspects (weight 0.5) are parts of the text no concept names, often context; with translations at full
    // weight many organisations "cover" them. The engine's weights let the organisation ranking decide.
    const aspects = ['need-a', 'need-b', 'c1', 'c2', 'c3', 'c4'];
    const weights = { c1: 0.5, c2: 0.5, c3: 0.5, c4: 0.5 };
    const orgs = [
      org('lead', 1, { 'need-a': 1, c1: 0.4, c2: 0.4, c3: 0.4, c4: 0.4 }),
      org('ranked-second', 0.8, { 'need-b': 0.36 }),
      org('context-only', 0.2, { c1: 1, c2: 1, c3: 1, c4: 1 }),
    ];
    const [best] = composeTeams(aspects, orgs, { ...TEAM_WEIGHTS, weights, maxSize: 2 });
    expect(best!.organizations).toEqual(['lead', 'ranked-second']);
    expect(best!.missing).toEqual([]);
  });

  it('lists what no team member covers', () => {
    const [best] = composeTeams(['a', 'b'], [org('one', 1, { a: 1, b: 0.1 })]);
    expect(best!.covers).toEqual(['a']);
    expect(best!.missing).toEqual(['b']);
  });

  it("names each member's role and the aspects it covers", () => {
    const orgs = [org('a-lab', 2, { a: 1 }), org('b-lab', 1.5, { b: 1 })];
    const [best] = composeTeams(['a', 'b'], orgs, { relevanceWeight: 0, partnerCost: 0.1 });
    expect(best!.members).toEqual([
      { organization: 'a-lab', role: 'lead', covers: ['a'] },
      { organization: 'b-lab', role: 'partner', covers: ['b'] },
    ]);
  });
});
