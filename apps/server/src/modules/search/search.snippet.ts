import { analyse, type AnalysedToken, type Glossary } from './concepts.ts';
import type { ParsedQuery } from './search.index.ts';
import type { Lang } from './text.rules.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The first `maxWords` words of a text, HTML-escaped, nothing marked (answers given without the index). */
export function plainSnippet(text: string, maxWords = 32): string {
  const words = text.split(/\s+/).filter(Boolean);
  return escapeHtml(words.slice(0, maxWords).join(' ')) + (words.length > maxWords ? '…' : '');
}

/**
 * A short passage of `text` around the words that matched the query, HTML-escaped, with each match wrapped in
 * <mark>: words whose stem matched, and phrases naming a matched concept (or a narrower one).
 */
export function highlight(text: string, lang: Lang, query: ParsedQuery, glossary: Glossary, maxWords = 32): string {
  return text ? highlightMarkable(markable(text, lang, glossary), query, maxWords) : '';
}

/** `highlight` over a text analysed beforehand (`markable`), so that a text shown often is analysed once. */
export function highlightMarkable(m: MarkableText, query: ParsedQuery, maxWords = 32): string {
  const { text, lang, tokens } = m;
  if (!text) return '';
  const terms = new Set(query.units.flatMap((u) => u.alts.map((a) => a.term)));
  const marked = new Array<boolean>(tokens.length).fill(false);
  tokens.forEach((t, i) => {
    if (!t.stop && terms.has(`${lang}:${t.stem}`)) marked[i] = true;
  });
  if (query.concepts.length) {
    const wanted = new Set(query.concepts);
    for (const hit of m.hits) {
      if ([...hit.concepts].some((c) => wanted.has(c))) for (let i = hit.from; i <= hit.to; i++) marked[i] = true;
    }
  }
  // The window of maxWords tokens holding the most marks.
  let start = 0;
  if (tokens.length > maxWords) {
    let best = -1;
    let count = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (marked[i]) count++;
      if (i >= maxWords && marked[i - maxWords]) count--;
      if (i >= maxWords - 1 && count > best) {
        best = count;
        start = i - maxWords + 1;
      }
    }
    if (best <= 0) start = 0;
  }
  const end = Math.min(tokens.length, start + maxWords);
  const from = start === 0 ? 0 : tokens[start]!.start;
  const to = end >= tokens.length ? text.length : tokens[end - 1]!.end;
  let out = start > 0 ? '…' : '';
  let pos = from;
  for (let i = start; i < end; i++) {
    const t = tokens[i]!;
    if (!marked[i]) continue;
    // Join adjacent marked words (a matched phrase) into one mark.
    let j = i;
    while (j + 1 < end && marked[j + 1] && /^[\s-]*$/.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))) j++;
    out +=
      escapeHtml(text.slice(pos, t.start)) + '<mark>' + escapeHtml(text.slice(t.start, tokens[j]!.end)) + '</mark>';
    pos = tokens[j]!.end;
    i = j;
  }
  out += escapeHtml(text.slice(pos, to));
  if (to < text.length) out += '…';
  return out;
}

/**
 * A text analysed once, so that the matches of several queries can be marked in it (`markedPhrases`). The glossary
 * phrases in it are looked up the first time a query with concepts needs them.
 */
export class MarkableText {
  private found: { from: number; to: number; concepts: Set<string> }[] | null = null;
  constructor(
    readonly text: string,
    readonly lang: Lang,
    readonly tokens: AnalysedToken[],
    private readonly glossary: Glossary,
  ) {}
  get hits(): { from: number; to: number; concepts: Set<string> }[] {
    const g = this.glossary;
    this.found ??= g
      .find(this.tokens, this.lang, false)
      .map((h) => ({ from: h.from, to: h.to, concepts: new Set([h.concept, ...g.ancestors(h.concept)]) }));
    return this.found;
  }
}

export function markable(text: string, lang: Lang, glossary: Glossary): MarkableText {
  return new MarkableText(text, lang, analyse(text, lang), glossary);
}

/** Every term of a query, the shared alternatives included (what `markedPhrases` marks). */
export function queryTerms(query: ParsedQuery): ReadonlySet<string> {
  return new Set([
    ...query.units.flatMap((u) => u.alts.map((a) => a.term)),
    ...(query.shared ?? []).map((a) => a.term),
  ]);
}

/**
 * The phrases of a text that `highlight` would mark for a query (words whose stem matched, including the query's
 * shared alternatives, and phrases naming a matched concept or a narrower one; adjacent marks joined), each once.
 * `terms` (from `queryTerms`) saves gathering them again when one query marks many texts.
 */
export function markedPhrases(m: MarkableText, query: ParsedQuery, terms = queryTerms(query)): string[] {
  const wanted = new Set(query.concepts);
  const marked = m.tokens.map((t) => !t.stop && terms.has(`${m.lang}:${t.stem}`));
  if (wanted.size)
    for (const h of m.hits)
      if ([...h.concepts].some((c) => wanted.has(c))) for (let i = h.from; i <= h.to; i++) marked[i] = true;
  const out = new Set<string>();
  for (let i = 0; i < m.tokens.length; i++) {
    if (!marked[i]) continue;
    let j = i;
    while (
      j + 1 < m.tokens.length &&
      marked[j + 1] &&
      /^[\s-]*$/.test(m.text.slice(m.tokens[j]!.end, m.tokens[j + 1]!.start))
    )
      j++;
    out.add(m.text.slice(m.tokens[i]!.start, m.tokens[j]!.end));
    i = j;
  }
  return [...out];
}
