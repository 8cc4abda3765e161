/**
 * Switches and weights of text analysis, search and matching, in one place so each can be turned off on its own for
 * an ablation (`npm run bench:matching -- --ablate`, docs/matching-quality.md). Every switch's "off" value is the
 * behaviour before it existed. The analysis thread sets them once, before it loads anything (`WorkerSettings.analysis`);
 * nothing changes them while it runs.
 */
export interface AnalysisSettings {
  /**
   * A query word is stemmed in the query's language only (and in the other language only when it is a word of that
   * language, not of the query's); concepts of the other language match exact surface forms only. Off: every word is
   * stemmed with both stemmers and concepts are looked for by stem in both languages.
   */
  languageAware: boolean;
  /** Typo correction leaves alone any word whose stem is a real word's stem in either language (WordNet lemmas). */
  realWords: boolean;
  /**
   * With `realWords`, also the classes of real words the vocabularies miss as written (`real-words.rules.ts`,
   * `dictionary/english-forms.txt`): irregular English forms and function words, regular derivations (findable,
   * submitter, resize, ridisegno), instruments beside their technique, hyphenated compounds of known parts.
   */
  wordClasses: boolean;
  /**
   * Concept-detection precision: a glossary term that is a single generic word (glossary/generic-words.txt), or that
   * reduces to one once function words are removed ("design for all"), names no concept.
   */
  conceptPrecision: boolean;
  /** Words of a term matched in any order (queries) must lie within the term's length plus one word. */
  narrowWindows: boolean;
  /** A glossary word matches only its own inflections (a noun's plural, not a verb sharing its stem: fatica ≠ faticano). */
  stemGuard: boolean;
  /**
   * With `stemGuard`, an Italian text word matches a glossary noun of the same stem only within its inflection class
   * (-o/-i, -a/-e, -e/-i: modo is no form of moda, prove is one of prova); a glossary word WordNet knows only as an
   * adjective agrees in any gender. Off: any final vowel.
   */
  nounClasses: boolean;
  /**
   * Fusion of the per-aspect rankings with the whole-problem ranking: the whole problem's score plus a bounded bonus
   * (`blendWeight` × the best aspect score). Off: the maximum over separately normalised rankings.
   */
  blend: boolean;
  blendWeight: number;
  /**
   * In a problem that names a symptom (a concept under the glossary's degradation, defect or plant-problem roots) and
   * another concept (the material, process or product that suffers it), a record scores at least this share of
   * (1 + `blendWeight`) × its score on that other concept aspect: as under the maximum, that aspect's best records stay
   * near the top instead of below the tests and services the symptom links to. 0: no floor.
   */
  symptomFloor: number;
  /**
   * An agreement vote from reciprocal rank fusion, `k` (0: off), added to the blend: a record gains
   * `rankFusionWeight` × (1 + `blendWeight`) × (k + 1) / 2 × (1/(k + its rank on the whole problem) + 1/(k + its best
   * rank on any aspect, clause aspects included)), so the first in both gains as much as the blend's best scores. The
   * blend keeps each ranking's score margins (a record far ahead on the whole problem stays first); the vote lifts
   * records near the top of both, where the whole problem's scores are flat (everyday wording, no decisive word).
   * Not on a problem under the symptom floor (`symptomFloor`), whose fusion the floor decides.
   */
  rankFusion: number;
  rankFusionWeight: number;
  /** Exponent of the share of query words a document matches, for search (short queries) and matching (long texts). */
  searchCoordination: number;
  matchingCoordination: number;
  /** Weight of concepts reached through a glossary link (tested-by, solved-by, related) in an aspect's query. */
  linkWeight: number;
  /** Pseudo-relevance feedback: the concepts shared by the first records of the whole problem join its query. */
  feedback: boolean;
  /** Instrument nouns (spettrometro, climatic chamber, rig…) as cues that the problem asks for equipment. */
  equipmentCues: boolean;
  /**
   * With `equipmentCues`, an instrument noun is a cue only in a text that asks for access to equipment (hours, days or
   * time on it, access, renting, booking, "usare", "utilizzare"): a request for time on an instrument, not a mention.
   */
  instrumentAccess: boolean;
  /**
   * A word the general vocabularies do not list as written is translated through its base form when it is a regular
   * plural (cricche → cricca, bulloni → bullone, cracks → crack): they list lemmas only. Off: exact forms only.
   */
  translateInflected: boolean;
  /**
   * Weight of a word's translation through the general vocabularies (a concept the translation names counts 1.5 times
   * this, at most as much as a concept found in the text). 1: a translated word counts as the word itself, since in a
   * bilingual network the language a record happens to be written in says nothing about its relevance.
   */
  translationWeight: number;
  /**
   * A symptom verb or adjective next to an object noun names its symptom concept ("la vernice si stacca" → paint peeling,
   * "swollen pouches" → food spoilage; `glossary/symptom-cues.tsv`), in queries. Off: glossary phrases only.
   */
  symptomCues: boolean;
  /** Multiplier of equipment records when the problem asks for an instrument (`equipmentCues`). */
  equipmentBoost: number;
  /** Weight of the feedback ranking. */
  feedbackWeight: number;
}

/** Weight of a glossary concept found in the text itself (only such concepts become a problem's aspects). */
export const CONCEPT_WEIGHT = 1.2;

/** The settings in force. */
export const DEFAULT_ANALYSIS: Readonly<AnalysisSettings> = {
  languageAware: true,
  realWords: true,
  wordClasses: true,
  conceptPrecision: true,
  narrowWindows: true,
  stemGuard: true,
  nounClasses: true,
  blend: true,
  blendWeight: 0.5,
  symptomFloor: 0.8,
  rankFusion: 60,
  rankFusionWeight: 1,
  searchCoordination: 1,
  matchingCoordination: 0,
  linkWeight: 0.5,
  feedback: true,
  equipmentCues: true,
  instrumentAccess: true,
  translateInflected: true,
  translationWeight: 1,
  symptomCues: true,
  equipmentBoost: 1.15,
  feedbackWeight: 0.25,
};

/** The value of each setting before it existed: what "off" means in the ablation. */
export const LEGACY_ANALYSIS: Readonly<AnalysisSettings> = {
  languageAware: false,
  realWords: false,
  wordClasses: false,
  conceptPrecision: false,
  narrowWindows: false,
  stemGuard: false,
  nounClasses: false,
  blend: false,
  blendWeight: 0.5,
  symptomFloor: 0,
  rankFusion: 0,
  rankFusionWeight: 1,
  searchCoordination: 1,
  matchingCoordination: 1,
  linkWeight: 0.85,
  feedback: false,
  equipmentCues: false,
  instrumentAccess: false,
  translateInflected: false,
  translationWeight: 0.45,
  symptomCues: false,
  equipmentBoost: 1.25,
  feedbackWeight: 0.25,
};

/** The switches an ablation turns off one at a time (the coordination exponent of search is 1 either way). */
export const ABLATION_SWITCHES = [
  'languageAware',
  'realWords',
  'wordClasses',
  'conceptPrecision',
  'narrowWindows',
  'stemGuard',
  'nounClasses',
  'blend',
  'symptomFloor',
  'rankFusion',
  'matchingCoordination',
  'linkWeight',
  'feedback',
  'equipmentCues',
  'instrumentAccess',
  'translateInflected',
  'translationWeight',
  'symptomCues',
] as const satisfies readonly (keyof AnalysisSettings)[];
export type AblationSwitch = (typeof ABLATION_SWITCHES)[number];

const current: AnalysisSettings = { ...DEFAULT_ANALYSIS };

/** The settings in force (read at each use; cheap). */
export function analysisSettings(): Readonly<AnalysisSettings> {
  return current;
}

/** Sets some settings (the analysis thread at start, tests); the rest keep their values. Returns the settings. */
export function configureAnalysis(change: Partial<AnalysisSettings> = {}): Readonly<AnalysisSettings> {
  for (const [k, v] of Object.entries(change) as [keyof AnalysisSettings, never][])
    if (k in current && v !== undefined) current[k] = v;
  return current;
}

/** The settings with the named switches turned back to their legacy values. */
export function withLegacy(off: readonly string[]): Partial<AnalysisSettings> {
  const out: Partial<AnalysisSettings> = {};
  for (const k of off) {
    if (!(k in LEGACY_ANALYSIS)) throw new Error(`unknown analysis setting "${k}"`);
    (out as Record<string, unknown>)[k] = LEGACY_ANALYSIS[k as keyof AnalysisSettings];
  }
  return out;
}
