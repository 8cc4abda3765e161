import { describe, expect, it } from 'vitest';
import { configureAnalysis } from './analysis.policy.ts';
import { analyse, Glossary } from './concepts.ts';
import { findSymptoms, parseSymptomCues, WordSet } from './symptoms.rules.ts';
import type { Lang } from './text.rules.ts';

const TABLE = [
  'concept\tcues\tobjects',
  '@coating\tvernic*|paint|coating',
  'paint-peeling\tstacca|staccano|peels|flaking\t@coating',
  'leaks\tperde|leaks\tacqua|olio|valvol*|water|valve',
].join('\n');

describe('symptom cues', () => {
  const cues = parseSymptomCues(TABLE);
  const found = (words: string) => findSymptoms(words.split(' '), cues).map((h) => h.concept);

  it('matches words and word beginnings', () => {
    const set = new WordSet(['vernic*', 'paint']);
    expect(set.has('vernice')).toBe(true);
    expect(set.has('verniciatura')).toBe(true);
    expect(set.has('paint')).toBe(true);
    expect(set.has('paints')).toBe(false);
    expect(set.has('vern')).toBe(false);
  });

  it('names a symptom only when its cue lies next to the kind of object that suffers it', () => {
    expect(found('vernice stacca scaglie')).toEqual(['paint-peeling']);
    expect(found('paint flaking off')).toEqual(['paint-peeling']);
    expect(found('valvola perde')).toEqual(['leaks']);
    // The same verbs about other things are no symptom.
    expect(found('azienda perde clienti')).toEqual([]);
    expect(found('etichetta stacca facilmente')).toEqual([]);
  });

  it('keeps the object within a narrow window of content words', () => {
    expect(found('vernice dopo due inverni stacca')).toEqual(['paint-peeling']);
    expect(found('vernice scelta cliente dopo molti anni prove stacca')).toEqual([]);
  });

  it('gives a concept once, with the positions of its cue and its object', () => {
    expect(findSymptoms('acqua perde valvola perde'.split(' '), cues)).toEqual([
      { concept: 'leaks', cue: 1, object: 0 },
    ]);
  });

  it('rejects a table with an unknown group, a row without objects, or a beginning too short', () => {
    expect(() => parseSymptomCues('concept\tcues\tobjects\nleaks\tperde\t@liquids')).toThrow(/unknown group/);
    expect(() => parseSymptomCues('concept\tcues\tobjects\nleaks\tperde\t')).toThrow(/needs cues and objects/);
    expect(() => parseSymptomCues('concept\tcues\tobjects\nleaks\tperde\tac*')).toThrow(/too short/);
    expect(() => parseSymptomCues('concept\tcues\tobjects\nleaks\tPerde\tacqua')).toThrow(/not folded/);
  });
});

describe('symptom cues in the shipped glossary', () => {
  const g = Glossary.load();
  const concepts = (text: string, lang: Lang) => [
    ...new Set(g.find(analyse(text, lang), lang, true).map((h) => h.concept)),
  ];

  it('loads a cue table whose every concept exists', () => {
    expect(g.symptomCues.length).toBeGreaterThan(30);
    for (const c of g.symptomCues) expect(g.concepts.has(c.concept), c.concept).toBe(true);
  });

  it('finds symptoms worded freely, in Italian and English', () => {
    expect(concepts('dopo un inverno la vernice del cancello si stacca a scaglie', 'it')).toContain('paint-peeling');
    expect(concepts('il raccordo della pompa perde acqua', 'it')).toContain('leaks');
    expect(concepts('le ante in truciolare si gonfiano in bagno', 'it')).toContain('moisture-damage');
    expect(concepts('the pouches arrive swollen after two weeks', 'en')).toContain('food-spoilage');
    expect(concepts('the brass contacts tarnish within a month', 'en')).toContain('corrosion');
    expect(concepts('the spindle motor squeals at high speed', 'en')).toContain('excessive-noise');
    expect(concepts('the sauce separates on the shelf', 'en')).toContain('phase-separation');
    expect(concepts('the garden chairs fade in the sun', 'en')).toContain('uv-degradation');
  });

  it('leaves the same verbs alone about other things', () => {
    expect(concepts("l'azienda perde clienti ogni anno", 'it')).not.toContain('leaks');
    expect(concepts('we bend steel sheets for customers', 'en')).not.toContain('deformation-warping');
    expect(concepts('il consumo di filo diamantato è alto', 'it')).not.toContain('wear-damage');
    expect(concepts('a cheese with late blowing and swollen rinds', 'en')).not.toContain('moisture-damage');
  });

  it('is a switch: off, only glossary phrases name symptoms', () => {
    configureAnalysis({ symptomCues: false });
    try {
      expect(concepts('le ante in truciolare si gonfiano in bagno', 'it')).not.toContain('moisture-damage');
    } finally {
      configureAnalysis({ symptomCues: true });
    }
  });
});
