import { afterEach, describe, expect, it } from 'vitest';
import { configureAnalysis, DEFAULT_ANALYSIS } from '../search/analysis.policy.ts';
import { Glossary } from '../search/concepts.ts';
import { SearchEngine } from '../search/search.engine.ts';
import type { DocInput } from '../search/search.index.ts';
import { matchOnIndex } from './matching.engine.ts';
import { isSymptomAspect } from './matching.rules.ts';
import { englishDocs } from '../../test/search-docs.ts';

// A glossary written for the test: a symptom (under the degradation root) linked to the tests that find it, and the
// materials that suffer it.
function glossary(): Glossary {
  const g = new Glossary();
  const add = (id: string, en: string[], broader: string[] = [], related: { to: string; kind: string }[] = []) =>
    g.add({ id, it: [], en, abbr: [], broader, related });
  add('material-degradation', ['material degradation']);
  add(
    'cracking',
    ['cracking', 'cracks', 'cracked'],
    ['material-degradation'],
    [
      { to: 'ultrasonic-testing', kind: 'tested-by' },
      { to: 'dye-penetrant-testing', kind: 'tested-by' },
    ],
  );
  add('ultrasonic-testing', ['ultrasonic testing', 'ultrasonic inspection']);
  add('dye-penetrant-testing', ['dye penetrant testing', 'penetrant inspection']);
  add('ceramic-glazes', ['ceramic glazes', 'glaze', 'glazes']);
  add('kilns', ['kiln', 'kilns', 'firing']);
  return g;
}

const englishDoc = englishDocs();
const doc = (type: DocInput['type'], organization: string, en: string) => englishDoc(en, { type, organization });

describe('fusion of the aspects of a problem naming a symptom', () => {
  afterEach(() => configureAnalysis(DEFAULT_ANALYSIS));
  const g = glossary();
  const engine = new SearchEngine(g, null);
  const kilnTrials = doc('service', 'kiln-lab', 'Kiln firing trials');
  const tests = [
    doc('service', 'ndt-lab', 'Ultrasonic testing of cracked welds and cracks in castings'),
    doc('service', 'ndt-lab', 'Dye penetrant testing to find surface cracks and cracking'),
    doc('equipment', 'ndt-lab', 'Ultrasonic inspection station for cracks'),
    doc('service', 'metals-lab', 'Penetrant inspection of cracked metal parts'),
  ];
  engine.applyNow({
    upserts: [
      doc('competence', 'ceramics-centre', 'Ceramic glazes: formulation of glazes for tiles'),
      ...tests,
      kilnTrials,
      doc('competence', 'ceramics-centre', 'Glaze colour matching for tiles'),
      doc('competence', 'design-school', 'Tile design and decoration'),
      ...Array.from({ length: 20 }, (_, i) =>
        doc('service', `other-${i % 4}`, `Consulting on topic ${i} for batch production`),
      ),
    ],
    removals: [],
    full: true,
    first: true,
    final: true,
  });
  const text = 'Our glaze shows cracks after firing; the cracking appears on every tile of the batch.';
  const order = () => matchOnIndex(engine, { text, lang: 'en', limit: 10 }, false).results.map((r) => r.id);

  it('tells a symptom aspect from a material aspect', () => {
    const m = matchOnIndex(engine, { text, lang: 'en', limit: 10 }, false);
    const byLabel = (label: string) => m.aspects.find((a) => a.label === label)!;
    const aspect = (label: string) => ({
      ...byLabel(label),
      id: label,
      query: { units: [], concepts: [], corrections: [], lang: 'en' as const },
    });
    expect(isSymptomAspect(aspect('cracking'), g)).toBe(true);
    expect(isSymptomAspect(aspect('ceramic glazes'), g)).toBe(false);
  });

  it('keeps the best record of the process that suffers the symptom above the tests the symptom links to', () => {
    // The firing (kiln) aspect's best record scores weakly on the whole problem, where the symptom's words and links
    // weigh most: without the floor the tests outrank it, with the floor it stays above them.
    configureAnalysis({ symptomFloor: 0 });
    const without = order();
    expect(without.indexOf(kilnTrials.id)).toBeGreaterThan(without.indexOf(tests[0]!.id));
    configureAnalysis({ symptomFloor: DEFAULT_ANALYSIS.symptomFloor });
    const floored = order();
    for (const t of tests) expect(floored.indexOf(kilnTrials.id)).toBeLessThan(floored.indexOf(t.id));
  });

  it('keeps the record that leads the whole problem first when the rank vote is added', () => {
    const plain = 'We need kiln firing trials for new ceramic glazes on our tiles.';
    const first = (k: number) => {
      configureAnalysis({ rankFusion: k });
      return matchOnIndex(engine, { text: plain, lang: 'en', limit: 10 }, false).results.map((r) => r.id);
    };
    const without = first(0);
    const voted = first(DEFAULT_ANALYSIS.rankFusion);
    expect(DEFAULT_ANALYSIS.rankFusion).toBeGreaterThan(0);
    expect(voted[0]).toBe(without[0]);
    expect(new Set(voted)).toEqual(new Set(without));
  });

  it('adds no floor when the problem names no symptom', () => {
    const plain = 'We need kiln firing trials for new ceramic glazes on our tiles.';
    const ids = (floor: number) => {
      configureAnalysis({ symptomFloor: floor });
      return matchOnIndex(engine, { text: plain, lang: 'en', limit: 10 }, false).results.map((r) => [r.id, r.score]);
    };
    expect(ids(DEFAULT_ANALYSIS.symptomFloor)).toEqual(ids(0));
  });
});

describe('an instrument named in a problem (equipmentCues, instrumentAccess)', () => {
  afterEach(() => configureAnalysis(DEFAULT_ANALYSIS));
  const engine = new SearchEngine(glossary(), null);
  const spectrometer = doc('equipment', 'colour-lab', 'Spectrometer for colour measurement of samples');
  engine.applyNow({
    upserts: [spectrometer, doc('service', 'colour-lab', 'Colour measurement of samples and colour matching')],
    removals: [],
    full: true,
    first: true,
    final: true,
  });
  const score = (text: string) =>
    matchOnIndex(engine, { text, lang: 'en', limit: 10 }, false).results.find((r) => r.id === spectrometer.id)!.score;

  it('asks for equipment when the text asks for time on the instrument, not when it only mentions one', () => {
    const access = 'We need a few hours on a spectrometer for the colour measurement of our samples';
    const mention = 'Our spectrometer says the colour of our samples drifts; we need colour measurement';
    const on = { access: score(access), mention: score(mention) };
    configureAnalysis({ instrumentAccess: false });
    // Without the access condition any instrument noun boosts equipment; with it, only a request for time on one.
    expect(score(access)).toBeCloseTo(on.access, 6);
    expect(score(mention)).toBeGreaterThan(on.mention);
    configureAnalysis({ equipmentCues: false });
    expect(score(access)).toBeLessThan(on.access);
  });
});
