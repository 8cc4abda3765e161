import { analyse, type Glossary } from './concepts.ts';
import type { ParsedQuery } from './search.index.ts';
import type { Lang } from './text.rules.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A short passage of `text` around the words that matched the query, HTML-escaped, with each match wrapped in
 * <mark>: words whose stem matched, and phrases naming a matched concept (or a narrower one).
 */
export function highlight(text: string, lang: Lang, query: ParsedQuery, glossary: Glossary, maxWords = 32): string {
  if (!text) return '';
  const tokens = analyse(text, lang);
  const terms = new Set(query.units.flatMap((u) => u.alts.map((a) => a.term)));
  const marked = new Array<boolean>(tokens.length).fill(false);
  tokens.forEach((t, i) => { if (!t.stop && terms.has(`${lang}:${t.stem}`)) marked[i] = true; });
  if (query.concepts.length) {
    const wanted = new Set(query.concepts);
    for (const hit of glossary.find(tokens, lang, false)) {
      if (wanted.has(hit.concept) || glossary.ancestors(hit.concept).some((a) => wanted.has(a))) {
        for (let i = hit.from; i <= hit.to; i++) marked[i] = true;
      }
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
      if (i >= maxWords - 1 && count > best) { best = count; start = i - maxWords + 1; }
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
    out += escapeHtml(text.slice(pos, t.start)) + '<mark>' + escapeHtml(text.slice(t.start, tokens[j]!.end)) + '</mark>';
    pos = tokens[j]!.end;
    i = j;
  }
  out += escapeHtml(text.slice(pos, to));
  if (to < text.length) out += '…';
  return out;
}
