/**
 * Symptoms described in the words people use, not in a glossary phrase: a symptom verb or adjective ("si stacca",
 * "gonfia", "perde", "peels", "swollen", "leaks") names a symptom only next to the kind of object that suffers it
 * ("la vernice si stacca" is peeling paint, "l'azienda perde clienti" is no leak). The cues and the objects are written
 * generically, in both languages, in `glossary/symptom-cues.tsv`; a cue names its concept when an object word lies
 * within a narrow window of content words on either side.
 */

/** Folded words and word beginnings (a written "vernic*" is the beginning "vernic"). */
export class WordSet {
  private exact = new Set<string>();
  private prefixes: string[] = [];

  constructor(words: readonly string[] = []) {
    for (const w of words) this.add(w);
  }

  add(word: string): void {
    if (word.endsWith('*')) this.prefixes.push(word.slice(0, -1));
    else this.exact.add(word);
  }

  has(word: string): boolean {
    return this.exact.has(word) || this.prefixes.some((p) => word.startsWith(p));
  }

  get size(): number {
    return this.exact.size + this.prefixes.length;
  }
}

export interface SymptomCue {
  concept: string;
  cues: WordSet;
  objects: WordSet;
}

/** A symptom found: its concept and the positions (in the content words given) of its cue and its object. */
export interface SymptomHit {
  concept: string;
  cue: number;
  object: number;
}

/** Content words between a cue and its object, at most (so "vernice … si stacca" across a short clause). */
export const SYMPTOM_WINDOW = 4;

/** A word beginning shorter than this is too broad to name anything ("pa*"). */
const MIN_PREFIX = 4;

/**
 * Reads the cue table: a header `concept	cues	objects`, then one row per concept, `|` between words. A row whose
 * concept starts with `@` names a group of object words (in its `cues` column) that other rows' objects can use as
 * `@name`. Words are lower-case and unaccented, as `fold` leaves them; a trailing `*` stands for any ending. Throws on
 * an unknown group, a row without cues or objects, or a beginning too short to be specific.
 */
export function parseSymptomCues(tsv: string): SymptomCue[] {
  const groups = new Map<string, string[]>();
  const rows: { concept: string; cues: string[]; objects: string[]; line: number }[] = [];
  const words = (cell: string | undefined) =>
    (cell ?? '')
      .split('|')
      .map((w) => w.trim())
      .filter(Boolean);
  const lines = tsv.split(/\r?\n/);
  lines.slice(1).forEach((text, i) => {
    if (!text.trim()) return;
    const [concept, cues, objects] = text.split('\t');
    if (!concept) return;
    if (concept.startsWith('@')) groups.set(concept, words(cues));
    else rows.push({ concept, cues: words(cues), objects: words(objects), line: i + 2 });
  });
  const check = (w: string, line: number) => {
    if (w !== w.toLowerCase() || /[^a-z0-9*'-]/.test(w))
      throw new Error(`symptom cues line ${line}: "${w}" is not folded`);
    if (w.endsWith('*') && w.length - 1 < MIN_PREFIX)
      throw new Error(`symptom cues line ${line}: "${w}" is too short a beginning`);
  };
  return rows.map(({ concept, cues, objects, line }) => {
    const expanded: string[] = [];
    for (const o of objects) {
      if (!o.startsWith('@')) expanded.push(o);
      else {
        const g = groups.get(o);
        if (!g) throw new Error(`symptom cues line ${line}: unknown group ${o}`);
        expanded.push(...g);
      }
    }
    if (!cues.length || !expanded.length) throw new Error(`symptom cues line ${line}: a row needs cues and objects`);
    for (const w of [...cues, ...expanded]) check(w, line);
    return { concept, cues: new WordSet(cues), objects: new WordSet(expanded) };
  });
}

/**
 * The symptoms named in a text's content words (folded, stop words left out): each cue with an object of its row
 * within `window` words, the nearest object first; a concept once.
 */
export function findSymptoms(
  content: readonly string[],
  cues: readonly SymptomCue[],
  window = SYMPTOM_WINDOW,
): SymptomHit[] {
  const hits: SymptomHit[] = [];
  const found = new Set<string>();
  for (let i = 0; i < content.length; i++) {
    const w = content[i]!;
    for (const c of cues) {
      if (found.has(c.concept) || !c.cues.has(w)) continue;
      for (let d = 1; d <= window; d++) {
        const at = [i - d, i + d].find((k) => k >= 0 && k < content.length && c.objects.has(content[k]!));
        if (at === undefined) continue;
        hits.push({ concept: c.concept, cue: i, object: at });
        found.add(c.concept);
        break;
      }
    }
  }
  return hits;
}
