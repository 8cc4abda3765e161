import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS, WorkBudget } from './budget.rules.ts';
import { Glossary } from './concepts.ts';
import { SearchIndex } from './search.index.ts';
import { compoundParts, editDistance, tokenize } from './text.rules.ts';

// Work is counted, never timed: each test states how many steps a hostile text may cost at most.

function testIndex(): SearchIndex {
  const g = new Glossary();
  g.add({ id: 'welding', it: ['saldatura'], en: ['welding'], abbr: [], broader: [], related: [] });
  g.add({
    id: 'lca',
    it: ['valutazione del ciclo di vita'],
    en: ['life cycle assessment'],
    abbr: ['LCA'],
    broader: [],
    related: [],
  });
  const index = new SearchIndex(g, null);
  const words = [
    'caratterizzazione',
    'vetroresina',
    'termografia',
    'spettrometria',
    'precipitevolissimevolmente',
    'fotopolimerizzazione',
  ];
  index.upsert({
    type: 'service',
    id: 's1',
    organization: 'o',
    visibility: 'public',
    title: { it: 'prova' },
    summary: {},
    fields: [{ text: words.join(' '), lang: 'it', weight: 1 }],
    sectors: [],
    filiere: [],
    s3: [],
  });
  return index;
}

/** The reference optimal-string-alignment distance (the full table), capped at max+1 like `editDistance`. */
function referenceDistance(a: string, b: string, max: number): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return Math.min(d[a.length]![b.length]!, max + 1);
}

/** Hostile text: long runs of one letter, many distinct words, dotted "URLs", emoji, combining marks, other scripts. */
const hostileText = fc.oneof(
  fc.string({
    unit: fc.constantFrom('a', 'b', 'à', '.', '-', ' ', '😀', '\u0301', 'ж', '字', '1', ',', ';', '\n'),
    maxLength: 3000,
  }),
  fc
    .tuple(fc.constantFrom('a', 'ab', 'a.', 'x-', 'é'), fc.integer({ min: 100, max: 3000 }))
    .map(([s, n]) => s.repeat(n)),
  fc
    .array(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 5, maxLength: 30 }), {
      maxLength: 800,
    })
    .map((w) => w.join(' ')),
);

describe('bounded text analysis', () => {
  it('computes edit distance in a band: the same distances, at most (2·max+1) cells a letter', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 12 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 12 }),
        fc.integer({ min: 1, max: 3 }),
        (a, b, max) => {
          const work = { editCells: 0 };
          expect(editDistance(a, b, max, work)).toBe(referenceDistance(a, b, max));
          expect(work.editCells).toBeLessThanOrEqual((2 * max + 1) * a.length);
        },
      ),
    );
    // Two 2,000-letter words: the full table would be 4,000,000 cells.
    const work = { editCells: 0 };
    expect(editDistance('a'.repeat(2000), `${'a'.repeat(1999)}b`, 2, work)).toBe(1);
    expect(work.editCells).toBeLessThanOrEqual(5 * 2000);
  });

  it('analyses a word by its first characters, keeping its place in the text', () => {
    const text = `x ${'a'.repeat(10_000)} y`;
    const tokens = tokenize(text);
    expect(tokens).toHaveLength(3);
    expect(tokens[1]!.surface).toBe('a'.repeat(TEXT_LIMITS.tokenChars));
    expect(tokens[1]).toMatchObject({ start: 2, end: 10_002 });
    // A surrogate pair is never cut in two.
    const emoji = tokenize(`${'a'.repeat(TEXT_LIMITS.tokenChars - 1)}\u{1d400}bbb`)[0]!.surface;
    expect(emoji).toBe('a'.repeat(TEXT_LIMITS.tokenChars - 1));
    expect(compoundParts(Array.from({ length: 1000 }, () => 'ab').join('.'))).toHaveLength(TEXT_LIMITS.compoundParts);
  });

  it('never corrects a word longer than the longest correctable one', () => {
    const index = testIndex();
    const budget = new WorkBudget();
    // Before: a 1,200-letter word made 1.4 million probes of 1,200-letter keys (about 5 s); now none.
    expect(index.correct('caratterizzazione'.repeat(70), budget)).toBeNull();
    expect(budget).toMatchObject({ probes: 0, editCells: 0, corrections: 0 });
    expect(index.correct('vetroresinna', budget)).toBe('vetroresina');
    expect(budget.probes).toBeGreaterThan(0);
  });

  it('bounds the work of parsing any text, and says when the text was cut', () => {
    const index = testIndex();
    // Per correction: the word, its deletions, and their deletions (distance two), for the longest correctable word.
    const L = TEXT_LIMITS.correctableChars;
    const probesPerWord = 1 + L + L * (L - 1);
    fc.assert(
      fc.property(hostileText, (text) => {
        const budget = new WorkBudget(60_000);
        const q = index.parse(text, null, budget);
        expect(budget.corrections).toBeLessThanOrEqual(TEXT_LIMITS.corrections);
        expect(budget.probes).toBeLessThanOrEqual(TEXT_LIMITS.corrections * probesPerWord);
        expect(q.units.length).toBeLessThanOrEqual(TEXT_LIMITS.queryWords);
        for (const u of q.units) expect(u.label.length).toBeLessThanOrEqual(TEXT_LIMITS.tokenChars);
      }),
      { numRuns: 60 },
    );
  });

  it('takes the first words of a long text and marks the query truncated', () => {
    const index = testIndex();
    const words = Array.from({ length: 1000 }, (_, i) => `parola${i.toString(36)}`).join(' ');
    const q = index.parse(words);
    expect(q.units).toHaveLength(TEXT_LIMITS.queryWords);
    expect(q.truncated).toBe(true);
    expect(index.parse('saldatura del vetroresina').truncated).toBe(false);
  });

  it('tries each distinct unknown word once, and at most a few per query', () => {
    const index = testIndex();
    const budget = new WorkBudget(60_000);
    const q = index.parse(Array.from({ length: 200 }, () => 'vetroresinna').join(' '), 'it', budget);
    expect(budget.corrections).toBe(1);
    expect(q.corrections).toEqual([{ from: 'vetroresinna', to: 'vetroresina' }]);
    const many = new WorkBudget(60_000);
    index.parse(
      Array.from({ length: 50 }, (_, i) => `zzqx${'abcdefghijklmnopqrstuvwxy'[i % 25]}${'kwjvq'[i % 5]}mnop`).join(' '),
      'it',
      many,
    );
    expect(many.corrections).toBe(TEXT_LIMITS.corrections);
  });

  it('stops correcting once the time is out, with a partial answer', () => {
    const index = testIndex();
    let t = 0;
    const budget = new WorkBudget(10, () => t);
    t = 11;
    const q = index.parse('vetroresinna termografiia', 'it', budget);
    expect(budget.corrections).toBe(0);
    expect(q.corrections).toEqual([]);
    expect(q.units).toHaveLength(2);
    expect(q.truncated).toBe(true);
  });
});
