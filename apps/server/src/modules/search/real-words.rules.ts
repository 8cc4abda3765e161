/**
 * Classes of real words the general vocabularies do not list as written, so that typo correction leaves them alone
 * (`realWords`). The vocabularies hold lemmas, and WordNet's English side only the words aligned with Italian, so a
 * correctly spelled word can be missing in several regular ways: a derivation of a listed word (findable, submitter,
 * simpler, resize), an irregular plural (halves), an instrument named after its technique (spectrophotometer beside
 * spectrophotometry), a hyphenated compound of known parts (boat-building, shared-memory, micro-reti). Pure functions:
 * the caller says which words are known.
 */

/** English prefixes that make a word of a word (resize, preset, inbox, overload, subframe, co-design, multilayer). */
const EN_PREFIXES = [
  'counter',
  'inter',
  'micro',
  'multi',
  'under',
  'macro',
  'over',
  'mini',
  'post',
  'self',
  'semi',
  'anti',
  'auto',
  'non',
  'out',
  'pre',
  'sub',
  'dis',
  'mis',
  'un',
  're',
  'in',
  'co',
];

/** Italian prefixes (ridisegnare, preassemblato, sottoprodotto, multistrato, autoprodotto). */
const IT_PREFIXES = [
  'contro',
  'sovra',
  'sotto',
  'micro',
  'multi',
  'inter',
  'super',
  'mini',
  'semi',
  'anti',
  'auto',
  'post',
  'pre',
  'sub',
  'dis',
  'ri',
  'co',
];

/** A doubled consonant before a suffix (submitter → submit). */
const DOUBLED = /([bdgklmnprt])\1(?:able|ible|er|ers|or|ors)$/;

/**
 * Words a correctly spelled English word could be derived from by a regular suffix or prefix, or an irregular plural:
 * find+able, submit+t+er, simple+r, half → halves, re+size. Each candidate has at least three letters.
 */
export function englishDerivationBases(folded: string): string[] {
  const out: string[] = [];
  const rules: [RegExp, string][] = [
    [DOUBLED, '$1'],
    [/(?:able|ible)$/, ''],
    [/(?:able|ible)$/, 'e'],
    [/iable$/, 'y'],
    [/(?:er|ers|or|ors)$/, ''],
    [/(?:er|ers|or|ors)$/, 'e'],
    [/ier$/, 'y'],
    [/iest$/, 'y'],
    [/(le|e)(?:r|st)$/, '$1'],
    [/ily$/, 'y'],
    [/ly$/, ''],
    [/ness$/, ''],
    [/iness$/, 'y'],
    [/(?:ves)$/, 'f'],
    [/(?:ves)$/, 'fe'],
  ];
  for (const [re, to] of rules) if (re.test(folded)) out.push(folded.replace(re, to));
  // A doubled consonant before a suffix follows a stressed final syllable (submitter, controller), never a short word
  // (grammer is no form of gram).
  if (DOUBLED.test(folded) && folded.replace(DOUBLED, '$1').length < 5) out.splice(0, 1);
  for (const p of EN_PREFIXES) {
    if (!folded.startsWith(p)) continue;
    const base = folded.slice(p.length);
    // "in" becomes "im" before b, m and p (impact, imbalance): "inpact" is a typo, not a word.
    if (p === 'in' && /^[bmp]/.test(base)) continue;
    out.push(base);
  }
  return out.filter((w) => w.length >= 3);
}

/** Words an Italian word could be formed from by a prefix (ridisegno → disegno, sottoprodotti → prodotti). */
export function italianPrefixBases(folded: string): string[] {
  return IT_PREFIXES.filter((p) => folded.startsWith(p))
    .map((p) => folded.slice(p.length))
    .filter((w) => w.length >= 4);
}

/**
 * An instrument and its technique share a root: spectrophotometer / spectrophotometry, chromatograph / chromatography,
 * microscope / microscopy, calorimetro / calorimetria. The other forms of the same word family.
 */
export function instrumentSiblings(folded: string): string[] {
  const pairs: [string, string[]][] = [
    ['meters', ['metry']],
    ['meter', ['metry']],
    ['metres', ['metry']],
    ['metre', ['metry']],
    ['graphs', ['graphy']],
    ['graph', ['graphy']],
    ['scopes', ['scopy']],
    ['scope', ['scopy']],
    ['metry', ['meter', 'metre']],
    ['graphy', ['graph']],
    ['scopy', ['scope']],
    ['metri', ['metria']],
    ['metro', ['metria']],
    ['metria', ['metro']],
    ['metrie', ['metro']],
    ['grafi', ['grafia']],
    ['grafo', ['grafia']],
    ['grafia', ['grafo']],
    ['grafie', ['grafo']],
    ['scopi', ['scopia']],
    ['scopio', ['scopia']],
    ['scopia', ['scopio']],
    ['scopie', ['scopio']],
  ];
  for (const [end, others] of pairs)
    if (folded.endsWith(end) && folded.length > end.length + 2)
      return others.map((o) => folded.slice(0, -end.length) + o);
  return [];
}

/**
 * Whether a hyphenated or dotted compound is made of real parts: each part is known or too short to be corrected on
 * its own (acronyms: gc-ms, lc-ms; turn-key, real-word, boat-building, micro-reti). A compound with one part is not.
 */
export function isCompoundOfKnownParts(
  parts: readonly string[],
  known: (part: string) => boolean,
  minCorrectable: number,
): boolean {
  return parts.length >= 2 && parts.every((p) => p.length < minCorrectable || /\d/.test(p) || known(p));
}
