import { isStopWordAny, LANGS, stem, tokenize } from './text.rules.ts';

/** At most this many words of a query go into an answer from the database. */
const MAX_WORDS = 8;
/** A word is cut to its stem, but never shorter than this (a short prefix would match a large share of the catalogue). */
const MIN_PREFIX = 4;

/**
 * The prefixes an answer from the database looks for (while the in-memory index is being built): each content word
 * of the query, cut to its shortest stem in either language, so that "riciclare" also finds "riciclo" and "recycling"
 * finds "recycled". The cut keeps the letters as typed (accents included): a stemmer folds them. Compound words
 * ("icp-ms", "14040.2") and words with digits are kept whole; stop words and single letters are left out.
 */
export function degradedPrefixes(q: string): string[] {
  const prefixes = new Set<string>();
  for (const t of tokenize(q)) {
    const w = t.surface;
    if (w.length < 2 || isStopWordAny(t.folded)) continue;
    if (/[-.\d]/.test(w)) {
      prefixes.add(w);
    } else {
      const cut = Math.min(...LANGS.map((l) => stem(w, l).length));
      prefixes.add(w.slice(0, Math.min(w.length, Math.max(cut, MIN_PREFIX))));
    }
    if (prefixes.size === MAX_WORDS) break;
  }
  return [...prefixes];
}
