import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analysisSettings } from './analysis.policy.ts';
import { PhraseTable, phraseAt } from './phrases.rules.ts';
import { englishDerivationBases, instrumentSiblings, italianPrefixBases } from './real-words.rules.ts';
import { findSymptoms, parseSymptomCues, type SymptomCue } from './symptoms.rules.ts';
import { fold, isStopWord, stem, tokenize, type Lang } from './text.rules.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const GLOSSARY_DIR = path.join(here, 'glossary');
export const VOCAB_DIR = path.resolve(here, '../../../vocab');
export const DICTIONARY_DIR = path.join(here, 'dictionary');

export interface Concept {
  id: string;
  it: string[];
  en: string[];
  abbr: string[];
  broader: string[];
  related: { to: string; kind: string }[];
}

/** A concept found in a text: which tokens (by index into the analysed token list) it spans. */
export interface ConceptHit {
  concept: string;
  from: number;
  to: number;
  via: string;
}

export interface AnalysedToken {
  surface: string;
  folded: string;
  stem: string;
  start: number;
  end: number;
  stop: boolean;
  upper: boolean;
}

/** Tokenises and stems a text in one language, keeping stop words flagged (needed for offsets and highlighting). */
export function analyse(text: string, lang: Lang): AnalysedToken[] {
  return tokenize(text).map((t) => {
    const written = text.slice(t.start, t.end);
    return {
      surface: t.surface,
      folded: t.folded,
      stem: stem(t.surface, lang),
      start: t.start,
      end: t.end,
      stop: isStopWord(t.folded, lang),
      upper: /^[A-Z0-9-]{2,}$/.test(written) && /[A-Z]/.test(written),
    };
  });
}

/** Inflection cores (see `inflectionCore`) of a verb's forms: participles, gerunds and the nouns of the action. */
const VERB_FORMS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['ed', 'ing']),
  it: new Set(['at', 'it', 'ut', 'azion', 'ament', 'ur']),
};

/**
 * What is left of a word once its stem is taken off, reduced to what inflection does not change: Italian nouns and
 * adjectives change their last vowel (fatica/fatiche, saldatura/saldature), English ones add -s/-es. A verb's ending
 * ("faticano", "machining") stays, so it differs from a noun's. Null when the stem is not the word's beginning.
 */
function inflectionCore(folded: string, stemmed: string, lang: Lang): string | null {
  if (!folded.startsWith(stemmed)) return null;
  const rest = folded.slice(stemmed.length);
  return lang === 'it' ? rest.replace(/h?[aeio]$/, '') : rest.replace(/(es|s|e)$/, '');
}

/**
 * The final vowels an Italian noun takes within its inflection class, from the final vowel of one of its forms:
 * -o/-i (modo, modi), -a/-e (moda, mode; prova, prove) and -i for -ma and -ista (sistema, sistemi; artista, artisti),
 * -e/-i (parete, pareti); a form in -e may also be the plural of an -a noun, one in -i of any class. Empty when the
 * word ends in no plain vowel (laser, città): nothing to compare. Stems conflate nouns of different gender (modo and
 * moda both stem to "mod"); their classes keep them apart. Words in -ico/-ica are left whole as well: a discipline in
 * -ica and its adjective or practitioner in -ico are one family (chimica, chimico; logistica, logistico; meccanica,
 * meccanici), which WordNet's Italian lemmas mostly do not record as adjectives.
 */
export function nounEndings(folded: string): string {
  if (/ich?[aeio]$/.test(folded)) return '';
  switch (folded.at(-1)) {
    case 'o':
      return 'oi';
    case 'a':
      return /(ma|ista)$/.test(folded) ? 'aei' : 'ae';
    case 'e':
      return 'eia';
    case 'i':
      return /(mi|isti)$/.test(folded) ? 'ioea' : 'ioe';
    default:
      return '';
  }
}

/** What knows the parts of speech of words (the general vocabularies' WordNet): see `Translator.isOnlyAdjective`. */
export interface PartsOfSpeech {
  isOnlyAdjective(folded: string, lang: Lang): boolean;
}

/** A glossary word's inflection core (see `inflectionCore`; `*` for a verb-worded term's any form) and the word. */
interface CoreOf {
  core: string;
  word: string;
}

/**
 * The bilingual concept glossary: finds concepts in Italian or English text (by stemmed phrases and acronyms) and
 * walks their broader and related links.
 */
export class Glossary {
  readonly concepts = new Map<string, Concept>();
  /** Terms by their stems, filed under their first stem (most words of a text start none, and are skipped at once). */
  private phrases = new PhraseTable();
  private abbrs = new Map<string, string[]>();
  private maxLen = 1;
  /** Multi-word terms by each of their stems, for matching words in another order or with words between (queries). */
  private termsByStem = new Map<string, { concept: string; stems: string[] }[]>();
  /** The same phrases by their exact (folded) words: the other language of a text matches only these. */
  private surfacePhrases = new PhraseTable();
  /**
   * Per language, stem and concept, the inflection cores of that concept's words with that stem (see
   * `inflectionCore`): "machines" inflects "machine vibration" but not "machining", "hard" not "hardness".
   */
  private cores: Record<Lang, Map<string, Map<string, CoreOf[]>>> = { it: new Map(), en: new Map() };
  /** Parts of speech of the general vocabularies, when loaded: an adjective agrees with its noun, in any gender. */
  private parts: PartsOfSpeech | null = null;
  /** Italian glossary word → the final vowels of the forms it stands for (`nounEndings`; empty: any). */
  private endings = new Map<string, string>();
  /** Words too broad to name a concept alone (`generic-words.txt`): a term that is only one of them names none. */
  readonly generic = new Set<string>();
  /** Every folded surface word of every term, for typo correction. */
  readonly words = new Set<string>();
  /** Every language-tagged stem of every term (`it:saldatur`): an inflected form of a known word is no typo. */
  readonly stems = new Set<string>();
  /** Folded word → its accented spellings in the glossary ("qualita" → "qualità"). */
  readonly accented = new Map<string, Set<string>>();
  /** Symptom verbs and adjectives next to an object noun (`symptom-cues.tsv`, `symptoms.rules.ts`). */
  symptomCues: SymptomCue[] = [];

  static load(dir = GLOSSARY_DIR): Glossary {
    const g = new Glossary();
    const generic = path.join(dir, 'generic-words.txt');
    if (fs.existsSync(generic))
      for (const line of fs.readFileSync(generic, 'utf8').split(/\r?\n/))
        if (line.trim() && !line.startsWith('#')) g.generic.add(fold(line.trim()));
    const file = path.join(dir, 'glossary.tsv');
    if (!fs.existsSync(file)) return g;
    const split = (s: string | undefined) =>
      (s ?? '')
        .split('|')
        .map((x) => x.trim())
        .filter(Boolean);
    const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
    for (const line of lines.slice(1)) {
      if (!line.trim()) continue;
      const [id, broader, it, en, abbr] = line.split('\t');
      if (!id) continue;
      g.add({ id, broader: split(broader), it: split(it), en: split(en), abbr: split(abbr), related: [] });
    }
    const rel = path.join(dir, 'related.tsv');
    if (fs.existsSync(rel)) {
      for (const line of fs.readFileSync(rel, 'utf8').split(/\r?\n/).slice(1)) {
        const [from, to, kind] = line.split('\t');
        if (from && to && g.concepts.has(from) && g.concepts.has(to))
          g.concepts.get(from)!.related.push({ to, kind: kind ?? 'related' });
      }
    }
    const cues = path.join(dir, 'symptom-cues.tsv');
    if (fs.existsSync(cues))
      g.symptomCues = parseSymptomCues(fs.readFileSync(cues, 'utf8')).filter((c) => g.concepts.has(c.concept));
    return g;
  }

  add(c: Concept): void {
    this.concepts.set(c.id, c);
    const precise = analysisSettings().conceptPrecision;
    for (const lang of ['it', 'en'] as const) {
      for (const term of c[lang]) {
        const all = analyse(term, lang);
        const toks = all.filter((t) => !t.stop);
        if (!toks.length) continue;
        // A term that is one generic word (test, plant, line), or collapses to one once its function words go
        // ("design for all" → design), would fire on every text using that word.
        if (precise && toks.length === 1 && this.generic.has(toks[0]!.folded)) continue;
        // An Italian term worded as a verb ("si crepa", "fa le bolle": how people describe a symptom) matches every
        // conjugation of its words (si crepano, fanno le bolle).
        const verbal = lang === 'it' && all.some((t) => t.folded === 'si' || t.folded === 'fa');
        for (const t of toks) {
          const core = verbal ? '*' : inflectionCore(t.folded, t.stem, lang);
          if (core !== null) {
            let byConcept = this.cores[lang].get(t.stem);
            if (!byConcept) {
              byConcept = new Map();
              this.cores[lang].set(t.stem, byConcept);
            }
            const list = byConcept.get(c.id) ?? [];
            if (!list.some((e) => e.core === core && e.word === t.folded)) list.push({ core, word: t.folded });
            byConcept.set(c.id, list);
          }
        }
        this.surfacePhrases.add(
          lang,
          toks.map((t) => t.folded),
          c.id,
        );
        for (const t of toks) {
          this.words.add(t.folded);
          this.stems.add(`${lang}:${t.stem}`);
          if (t.surface !== t.folded) {
            const set = this.accented.get(t.folded) ?? new Set<string>();
            set.add(t.surface);
            this.accented.set(t.folded, set);
          }
        }
        if (toks.length >= 2) {
          const ref = { concept: c.id, stems: toks.map((t) => t.stem) };
          for (const st of new Set(ref.stems)) {
            const k = `${lang}|${st}`;
            const refs = this.termsByStem.get(k) ?? [];
            refs.push(ref);
            this.termsByStem.set(k, refs);
          }
        }
        this.phrases.add(
          lang,
          toks.map((t) => t.stem),
          c.id,
        );
        this.maxLen = Math.max(this.maxLen, toks.length);
      }
    }
    for (const a of c.abbr) {
      const f = fold(a).replace(/[^a-z0-9]/g, '');
      if (f.length < 2) continue;
      const list = this.abbrs.get(f) ?? [];
      if (!list.includes(c.id)) list.push(c.id);
      this.abbrs.set(f, list);
      this.words.add(f);
    }
  }

  /** Uses these parts of speech to tell a glossary adjective (any gender) from a noun (its own class). */
  useParts(parts: PartsOfSpeech): void {
    if (this.parts === parts) return;
    this.parts = parts;
    this.endings.clear();
  }

  /**
   * Whether an Italian text word may be a form of a glossary word of the same stem and inflection core: a noun's
   * forms keep its class (modo is no form of moda, prove is one of prova); an adjective (a word WordNet knows only as
   * one) agrees with its noun in any gender (distruttiva, distruttivo), and an adjective of the text still names the
   * noun it comes from (logistico, logistica; chimico, chimica).
   */
  private sameClass(word: string, text: string): boolean {
    const last = text.at(-1)!;
    if (!'aeio'.includes(last)) return true;
    let ends = this.endings.get(word);
    if (ends === undefined) {
      ends = this.parts?.isOnlyAdjective(word, 'it') ? '' : nounEndings(word);
      this.endings.set(word, ends);
    }
    return ends === '' || ends.includes(last) || !!this.parts?.isOnlyAdjective(text, 'it');
  }

  /**
   * Concepts named in an analysed text: the longest glossary phrase starting at each word, plus acronyms.
   * `lenientAcronyms` accepts lower-case acronyms (queries are typed in lower case); in documents an acronym of two
   * letters must be written in capitals.
   */
  find(tokens: AnalysedToken[], lang: Lang, lenientAcronyms: boolean, exact = false): ConceptHit[] {
    const hits: ConceptHit[] = [];
    const content: { t: AnalysedToken; i: number }[] = [];
    for (let i = 0; i < tokens.length; i++) if (!tokens[i]!.stop) content.push({ t: tokens[i]!, i });
    const { stemGuard, narrowWindows, nounClasses } = analysisSettings();
    // A word matches a glossary word of the same stem only as one of its inflections (fatica, fatiche; not faticano),
    // and in Italian only within its noun class (modo is no form of moda). A verb's forms stand for each other
    // (cracked, cracking; criccato, criccatura), never for a noun's.
    const verbForms = VERB_FORMS[lang];
    const coresOf = this.cores[lang];
    const classes = nounClasses && lang === 'it';
    const inflects = (t: AnalysedToken, concept: string) => {
      if (!stemGuard) return true;
      const cores = coresOf.get(t.stem)?.get(concept);
      if (!cores) return true;
      const core = inflectionCore(t.folded, t.stem, lang);
      if (core === null) return true;
      for (const e of cores)
        if (e.core === '*' || (e.core === core && (!classes || this.sameClass(e.word, t.folded)))) return true;
      return verbForms.has(core) && cores.some((e) => verbForms.has(e.core));
    };
    const word = exact ? (x: { t: AnalysedToken }) => x.t.folded : (x: { t: AnalysedToken }) => x.t.stem;
    const phrases = exact ? this.surfacePhrases : this.phrases;
    for (let s = 0; s < content.length; s++) {
      const candidates = phrases.startingWith(lang, word(content[s]!));
      if (!candidates) continue;
      for (const phrase of candidates) {
        if (!phraseAt(phrase, content, s, word)) continue;
        const len = phrase.words.length;
        const slice = content.slice(s, s + len);
        const matched = phrase.concepts.filter((concept) => exact || slice.every((x) => inflects(x.t, concept)));
        if (matched.length) {
          for (const concept of matched)
            hits.push({
              concept,
              from: slice[0]!.i,
              to: slice[len - 1]!.i,
              via: slice.map((x) => x.t.surface).join(' '),
            });
          break;
        }
      }
    }
    // In queries people word things their own way ("il gelcoat fa le bolle" for "bolle nel gelcoat"): a multi-word
    // term also matches when all its words occur, in any order, within a short window (its length plus one word with
    // `narrowWindows`, else a wider one).
    if (lenientAcronyms && !exact) {
      const found = new Set(hits.map((h) => h.concept));
      for (let s = 0; s < content.length; s++) {
        for (const ref of this.termsByStem.get(`${lang}|${content[s]!.t.stem}`) ?? []) {
          if (found.has(ref.concept)) continue;
          const n = ref.stems.length;
          const lo = Math.max(0, s - n - (narrowWindows ? 0 : 1));
          const window = content.slice(lo, s + n + (narrowWindows ? 1 : 2));
          const at = ref.stems.map((st) => window.findIndex((x) => x.t.stem === st && inflects(x.t, ref.concept)));
          if (at.some((k) => k < 0)) continue;
          if (narrowWindows && Math.max(...at) - Math.min(...at) > n) continue;
          const positions = at.map((k) => window[k]!);
          const idx = positions.map((p) => p!.i);
          hits.push({
            concept: ref.concept,
            from: Math.min(...idx),
            to: Math.max(...idx),
            via: positions.map((p) => p!.t.surface).join(' '),
          });
          found.add(ref.concept);
        }
      }
      // A symptom verb or adjective next to the kind of object that suffers it ("la vernice si stacca").
      if (analysisSettings().symptomCues)
        for (const h of findSymptoms(
          content.map((x) => x.t.folded),
          this.symptomCues,
        )) {
          if (found.has(h.concept)) continue;
          const [a, b] = [content[Math.min(h.cue, h.object)]!, content[Math.max(h.cue, h.object)]!];
          hits.push({ concept: h.concept, from: a.i, to: b.i, via: `${a.t.surface} … ${b.t.surface}` });
          found.add(h.concept);
        }
    }
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      // Only a word in capitals, or any content word with `lenientAcronyms`, can be an acronym: the rest are skipped
      // before their key is built.
      if (!t.upper && !(lenientAcronyms && !t.stop)) continue;
      const key = t.folded.replace(/[^a-z0-9]/g, '');
      const ids = this.abbrs.get(key);
      if (!ids) continue;
      if (!(t.upper || (lenientAcronyms && key.length >= 3 && !t.stop))) continue;
      for (const concept of ids) hits.push({ concept, from: i, to: i, via: t.surface });
    }
    return hits;
  }

  /** Concepts named in a plain text of one language (a document's way: acronyms in capitals only). */
  findInText(text: string, lang: Lang): ConceptHit[] {
    return this.find(analyse(text, lang), lang, false);
  }

  /** Broader concepts up to `depth` levels, nearest first. */
  ancestors(id: string, depth = 2): string[] {
    const out: string[] = [];
    let frontier = [id];
    for (let d = 0; d < depth; d++) {
      const next: string[] = [];
      for (const f of frontier)
        for (const b of this.concepts.get(f)?.broader ?? [])
          if (!out.includes(b) && b !== id) {
            out.push(b);
            next.push(b);
          }
      frontier = next;
    }
    return out;
  }

  label(id: string, lang: Lang): string {
    const c = this.concepts.get(id);
    if (!c) return id;
    return (lang === 'it' ? (c.it[0] ?? c.en[0]) : (c.en[0] ?? c.it[0])) ?? id;
  }
}

const POS_NOUN = 1;
const POS_VERB = 2;
const POS_ADJECTIVE = 4;
const POS_ADVERB = 8;
/** WordNet synset id suffixes: n, v, a (and s, satellite adjectives), r. */
const POS_BITS: Record<string, number> = {
  n: POS_NOUN,
  v: POS_VERB,
  a: POS_ADJECTIVE,
  s: POS_ADJECTIVE,
  r: POS_ADVERB,
};
/** Where each part of speech's count of senses sits in a packed number (one byte each, at most 255). */
const POS_SHIFT: Record<number, number> = { [POS_NOUN]: 0, [POS_VERB]: 8, [POS_ADJECTIVE]: 16, [POS_ADVERB]: 24 };
function sensesOf(packed: number, bit: number): number {
  return Math.floor(packed / 2 ** POS_SHIFT[bit]!) % 256;
}
function addSense(packed: number, bit: number): number {
  return bit && sensesOf(packed, bit) < 255 ? packed + 2 ** POS_SHIFT[bit]! : packed;
}

/** Regular inflectional endings, longest first, and what a lemma ends with instead. */
const IT_ENDINGS =
  'erebbero arebbero irebbero eranno iranno avamo avate avano evamo evate evano ivamo ivate ivano assero essero issero arono erono irono eremmo iremmo ereste ireste erebbe irebbe iamo ando endo ammo emmo immo asti esti isti aste este iste erai irai erei irei ante ente anti enti ato ata ati ate uto uta uti ute ito ita iti ite ano ono ino ava eva iva avo evo ivo ai ei ii ò è ì a e i o'
    .split(' ')
    .sort((a, b) => b.length - a.length);
const IT_LEMMA_ENDINGS = ['are', 'ere', 'ire', 'o', 'a', 'e', 'i', 'io', 'co', 'go', 'ca', 'ga'];

/**
 * The singulars a noun or adjective could be a regular plural of, most likely first: Italian -i → -o/-e/-a
 * (bulloni → bullone), -i → -io (maglifici → maglificio), -e → -a (cricche → cricca), -chi/-ghi → -co/-go; English
 * -ies → -y, -es/-s → ''.
 */
export function pluralBases(folded: string, lang: Lang): string[] {
  if (folded.length < 4) return [];
  if (lang === 'en') {
    if (folded.endsWith('ies')) return [`${folded.slice(0, -3)}y`];
    if (folded.endsWith('ss') || !folded.endsWith('s')) return [];
    return folded.endsWith('es') ? [folded.slice(0, -1), folded.slice(0, -2)] : [folded.slice(0, -1)];
  }
  const root = folded.slice(0, -1);
  if (/(ch|gh)i$/.test(folded)) return [`${folded.slice(0, -2)}o`, `${root}e`];
  if (/(ch|gh)e$/.test(folded)) return [`${folded.slice(0, -2)}a`];
  if (folded.endsWith('i')) return [`${root}o`, `${root}e`, `${root}a`, `${folded}o`];
  if (folded.endsWith('e')) return [`${root}a`];
  return [];
}

/** Base forms a word could be a regular inflection of (bounded: a few dozen strings). */
function lemmaCandidates(folded: string, lang: Lang): string[] {
  const out: string[] = [];
  if (lang === 'en') {
    const rules: [RegExp, string][] = [
      [/ies$/, 'y'],
      [/ied$/, 'y'],
      [/es$/, ''],
      [/s$/, ''],
      [/ed$/, ''],
      [/ed$/, 'e'],
      [/ing$/, ''],
      [/ing$/, 'e'],
      [/([bdfglmnprt])\1(ed|ing)$/, '$1'],
      [/er$/, ''],
      [/est$/, ''],
    ];
    for (const [re, to] of rules) if (re.test(folded)) out.push(folded.replace(re, to));
    return out.filter((w) => w.length >= 3);
  }
  for (const end of IT_ENDINGS) {
    if (!folded.endsWith(end) || folded.length - end.length < 2) continue;
    const root = folded.slice(0, -end.length);
    // -chiamo, -ghiamo keep the hard sound: cerchiamo → cercare.
    const roots = root.endsWith('h') ? [root, root.slice(0, -1)] : [root];
    for (const r of roots) for (const l of IT_LEMMA_ENDINGS) out.push(r + l);
  }
  return out;
}

/**
 * General vocabularies (EuroVoc, GEMET, MultiWordNet) used only to translate words the glossary does not know:
 * folded label → labels in the other language.
 */
export class Translator {
  // A hand-written dictionary of generic technical words (test/prova, plant/impianto) that are too common to be glossary
  // concepts but still need a translation; first in line.
  private coreIt2en = new Map<string, string[]>();
  private coreEn2it = new Map<string, string[]>();
  private it2en = new Map<string, string[]>();
  private en2it = new Map<string, string[]>();
  // WordNet is consulted only for words the domain thesauri do not know: its many senses add noise.
  private wnIt2en = new Map<string, string[]>();
  private wnEn2it = new Map<string, string[]>();
  /**
   * The real words of each language (folded), from every lemma and label of the vocabularies and the core dictionary,
   * and their stems: a word whose stem is one of these is an inflected form of a real word (no typo).
   */
  private words = { it: new Set<string>(), en: new Set<string>() };
  private stems = { it: new Set<string>(), en: new Set<string>() };
  /** Irregular English forms and function words (`dictionary/english-forms.txt`), folded. */
  private forms = new Set<string>();
  /** The words of Italian place names (folded): a town typed in lower case without its accent (forli) is no typo. */
  private places = new Set<string>();
  /**
   * Parts of speech of WordNet's single-word lemmas: how many senses each has as noun, verb, adjective and adverb,
   * packed one byte each (`POS_SHIFT`).
   */
  private pos = { it: new Map<string, number>(), en: new Map<string, number>() };

  /** Notes the words of a lemma or label as real words of a language. */
  private noteWords(label: string, lang: Lang): void {
    for (const t of tokenize(label)) {
      if (t.folded.length < 3 || /\d/.test(t.folded)) continue;
      this.words[lang].add(t.folded);
      this.stems[lang].add(stem(t.surface, lang));
    }
  }

  /**
   * Whether a word, or another inflection of it, is a real word of either language: the same stem as a lemma, or a
   * regular inflection of a lemma (usando → usare, tried → try), since the vocabularies list lemmas only.
   */
  isRealWord(surface: string): boolean {
    const f = fold(surface);
    if (this.words.it.has(f) || this.words.en.has(f) || this.places.has(f)) return true;
    if (this.stems.it.has(stem(surface, 'it')) || this.stems.en.has(stem(surface, 'en'))) return true;
    if (
      lemmaCandidates(f, 'it').some((w) => this.words.it.has(w)) ||
      lemmaCandidates(f, 'en').some((w) => this.words.en.has(w))
    )
      return true;
    return analysisSettings().wordClasses && (this.forms.has(f) || this.isDerived(f));
  }

  /**
   * Whether a word is a regular derivation of a real word (`real-words.rules.ts`): an English suffix or prefix
   * (findable, submitter, simpler, resize), an irregular plural (halves), an Italian prefix (ridisegno), or an
   * instrument beside its technique (spectrophotometer, microscopy).
   */
  private isDerived(f: string): boolean {
    const en = (w: string) =>
      this.words.en.has(w) ||
      this.forms.has(w) ||
      lemmaCandidates(w, 'en').some((l) => this.words.en.has(l) && l.length >= 3);
    const it = (w: string) => this.words.it.has(w) || lemmaCandidates(w, 'it').some((l) => this.words.it.has(l));
    if (lemmaCandidates(f, 'en').some((l) => this.forms.has(l)) || englishDerivationBases(f).some(en)) return true;
    if (italianPrefixBases(f).some(it)) return true;
    return instrumentSiblings(f).some((w) => en(w) || it(w));
  }

  /** How many WordNet senses a word form (folded) has as noun, verb, adjective and adverb in a language, or null. */
  senses(folded: string, lang: Lang): [number, number, number, number] | null {
    const packed = this.pos[lang].get(folded);
    if (packed === undefined) return null;
    return [POS_NOUN, POS_VERB, POS_ADJECTIVE, POS_ADVERB].map((bit) => sensesOf(packed, bit)) as [
      number,
      number,
      number,
      number,
    ];
  }

  /** The lemmas a word could be a regular inflection of: a noun's singular first, then other inflections. */
  lemmas(folded: string, lang: Lang): string[] {
    return [...pluralBases(folded, lang), ...lemmaCandidates(folded, lang)];
  }

  /** The singulars a word could be the regular plural of. */
  singulars(folded: string, lang: Lang): string[] {
    return pluralBases(folded, lang);
  }

  /** Whether a folded word is part of an Italian place name. */
  isPlace(folded: string): boolean {
    return this.places.has(folded);
  }

  /**
   * Whether WordNet knows a word only as an adjective: the word itself when it is a lemma, else its masculine singular
   * (distruttive → distruttivo, chimiche → chimico).
   */
  isOnlyAdjective(folded: string, lang: Lang): boolean {
    const map = this.pos[lang];
    let bits = map.get(folded);
    if (bits === undefined && lang === 'it' && /[aei]$/.test(folded)) {
      const root = folded.replace(/(?<=[cg])h?[aei]$|[aei]$/, '');
      bits = map.get(`${root}o`) ?? map.get(`${root}e`);
    }
    return bits !== undefined && sensesOf(bits, POS_ADJECTIVE) > 0 && sensesOf(bits, POS_NOUN) === 0;
  }

  /** Whether a word (or an inflection of it, with `inflected`) is a real word of this language. */
  isWordOf(surface: string, lang: Lang, inflected = false): boolean {
    return this.words[lang].has(fold(surface)) || (inflected && this.stems[lang].has(stem(surface, lang)));
  }

  static load(dir = VOCAB_DIR): Translator {
    const t = new Translator();
    const read = (name: string, each: (cols: string[]) => void) => {
      const file = path.join(dir, name);
      if (!fs.existsSync(file)) return;
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      for (let i = 1; i < lines.length; i++) if (lines[i]) each(lines[i]!.split('\t'));
    };
    const clean = (s: string) =>
      s
        .replace(/\s*\(.*?\)\s*/g, ' ')
        .replace(/_/g, ' ')
        .trim();
    const core = path.join(DICTIONARY_DIR, 'core-words.tsv');
    if (fs.existsSync(core)) {
      for (const line of fs.readFileSync(core, 'utf8').split('\n').slice(1)) {
        const [its, ens] = line.split('\t');
        if (!its || !ens) continue;
        const itl = its
          .split('|')
          .map((x) => x.trim())
          .filter(Boolean);
        const enl = ens
          .split('|')
          .map((x) => x.trim())
          .filter(Boolean);
        for (const i of itl) t.noteWords(i, 'it');
        for (const e of enl) t.noteWords(e, 'en');
        for (const i of itl) for (const e of enl.slice(0, 2)) t.pair(t.coreIt2en, new Map(), i, e, 4);
        for (const e of enl) for (const i of itl.slice(0, 2)) t.pair(new Map(), t.coreEn2it, i, e, 4);
      }
    }
    const forms = path.join(DICTIONARY_DIR, 'english-forms.txt');
    if (fs.existsSync(forms))
      for (const line of fs.readFileSync(forms, 'utf8').split('\n'))
        if (line.trim() && !line.startsWith('#')) for (const w of tokenize(line)) t.forms.add(w.folded);
    const places = path.join(DICTIONARY_DIR, 'place-names.txt');
    if (fs.existsSync(places))
      for (const line of fs.readFileSync(places, 'utf8').split('\n'))
        if (line.trim() && !line.startsWith('#'))
          for (const w of tokenize(line)) if (w.folded.length >= 3) t.places.add(w.folded);
    // Thesaurus labels first: they are domain terms; WordNet after, limited to its first synsets per word.
    const labels = (it: string | undefined, en: string | undefined) => {
      if (it) t.noteWords(clean(it), 'it');
      if (en) t.noteWords(clean(en), 'en');
      return it && en;
    };
    read('gemet-it-en.tsv', ([, it, en]) => labels(it, en) && t.pair(t.it2en, t.en2it, clean(it!), clean(en!), 3));
    read('eurovoc-tc-it-en.tsv', ([, it, en]) => labels(it, en) && t.pair(t.it2en, t.en2it, clean(it!), clean(en!), 3));
    read('mwn-ita-en-synsets.tsv', ([synset, its, ens]) => {
      const bit = POS_BITS[synset?.slice(-1) ?? ''] ?? 0;
      for (const i of its?.split('|') ?? []) {
        t.noteWords(clean(i), 'it');
        if (!i.includes('_')) t.pos.it.set(fold(i), addSense(t.pos.it.get(fold(i)) ?? 0, bit));
      }
      for (const e of ens?.split('|') ?? []) {
        t.noteWords(clean(e), 'en');
        if (!e.includes('_')) t.pos.en.set(fold(e), addSense(t.pos.en.get(fold(e)) ?? 0, bit));
      }
      if (!its || !ens) return;
      const itl = its.split('|').slice(0, 2).map(clean);
      const enl = ens.split('|').slice(0, 2).map(clean);
      for (const i of itl) for (const e of enl) t.pair(t.wnIt2en, t.wnEn2it, i, e, 2);
    });
    return t;
  }

  private pair(toEn: Map<string, string[]>, toIt: Map<string, string[]>, it: string, en: string, cap: number): void {
    if (!it || !en || it.split(' ').length > 3 || en.split(' ').length > 3) return;
    const fi = fold(it),
      fe = fold(en);
    if (fi === fe) return;
    const a = toEn.get(fi) ?? [];
    if (a.length < cap && !a.includes(en)) {
      a.push(en);
      toEn.set(fi, a);
    }
    const b = toIt.get(fe) ?? [];
    if (b.length < cap && !b.includes(it)) {
      b.push(it);
      toIt.set(fe, b);
    }
  }

  /** Whether a folded word is a real word of either language (a label in the dictionaries): such a word is no typo. */
  knows(folded: string): boolean {
    return (
      this.it2en.has(folded) ||
      this.en2it.has(folded) ||
      this.wnIt2en.has(folded) ||
      this.wnEn2it.has(folded) ||
      this.coreIt2en.has(folded) ||
      this.coreEn2it.has(folded)
    );
  }

  /** Labels in the other language for a folded word or phrase in `from`: thesaurus labels, else WordNet's. */
  translate(folded: string, from: Lang): string[] {
    const exact = this.translateForm(folded, from);
    if (exact.length || !analysisSettings().translateInflected || folded.includes(' ')) return exact;
    for (const base of pluralBases(folded, from)) {
      const t = this.translateForm(base, from);
      if (t.length) return t;
    }
    return [];
  }

  /** Labels in the other language for exactly this form: the core dictionary, else the thesauri, else WordNet. */
  private translateForm(folded: string, from: Lang): string[] {
    const core = (from === 'it' ? this.coreIt2en : this.coreEn2it).get(folded);
    if (core?.length) return core;
    const thesaurus = (from === 'it' ? this.it2en : this.en2it).get(folded);
    if (thesaurus?.length) return thesaurus;
    return (from === 'it' ? this.wnIt2en : this.wnEn2it).get(folded) ?? [];
  }
}
