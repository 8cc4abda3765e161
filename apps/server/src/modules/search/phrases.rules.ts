import type { Lang } from './text.rules.ts';

/** A glossary phrase: its words (stems or exact folded forms) and the concepts it names, in the order they were added. */
export interface Phrase {
  words: readonly string[];
  concepts: string[];
}

/**
 * Glossary phrases filed under their first word, per language, longest first: finding the phrases at a word of a text
 * costs one look-up, and most words start none; the candidates are compared word by word, with no key to build.
 */
export class PhraseTable {
  private byStart: Record<Lang, Map<string, Phrase[]>> = { it: new Map(), en: new Map() };

  /** Files a concept under a phrase (once per concept and phrase). */
  add(lang: Lang, words: readonly string[], concept: string): void {
    const first = words[0];
    if (first === undefined) return;
    const map = this.byStart[lang];
    let list = map.get(first);
    if (!list) {
      list = [];
      map.set(first, list);
    }
    let phrase = list.find((p) => sameWords(p.words, words));
    if (!phrase) {
      phrase = { words: [...words], concepts: [] };
      // Longest first; the order among phrases of one length does not matter (at most one matches a text's words).
      const at = list.findIndex((p) => p.words.length < words.length);
      list.splice(at < 0 ? list.length : at, 0, phrase);
    }
    if (!phrase.concepts.includes(concept)) phrase.concepts.push(concept);
  }

  /** The phrases whose first word is `word`, longest first; undefined when none starts with it. */
  startingWith(lang: Lang, word: string): readonly Phrase[] | undefined {
    return this.byStart[lang].get(word);
  }
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether `phrase` is the words of `items` from `start` on, read with `word`. */
export function phraseAt<T>(phrase: Phrase, items: readonly T[], start: number, word: (item: T) => string): boolean {
  const n = phrase.words.length;
  if (start + n > items.length) return false;
  for (let k = 0; k < n; k++) if (word(items[start + k]!) !== phrase.words[k]) return false;
  return true;
}
