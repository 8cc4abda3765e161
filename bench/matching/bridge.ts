/**
 * Bridge rate: does a problem share a *specific* glossary concept with at least one of its grade-3 records? The
 * problem's concepts are those of the engine's aspects; a record's are those the glossary finds in its title and
 * description, in each text's own language. A concept is specific when it occurs in at most 5 % of the records (a
 * concept found everywhere, such as "testing", bridges nothing). The rate *through links* also counts the concepts the
 * problem's concepts reach through one glossary link (tested-by, solved-by, related): a symptom the records never name
 * bridges when it links to the test or service they do name.
 */
import { analyse, Glossary, Translator } from '../../apps/server/src/modules/search/concepts.ts';
import type { Catalogue, Problem } from './problems.ts';

const SPECIFIC_SHARE = 0.05;
const recordConcepts = new WeakMap<Catalogue, Map<string, Set<string>>>();
let linksOf: ((concept: string) => string[]) | null = null;
let translator: Translator | null = null;

function conceptsOfRecords(catalogue: Catalogue, glossary: Glossary): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of catalogue.records.values()) {
    const found = new Set<string>();
    for (const [lang, text] of Object.entries(r.texts) as ['it' | 'en', string][])
      for (const hit of glossary.find(analyse(text, lang), lang, false)) found.add(hit.concept);
    out.set(r.id, found);
  }
  return out;
}

/** The specific concepts of the catalogue (computed with the analysis settings in force). */
export function specificConcepts(catalogue: Catalogue): Set<string> {
  const glossary = Glossary.load();
  // The engine's glossary knows the parts of speech (an adjective agrees in any gender): so does this one.
  translator ??= Translator.load();
  glossary.useParts(translator);
  linksOf = (c) => glossary.concepts.get(c)?.related.map((r) => r.to) ?? [];
  const byRecord = conceptsOfRecords(catalogue, glossary);
  recordConcepts.set(catalogue, byRecord);
  const df = new Map<string, number>();
  for (const set of byRecord.values()) for (const c of set) df.set(c, (df.get(c) ?? 0) + 1);
  const max = Math.max(1, SPECIFIC_SHARE * catalogue.records.size);
  return new Set([...df].filter(([, n]) => n <= max).map(([c]) => c));
}

export function bridged(
  p: Problem,
  concepts: readonly string[],
  catalogue: Catalogue,
  specific: Set<string>,
  throughLinks = false,
): boolean {
  const byRecord = recordConcepts.get(catalogue);
  if (!byRecord) return false;
  const reached = throughLinks && linksOf ? [...concepts, ...concepts.flatMap(linksOf)] : concepts;
  const mine = new Set(reached.filter((c) => specific.has(c)));
  return Object.entries(p.records).some(([id, g]) => g === 3 && [...(byRecord.get(id) ?? [])].some((c) => mine.has(c)));
}
