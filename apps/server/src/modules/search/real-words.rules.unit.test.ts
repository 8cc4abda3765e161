import { afterEach, describe, expect, it } from 'vitest';
import { configureAnalysis } from './analysis.policy.ts';
import { Glossary, Translator } from './concepts.ts';
import {
  englishDerivationBases,
  instrumentSiblings,
  isCompoundOfKnownParts,
  italianPrefixBases,
} from './real-words.rules.ts';
import { SearchIndex } from './search.index.ts';
import { englishDocs } from '../../test/search-docs.ts';

describe('classes of real words (pure rules)', () => {
  it('finds the bases of English derivations and irregular plurals', () => {
    expect(englishDerivationBases('findable')).toContain('find');
    expect(englishDerivationBases('submitter')).toContain('submit');
    expect(englishDerivationBases('simpler')).toContain('simple');
    expect(englishDerivationBases('halves')).toContain('half');
    expect(englishDerivationBases('resize')).toContain('size');
    expect(englishDerivationBases('inline')).toContain('line');
    // Common misspellings are no derivations: a doubled consonant after a short word, "in" before p.
    expect(englishDerivationBases('grammer')).not.toContain('gram');
    expect(englishDerivationBases('inpact')).not.toContain('pact');
  });
  it('finds the bases of Italian prefixed words', () => {
    expect(italianPrefixBases('ridisegno')).toContain('disegno');
    expect(italianPrefixBases('sottoprodotti')).toContain('prodotti');
    expect(italianPrefixBases('rete')).toEqual([]);
  });
  it('pairs an instrument with its technique', () => {
    expect(instrumentSiblings('spectrophotometer')).toEqual(['spectrophotometry']);
    expect(instrumentSiblings('microscopy')).toEqual(['microscope']);
    expect(instrumentSiblings('calorimetro')).toEqual(['calorimetria']);
    expect(instrumentSiblings('cromatografi')).toEqual(['cromatografia']);
    expect(instrumentSiblings('scopio')).toEqual([]);
  });
  it('accepts a compound only when every part is known or too short to correct', () => {
    const known = (w: string) => ['boat', 'building', 'shared', 'memory'].includes(w);
    expect(isCompoundOfKnownParts(['boat', 'building'], known, 5)).toBe(true);
    expect(isCompoundOfKnownParts(['gc', 'ms'], known, 5)).toBe(true);
    expect(isCompoundOfKnownParts(['shared', 'memroy'], known, 5)).toBe(false);
    expect(isCompoundOfKnownParts(['building'], known, 5)).toBe(false);
  });
});

// The shipped vocabularies; each class holds a word that was "corrected" towards a catalogue word one edit away.
describe('typo correction leaves the classes of real words alone (wordClasses)', () => {
  const g = Glossary.load();
  const t = Translator.load();
  const doc = englishDocs();
  const index = new SearchIndex(g, t);
  for (const text of [
    'Bending tests on treated valves, show rooms and the throughput of a sampler',
    'Shape-memory alloys, woven fabrics, boatbuilding, a fundable spectrophotometry service',
    'Vegan meat, creaming, a turnkey microrete and resine for consortia',
  ])
    index.upsert(doc(text));
  const classes: Record<string, string> = {
    'irregular English forms': 'it was shown that we chose a loom and woken staff who began early',
    'English function words': 'pending approval, throughout the year',
    'common verbs missing from WordNet': 'records created and data we parse while creating them',
    'English derivations': 'findable and simpler, a submitter may resize and preset it inline',
    'irregular plurals': 'two halves of a mould',
    'instrument beside its technique': 'a spectrophotometer for colour',
    'hyphenated compounds': 'boat-building, shared-memory and a turn-key micro-reti plant',
  };
  afterEach(() => configureAnalysis({ wordClasses: true }));
  for (const [name, text] of Object.entries(classes))
    it(name, () => {
      expect(index.parse(text, 'en').corrections, text).toEqual([]);
      configureAnalysis({ wordClasses: false });
      expect(index.parse(text, 'en').corrections.length, `${text} (switch off)`).toBeGreaterThan(0);
    });
  it('still corrects typos', () => {
    expect(index.parse('bendnig tests on treeted valves', 'en').corrections).toEqual([
      { from: 'bendnig', to: 'bending' },
      { from: 'treeted', to: 'treated' },
    ]);
    expect(index.parse('boat-bulding', 'en').corrections).toEqual([{ from: 'boat-bulding', to: 'boatbuilding' }]);
  });
});
