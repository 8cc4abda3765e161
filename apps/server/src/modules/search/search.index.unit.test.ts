import { describe, expect, it } from 'vitest';
import { configureAnalysis } from './analysis.policy.ts';
import { analyse, Glossary, Translator } from './concepts.ts';
import { SearchIndex, sectorAncestors, type DocInput } from './search.index.ts';
import { highlight, markable, markedPhrases } from './search.snippet.ts';
import { editDistance, fold, looksIntended, stem } from './text.rules.ts';

// A tiny glossary written for the test, so these tests do not depend on the shipped one.
function testGlossary(): Glossary {
  const g = new Glossary();
  g.add({ id: 'welding', it: ['saldatura'], en: ['welding', 'weld'], abbr: [], broader: ['joining'], related: [] });
  g.add({ id: 'joining', it: ['giunzione'], en: ['joining'], abbr: [], broader: [], related: [] });
  g.add({
    id: 'lca',
    it: ['valutazione del ciclo di vita'],
    en: ['life cycle assessment'],
    abbr: ['LCA'],
    broader: [],
    related: [],
  });
  g.add({
    id: 'nmr',
    it: ['risonanza magnetica nucleare'],
    en: ['nuclear magnetic resonance'],
    abbr: ['NMR', 'RMN'],
    broader: [],
    related: [],
  });
  g.add({
    id: 'fdm',
    it: ['stampa a filamento'],
    en: ['fused deposition modelling'],
    abbr: ['FDM'],
    broader: ['additive-manufacturing'],
    related: [],
  });
  g.add({
    id: 'additive-manufacturing',
    it: ['manifattura additiva', 'stampa 3d'],
    en: ['additive manufacturing', '3d printing'],
    abbr: [],
    broader: [],
    related: [],
  });
  return g;
}

let n = 0;
function doc(over: Partial<DocInput> & { it?: string; en?: string }): DocInput {
  const fields = [];
  if (over.it) fields.push({ text: over.it, lang: 'it' as const, weight: 1 });
  if (over.en) fields.push({ text: over.en, lang: 'en' as const, weight: 1 });
  return {
    type: 'service',
    id: `d${++n}`,
    organization: 'org-a',
    visibility: 'public',
    title: { it: over.it, en: over.en },
    summary: { it: over.it, en: over.en },
    fields,
    sectors: [],
    filiere: [],
    s3: [],
    ...over,
  };
}

function build(docs: DocInput[], glossary = testGlossary(), translator: Translator | null = null) {
  const index = new SearchIndex(glossary, translator);
  for (const d of docs) index.upsert(d);
  const ids = (q: string, filters = {}) =>
    index.search(index.parse(q), filters, () => true, 0, 50).hits.map((h) => h.doc.id);
  return { index, ids };
}

describe('text analysis', () => {
  it('folds accents and stems per language', () => {
    expect(fold('Qualità ÈCO')).toBe('qualita eco');
    expect(stem('prove', 'it')).toBe(stem('prova', 'it'));
    expect(stem('saldature', 'it')).toBe(stem('saldatura', 'it'));
    expect(stem('tests', 'en')).toBe(stem('testing', 'en'));
    expect(stem('characterisation', 'en')).toBe(stem('characterization', 'en'));
  });
  it('measures edit distance with transpositions', () => {
    expect(editDistance('corrosion', 'corrosoin')).toBe(1);
    expect(editDistance('imbalaggi', 'imballaggi')).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
  it('expands NACE codes to their ancestors', () => {
    expect(sectorAncestors('C17.12')).toEqual(['C', 'C17', 'C17.1', 'C17.12']);
    expect(sectorAncestors('M72')).toEqual(['M', 'M72']);
  });
});

describe('search', () => {
  const prove = doc({ it: 'Prove meccaniche su campioni metallici' });
  const saldature = doc({ it: 'Controllo delle saldature nei telai in acciaio' });
  const tests = doc({ en: 'Climatic tests on electronic boards' });
  const qualita = doc({ it: 'Sistemi di gestione per la qualità' });
  const imballaggi = doc({ it: 'Progettazione di imballaggi in cartone ondulato' });
  const lca = doc({ en: 'Life cycle assessment of building products' });
  const nmrIt = doc({ it: 'Spettroscopia di risonanza magnetica nucleare per molecole organiche' });
  const weldEn = doc({ en: 'Robotic welding cells for shipyards' });
  const fdm = doc({ en: 'FDM printers for polymer prototypes', type: 'equipment' });
  const noise = doc({ it: 'Consulenza finanziaria per start-up', en: 'Financial advice for start-ups' });
  const { ids, index } = build([prove, saldature, tests, qualita, imballaggi, lca, nmrIt, weldEn, fdm, noise]);

  it('finds inflected forms in Italian and English', () => {
    expect(ids('prova meccanica')).toContain(prove.id);
    expect(ids('saldatura')[0]).toBe(saldature.id);
    expect(ids('testing')).toContain(tests.id);
  });
  it('never corrects an inflected form of a known word', () => {
    expect(index.parse('saldatura').corrections).toEqual([]);
    expect(index.parse('saldature').corrections).toEqual([]);
    expect(index.parse('imballaggio').corrections).toEqual([]);
  });
  it('finds words typed without accents', () => {
    expect(ids('qualita')).toEqual([qualita.id]);
  });
  it("corrects a one-letter typo towards the catalogue's own words", () => {
    expect(ids('imbalaggi')).toEqual([imballaggi.id]);
    expect(ids('cartnoe ondulato')).toEqual([imballaggi.id]);
    const parsed = index.parse('imbalaggi');
    expect(parsed.corrections).toEqual([{ from: 'imbalaggi', to: 'imballaggi' }]);
  });
  it('matches acronyms and their expansions both ways', () => {
    expect(ids('LCA')).toEqual([lca.id]);
    expect(ids('nmr')).toEqual([nmrIt.id]);
    expect(ids('valutazione del ciclo di vita')).toEqual([lca.id]);
  });
  it('crosses languages through concepts', () => {
    expect(ids('welding')).toEqual(expect.arrayContaining([saldature.id, weldEn.id]));
    expect(ids('saldatura')).toContain(weldEn.id);
    expect(ids('nuclear magnetic resonance')).toEqual([nmrIt.id]);
  });
  it('finds narrower concepts from a broader query', () => {
    expect(ids('stampa 3d')).toEqual([fdm.id]);
  });
  it('prefers documents that match every word of the query', () => {
    const r = ids('saldature acciaio');
    expect(r[0]).toBe(saldature.id);
  });
  it('filters and counts facets without their own filter', () => {
    const res = index.search(index.parse(''), { type: 'equipment' }, () => true, 0, 50);
    expect(res.hits.map((h) => h.doc.id)).toEqual([fdm.id]);
    expect(res.facets.type).toEqual(
      expect.arrayContaining([
        { value: 'equipment', count: 1 },
        { value: 'service', count: 9 },
      ]),
    );
  });
  it('hides documents the caller may not see and forgets removed ones', () => {
    const secret = doc({ it: 'Riservatissimo progetto segreto', visibility: 'network' });
    index.upsert(secret);
    expect(index.search(index.parse('riservatissimo'), {}, (d) => d.visibility === 'public', 0, 10).total).toBe(0);
    expect(index.search(index.parse('riservatissimo'), {}, () => true, 0, 10).total).toBe(1);
    index.remove('service', secret.id);
    expect(index.search(index.parse('riservatissimo'), {}, () => true, 0, 10).total).toBe(0);
  });
  it('ranks with shared alternatives as with the same alternatives in every unit, and the same when ranking only', () => {
    const ix = new SearchIndex(testGlossary(), null);
    for (const d of [
      doc({ it: 'Saldatura di giunti in acciaio' }),
      doc({ it: 'Acciaio inox per cantieri' }),
      doc({ it: 'Giunti saldati e cantieri navali' }),
      doc({ it: 'Formazione' }),
    ])
      ix.upsert(d);
    const q = ix.parse('saldatura giunti');
    const context = ix
      .parse('acciaio cantieri')
      .units.flatMap((u) => u.alts.map((a) => ({ term: a.term, weight: a.weight * 0.35 })));
    const appended = {
      ...q,
      units: q.units.map((u) => ({
        ...u,
        alts: [...u.alts, ...context.filter((c) => !u.alts.some((a) => a.term === c.term))],
      })),
    };
    const shared = { ...q, shared: context };
    const rank = (x: typeof q, limit = 10, rankOnly = false) =>
      ix.search(x, {}, () => true, 0, limit, { rankOnly }).hits.map((h) => [h.doc.id, h.score.toFixed(4)]);
    expect(rank(shared)).toEqual(rank(appended));
    expect(rank(shared).length).toBe(3);
    expect(rank(shared, 10, true)).toEqual(rank(shared));
    expect(rank(shared, 2, true)).toEqual(rank(shared, 2));
    const only = ix.search(shared, {}, (d) => d.title.it !== 'Saldatura di giunti in acciaio', 0, 1, {
      rankOnly: true,
    });
    expect(only.hits.map((h) => h.doc.title.it)).toEqual(
      ix
        .search(shared, {}, (d) => d.title.it !== 'Saldatura di giunti in acciaio', 0, 1)
        .hits.map((h) => h.doc.title.it),
    );
    expect(only.facets.type).toEqual([]);
  });
  it('ranks documents matched by shared alternatives alone best first and stops early, with the same answers', () => {
    // More documents than the sorted head of shared matches, with ties, hidden ones and organisations among them.
    const ix = new SearchIndex(testGlossary(), null);
    const words = ['acciaio', 'cantieri', 'inox', 'navali', 'telai', 'formazione'];
    for (let i = 0; i < 3000; i++) {
      const picked = words.filter((_, w) => (i * (w + 3)) % (w + 2) === 0);
      const text = [...(i % 7 === 0 ? ['saldatura'] : []), ...(i % 11 === 0 ? ['giunti'] : []), ...picked].join(' ');
      ix.upsert(
        doc({
          id: `s${i}`,
          it: text || 'vuoto',
          visibility: i % 3 === 0 ? 'network' : 'public',
          type: i % 13 === 0 ? 'organization' : 'service',
        }),
      );
    }
    const context = (text: string) =>
      ix.parse(text).units.flatMap((u) => u.alts.map((a) => ({ term: a.term, weight: a.weight * 0.35 })));
    const q = ix.parse('saldatura giunti');
    const a = { ...q, shared: context('acciaio cantieri inox') };
    const b = { ...q, shared: context('navali telai') };
    const plain = ix.parse('acciaio navali');
    const notSharing = { ...a, units: a.units.map((u, i) => ({ ...u, shares: i === 0 })) };
    const hits = (x: typeof q, audience: 'public' | 'network', limit: number, rankOnly: boolean) =>
      ix
        .search(x, {}, audience, 0, limit, { rankOnly, exceptType: 'organization' })
        .hits.map((h) => `${h.doc.id} ${h.score}`);
    const check = () => {
      for (const x of [a, b, plain, a, notSharing])
        for (const audience of ['public', 'network'] as const)
          for (const limit of [1, 20, 200, 2500]) {
            const ranked = hits(x, audience, limit, true);
            expect(ranked).toEqual(hits(x, audience, limit, false));
            expect(ranked.length).toBe(Math.min(limit, hits(x, audience, 5000, false).length));
          }
    };
    check();
    // A change to the index makes the shared scores computed before stale.
    ix.upsert(doc({ id: 's5', it: 'acciaio acciaio saldatura giunti', visibility: 'public' }));
    check();
    expect(hits(a, 'public', 20, true).some((h) => h.startsWith('s5 '))).toBe(true);
  });
  it('lists the phrases a snippet would mark, from a text analysed once', () => {
    const q = index.parse('welding <b>');
    const text = 'Controllo delle saldature & dei <giunti>, saldature ad arco';
    const marks = [...highlight(text, 'it', q, index.glossary, 400).matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]);
    expect(markedPhrases(markable(text, 'it', index.glossary), q)).toEqual([...new Set(marks)]);
    expect(markedPhrases(markable(text, 'it', index.glossary), q)).toEqual(['saldature']);
  });
  it('highlights matched words and concept phrases in snippets, escaping HTML', () => {
    const q = index.parse('welding <b>');
    const html = highlight('Controllo delle saldature & dei <giunti>', 'it', q, index.glossary);
    expect(html).toBe('Controllo delle <mark>saldature</mark> &amp; dei &lt;giunti&gt;');
  });
});

describe('search with the shipped glossary and vocabularies', () => {
  const g = Glossary.load();
  const t = Translator.load();
  it('loads a glossary of several hundred concepts', () => {
    expect(g.concepts.size).toBeGreaterThan(300);
  });
  it('crosses languages for common technology terms', () => {
    const corrosion = doc({ it: 'Prove di corrosione in nebbia salina su componenti metallici' });
    const fatigue = doc({ en: 'Fatigue testing of welded joints' });
    const packaging = doc({ it: 'Imballaggi in carta riciclabile' });
    const { ids } = build([corrosion, fatigue, packaging, doc({ it: 'Formazione per manager' })], g, t);
    expect(ids('corrosion testing')[0]).toBe(corrosion.id);
    expect(ids('prove di fatica')[0]).toBe(fatigue.id);
    expect(ids('paper packaging')[0]).toBe(packaging.id);
  });
});

describe('language-aware analysis (issue: conflation and corrections)', () => {
  const g = Glossary.load();
  const t = Translator.load();
  it('never corrects a real word of either language, inflected or not', () => {
    const { index } = build(
      [doc({ it: 'Regione Toscana, prove su giunti saldati' }), doc({ en: 'Dried fruit' })],
      g,
      t,
    );
    for (const q of ['le staffe si toccano usando i bulloni', 'we tried and advise them', 'le vernici faticano'])
      expect(index.parse(q).corrections, q).toEqual([]);
    // A typo is still corrected towards the catalogue's words.
    expect(index.parse('giunti saldatti').corrections).toEqual([{ from: 'saldatti', to: 'saldati' }]);
  });
  it('never corrects a plural whose singular is a catalogue word, a name, or a word ending in an accent', () => {
    const { index } = build([doc({ it: 'Maglificio e laboratorio tessile a Forlimpopoli' })], g, t);
    // maglifici: the plural of maglificio, with another stem; Forlì: a name (capital inside the sentence); però: an accent.
    for (const q of ['i maglifici della zona', 'due aziende di Forlì e di Cantù', 'il filato però si rompe'])
      expect(index.parse(q).corrections, q).toEqual([]);
    expect(looksIntended('a Forlì', 2, 7)).toBe(true);
    expect(looksIntended('Maglifcio a Carpi', 0, 9)).toBe(false);
    expect(looksIntended('Siamo a Carpi. Maglifcio', 15, 24)).toBe(false);
    expect(looksIntended('prove ISO', 6, 9)).toBe(false);
  });
  it('never corrects an Italian place name typed in lower case without its accent', () => {
    const { index } = build([doc({ it: 'Mole per affilare e canto corale, precisione' })], g, t);
    // imola and cantu (Cantù) are one edit from words of the catalogue (mola, canto), and no word of any vocabulary.
    for (const q of ['aziende di imola e di cantu', 'un mobilificio a cantu cerca mole'])
      expect(index.parse(q).corrections, q).toEqual([]);
    expect(index.parse('mole di precisone').corrections).toEqual([{ from: 'precisone', to: 'precisione' }]);
  });
  it('stems a word in its own language only (the other language is reached by translation and concepts)', () => {
    const { index } = build([doc({ it: 'Prove di fatica' })], g, t);
    const terms = (q: string, word: string) =>
      index
        .parse(q, 'it')
        .units.find((u) => u.label === word)!
        .alts.map((a) => a.term);
    expect(terms('la fatica dei giunti', 'fatica')).not.toContain(`en:${stem('fatica', 'en')}`);
    expect(terms('la fatica dei giunti', 'fatica')).toContain('it:fatic');
    // A word of both languages keeps both.
    expect(terms('taglio laser dei giunti', 'laser')).toEqual(expect.arrayContaining(['it:laser', 'en:laser']));
  });
  it('finds a glossary word in its inflections but not in a verb that shares its stem', () => {
    const gl = new Glossary();
    gl.add({ id: 'fatigue', it: ['fatica'], en: ['fatigue'], abbr: [], broader: [], related: [] });
    gl.add({ id: 'machining', it: ['lavorazione meccanica'], en: ['machine'], abbr: [], broader: [], related: [] });
    const found = (text: string, lang: 'it' | 'en') => gl.find(analyse(text, lang), lang, true).map((h) => h.concept);
    expect(found('prove di fatica e fatiche', 'it')).toEqual(['fatigue', 'fatigue']);
    expect(found('le pompe faticano', 'it')).toEqual([]);
    expect(found('machines', 'en')).toEqual(['machining']);
    expect(found('machining', 'en')).toEqual([]);
    // A symptom worded as a verb in the glossary matches its conjugations.
    gl.add({ id: 'cracking', it: ['si crepa'], en: ['cracks'], abbr: [], broader: [], related: [] });
    expect(found('le staffe si crepano', 'it')).toEqual(['cracking']);
    // Each concept's own words decide: another concept's "hard anodising" does not make "hard" an inflection of
    // "hardness"; a verb's forms stand for each other (cracked for cracking), not for a noun's.
    gl.add({ id: 'hardness', it: [], en: ['hardness'], abbr: [], broader: [], related: [] });
    gl.add({ id: 'anodising', it: [], en: ['hard anodising'], abbr: [], broader: [], related: [] });
    gl.add({ id: 'concrete-degradation', it: [], en: ['concrete cracking'], abbr: [], broader: [], related: [] });
    expect(found('a hard white crust', 'en')).toEqual([]);
    expect(found('hard anodising', 'en')).toEqual(['anodising']);
    expect(found('the concrete cracked', 'en')).toEqual(['concrete-degradation']);
  });
  it('keeps an Italian noun to its own inflection class, and lets an adjective agree in any gender', () => {
    const gl = new Glossary();
    gl.useParts(t);
    gl.add({ id: 'fashion', it: ['moda'], en: [], abbr: [], broader: [], related: [] });
    gl.add({ id: 'testing', it: ['prova'], en: [], abbr: [], broader: [], related: [] });
    gl.add({ id: 'systems', it: ['sistema'], en: [], abbr: [], broader: [], related: [] });
    gl.add({ id: 'destructive', it: ['distruttivo'], en: [], abbr: [], broader: [], related: [] });
    const found = (text: string) => gl.find(analyse(text, 'it'), 'it', true).map((h) => h.concept);
    // modo (way) and moda (fashion) share the stem "mod"; an -o noun is no form of an -a noun.
    expect(found("c'è un modo di riciclarli")).toEqual([]);
    expect(found('i modi di riciclarli')).toEqual([]);
    expect(found('la moda e le mode')).toEqual(['fashion', 'fashion']);
    expect(found('prove e prova')).toEqual(['testing', 'testing']);
    // A discipline in -ica and its adjective in -ico are one family.
    gl.add({ id: 'logistics', it: ['logistica'], en: [], abbr: [], broader: [], related: [] });
    expect(found('un gestionale logistico')).toEqual(['logistics']);
    // -ma nouns take -i in the plural.
    expect(found('sistemi di controllo')).toEqual(['systems']);
    // "distruttivo" is only an adjective in WordNet: it agrees with its noun in any gender.
    expect(found('analisi distruttiva')).toEqual(['destructive']);
    expect(found('analisi distruttive')).toEqual(['destructive']);
    // Without the parts of speech a word is taken for a noun; with the setting off any final vowel matches, as before.
    const bare = new Glossary();
    bare.add({ id: 'destructive', it: ['distruttivo'], en: [], abbr: [], broader: [], related: [] });
    expect(bare.find(analyse('analisi distruttiva', 'it'), 'it', true)).toEqual([]);
    configureAnalysis({ nounClasses: false });
    try {
      expect(found("c'è un modo di riciclarli")).toEqual(['fashion']);
    } finally {
      configureAnalysis({ nounClasses: true });
    }
  });
  it('tells a glossary adjective from a noun by WordNet, in its masculine singular when inflected', () => {
    expect(t.isOnlyAdjective('distruttivo', 'it')).toBe(true);
    expect(t.isOnlyAdjective('distruttiva', 'it')).toBe(true);
    expect(t.isOnlyAdjective('moda', 'it')).toBe(false);
    expect(t.isOnlyAdjective('prova', 'it')).toBe(false);
  });
  it('translates a plural through its singular, which is all the general vocabularies list', () => {
    expect(t.translate('bullone', 'it')).toContain('bolt');
    expect(t.translate('bulloni', 'it')).toContain('bolt');
    expect(t.translate('bolts', 'en')).toContain('bullone');
    configureAnalysis({ translateInflected: false });
    try {
      expect(t.translate('bulloni', 'it')).toEqual([]);
    } finally {
      configureAnalysis({ translateInflected: true });
    }
  });
  it('counts a word translated through the general vocabularies as the word itself', () => {
    const { index } = build([doc({ en: 'Wheel testing' })], g, t);
    // "ruote" is no glossary term, and the vocabularies list only its singular: ruota → wheel.
    const unit = index.parse('ruote rumorose', 'it').units.find((u) => u.label === 'ruote')!;
    expect(unit.alts).toEqual(expect.arrayContaining([{ term: `en:${stem('wheel', 'en')}`, weight: 1 }]));
  });
  it('takes no concept from a generic word alone, and keeps any-order matches within a narrow window', () => {
    const gl = new Glossary();
    gl.generic.add('design');
    gl.add({ id: 'inclusive-design', it: [], en: ['design for all'], abbr: [], broader: [], related: [] });
    gl.add({ id: 'bubbles', it: ['bolle nel gelcoat'], en: [], abbr: [], broader: [], related: [] });
    const found = (text: string, lang: 'it' | 'en') => gl.find(analyse(text, lang), lang, true).map((h) => h.concept);
    expect(found('we design machines for all customers', 'en')).toEqual([]);
    expect(found('il gelcoat fa le bolle', 'it')).toEqual(['bubbles']);
    expect(found('il gelcoat è stato scelto dal cliente dopo molte prove e ora fa bolle', 'it')).toEqual([]);
  });
});
