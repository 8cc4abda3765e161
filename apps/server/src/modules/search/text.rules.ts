import snowball from 'snowball-stemmers';
import { TEXT_LIMITS } from './budget.rules.ts';

export type Lang = 'it' | 'en';
export const LANGS: readonly Lang[] = ['it', 'en'];

/** Any character other than printable ASCII (space to tilde). */
const NOT_PLAIN = /[^ -~]/;

/** Lower-cases and strips diacritics: "Qualità" → "qualita". */
export function fold(s: string): string {
  // Printable ASCII has nothing to decompose or strip (most words of a catalogue): lower-casing is all there is.
  if (!NOT_PLAIN.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export interface Token {
  surface: string;
  folded: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*/gu;

/** The first `max` characters of a word, never cutting a surrogate pair in two. */
function clip(word: string, max: number): string {
  if (word.length <= max) return word;
  const code = word.charCodeAt(max - 1);
  return word.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * Splits text into word tokens with their offsets. Hyphenated and dotted words ("ICP-MS", "14040.2") become one token
 * plus their parts are left to the caller (see `compoundParts`). A word longer than `TEXT_LIMITS.tokenChars` keeps its
 * offsets but is analysed by its first characters only, so that no later step costs more than a word of that length.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const surface = clip(m[0], TEXT_LIMITS.tokenChars).toLowerCase();
    // Italian elision: "dell'acciaio" is split by the apostrophe already; "l" "dell" are stop words.
    out.push({ surface, folded: fold(surface), start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/** The parts of a compound token: "icp-ms" → ["icp", "ms"]; a plain token → []. At most `TEXT_LIMITS.compoundParts`. */
export function compoundParts(folded: string): string[] {
  return folded.includes('-') || folded.includes('.')
    ? folded
        .split(/[-.]/, TEXT_LIMITS.compoundParts + 1)
        .filter(Boolean)
        .slice(0, TEXT_LIMITS.compoundParts)
    : [];
}

const STOP_IT = new Set(
  (
    'a ad al alla alle allo agli ai all anche avere c che chi ci con col come contro cui d da dal dalla dalle dallo dagli dai dall ' +
    'de degli dei del della delle dello dell di dopo dove e ed era essere fa fra gli ha hanno i il in io la le lei li lo loro lui ' +
    'ma mi ne negli nei nel nella nelle nello nell no noi non nostro o od ogni per perche piu po poi puo quale quali quando quanto ' +
    'quel quella quelle quelli quello questa queste questi questo se sei si sia siamo sono sta su sua sue sugli sui sul sulla ' +
    'sulle sullo sull suo suoi tra tu tutti tutto un una uno vi voi vostro cosa ho abbiamo nostra nostri nostre mio mia miei ' +
    'essa esso essi esse tale tali molto molti molta molte come cioe ecc etc dove quindi oppure sempre gia ancora solo fino ' +
    'verso presso circa'
  ).split(' '),
);
const STOP_EN = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing down during each few for from further had has have having he her here hers him his how i if in into ' +
    'is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so ' +
    'some such than that the their theirs them then there these they this those through to too under until up very was we were ' +
    'what when where which while who whom why will with would you your yours also etc via per using use used within without ' +
    'can cannot may might must shall us get gets got'
  ).split(' '),
);

export function isStopWord(folded: string, lang: Lang): boolean {
  return lang === 'it' ? STOP_IT.has(folded) : STOP_EN.has(folded);
}
export function isStopWordAny(folded: string): boolean {
  return STOP_IT.has(folded) || STOP_EN.has(folded);
}

const stemmers = { it: snowball.newStemmer('italian'), en: snowball.newStemmer('english') };
const stemCache = { it: new Map<string, string>(), en: new Map<string, string>() };

// Consistent British/American normalisation before the English stemmer: characterisation = characterization.
function normaliseEnglish(w: string): string {
  return w
    .replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1')
    .replace(/([tb])re(s)?$/, '$1er$2')
    .replace(/yse(s|d)?$/, 'yze$1');
}

/**
 * The stem of a lower-case (not yet folded) word in a language, folded afterwards, so "qualità" and "qualita" differ
 * only where the stemmer sees the accent. Cached: the Snowball port costs ~40 µs a word.
 */
export function stem(word: string, lang: Lang): string {
  const cache = stemCache[lang];
  let s = cache.get(word);
  if (s === undefined) {
    if (word.length <= 3 || /\d/.test(word)) s = fold(word);
    else s = fold(stemmers[lang].stem(lang === 'en' ? normaliseEnglish(word) : word));
    if (cache.size > 500_000) cache.clear();
    cache.set(word, s);
  }
  return s;
}

/**
 * Damerau–Levenshtein (optimal string alignment) distance, bounded: returns max+1 as soon as it is exceeded. Only the
 * band of cells within `max` of the diagonal is computed (a path outside it costs more than `max`), so the work is
 * at most (2·max+1) cells a letter; `work.editCells` counts them.
 */
export function editDistance(a: string, b: string, max = 2, work?: { editCells: number }): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length,
    m = b.length;
  const FAR = max + 1;
  let prev2 = new Array<number>(m + 1).fill(FAR);
  let prev = Array.from({ length: m + 1 }, (_, j) => (j <= max ? j : FAR));
  let cur = new Array<number>(m + 1).fill(FAR);
  let cells = 0;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max),
      hi = Math.min(m, i + max);
    // Cells just outside the band read as "too far" (the array is reused from two rows before).
    cur[0] = i <= max ? i : FAR;
    if (lo > 1) cur[lo - 1] = FAR;
    if (hi < m) cur[hi + 1] = FAR;
    let rowMin = cur[0];
    for (let j = lo; j <= hi; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = Math.min(v, FAR);
      if (v < rowMin) rowMin = v;
    }
    cells += hi - lo + 1;
    if (rowMin > max) {
      if (work) work.editCells += cells;
      return max + 1;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  if (work) work.editCells += cells;
  return Math.min(prev[m]!, FAR);
}

/**
 * Whether a word of a text reads as a name or as a word no typo produces, so typo correction leaves it alone: written
 * with a capital inside a sentence (Forlì, Modena, Brembo), or ending in an accented vowel (città, Forlì, Cantù: a slip
 * of the keyboard drops accents, it does not add them).
 */
export function looksIntended(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (/[àèéìíòóù]$/i.test(word)) return true;
  if (!/^\p{Lu}/u.test(word) || /^[\p{Lu}\d-]+$/u.test(word)) return false;
  const before = text.slice(0, start).trimEnd();
  return before !== '' && !/[.!?:;\n]$/.test(before);
}

/** Guesses the language of a short text from stop words and accents; null when unsure. */
export function guessLanguage(text: string): Lang | null {
  let it = 0,
    en = 0;
  for (const t of tokenize(text)) {
    if (STOP_IT.has(t.folded) && !STOP_EN.has(t.folded)) it++;
    if (STOP_EN.has(t.folded) && !STOP_IT.has(t.folded)) en++;
    if (t.surface !== t.folded) it += 0.5;
    if (/(zione|zioni|mento|menti|ità|tura|ture)$/.test(t.surface)) it += 0.5;
    if (/(tion|tions|ing|ness|ment)$/.test(t.surface)) en += 0.5;
  }
  if (it === en) return null;
  return it > en ? 'it' : 'en';
}
