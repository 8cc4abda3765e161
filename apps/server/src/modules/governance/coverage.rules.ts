import type { LocalizedText } from '../../db/schema/catalogue.ts';
import { isStopWord, stem, tokenize, type Lang } from '../search/text.rules.ts';

/**
 * The S3 coverage map (decision 018): which centre's offer serves which cell of the 2021–2027 matrix (technology
 * priority × application area), the cells nobody covers, and where two centres' offers in a cell largely overlap.
 */

const l = (it: string, en: string) => ({ it, en });
/** The current matrix (DGR 1321/2022), codes as in the `s3` taxonomy. */
export const S3_2021 = {
  root: 's3-2021-2027',
  priorities: [
    { code: 's3-digital-technologies', label: l('Tecnologie digitali', 'Digital technologies') },
    {
      code: 's3-advanced-manufacturing',
      label: l('Tecnologie per la manifattura avanzata', 'Advanced manufacturing technologies'),
    },
    {
      code: 's3-advanced-materials',
      label: l('Materiali avanzati e nanotecnologie', 'Advanced materials and nanotechnologies'),
    },
    { code: 's3-life-technologies', label: l('Tecnologie per la vita', 'Life technologies') },
  ],
  areas: [
    { code: 's3-environment-energy', label: l('Ambiente, territorio e energia', 'Environment, territory and energy') },
    { code: 's3-culture', label: l('Cultura', 'Culture') },
    { code: 's3-health', label: l('Salute', 'Health') },
    { code: 's3-agrifood', label: l('Agrifood', 'Agrifood') },
    { code: 's3-smart-enterprise', label: l('Impresa intelligente e sostenibile', 'Smart and sustainable enterprise') },
  ],
};
/** A cell's own code: `<priority>×<area>` (decision 011). */
export const CELL_SEPARATOR = '×';
export const cellCode = (priority: string, area: string) => `${priority}${CELL_SEPARATOR}${area}`;

const PRIORITIES = new Set(S3_2021.priorities.map((p) => p.code));
const AREAS = new Set(S3_2021.areas.map((a) => a.code));

/** Whether a code names a priority, an area or a cell of the current matrix. */
export function isCurrentS3(code: string): boolean {
  if (PRIORITIES.has(code) || AREAS.has(code)) return true;
  const [p, a, more] = code.split(CELL_SEPARATOR);
  return more === undefined && a !== undefined && PRIORITIES.has(p!) && AREAS.has(a);
}

/**
 * The cells a record serves: its explicit cells, plus every priority it names × every area it names (a record tagged
 * "advanced materials" and "health" serves that cell). Codes of the 2014–2020 strategy and challenges name no cell.
 */
export function cellsOf(s3: readonly string[]): [string, string][] {
  const ps = s3.filter((c) => PRIORITIES.has(c));
  const as = s3.filter((c) => AREAS.has(c));
  const out = new Map<string, [string, string]>();
  for (const p of ps) for (const a of as) out.set(cellCode(p, a), [p, a]);
  for (const c of s3) {
    if (!c.includes(CELL_SEPARATOR) || !isCurrentS3(c)) continue;
    const [p, a] = c.split(CELL_SEPARATOR) as [string, string];
    out.set(c, [p, a]);
  }
  return [...out.values()];
}

/** A record as the coverage map reads it, from any source (offers, joint actions; events at merge). */
export interface S3Record {
  type: string;
  id: string;
  organization: string;
  s3: string[];
  title: LocalizedText | null;
  text: LocalizedText[];
  /** Work centres do together (a joint action): counts for coverage and gaps, not for the overlaps between centres. */
  collaboration?: boolean;
}

/**
 * The analysed terms of a record: the search module's tokens, stop words dropped, stemmed in each text's language and
 * tagged with it (an Italian and an English text do not meet), with their counts.
 */
export function termsOf(r: Pick<S3Record, 'title' | 'text'>): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of [r.title, ...r.text]) {
    if (!t) continue;
    for (const lang of ['it', 'en'] as Lang[]) {
      const s = t[lang];
      if (!s) continue;
      for (const tok of tokenize(s.slice(0, 4000))) {
        if (tok.folded.length < 3 || /^\d+$/.test(tok.folded) || isStopWord(tok.folded, lang)) continue;
        const term = `${lang}:${stem(tok.surface, lang)}`;
        tf.set(term, (tf.get(term) ?? 0) + 1);
      }
    }
  }
  return tf;
}

export type Vector = Map<string, number>;
export function norm(v: Vector): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}
export function cosine(a: Vector, b: Vector, na = norm(a), nb = norm(b)): number {
  if (!na || !nb) return 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, x] of small) {
    const y = big.get(k);
    if (y !== undefined) dot += x * y;
  }
  return dot / (na * nb);
}
/** TF-IDF weights of a record's terms (log-scaled term frequency × inverse document frequency). */
export function weigh(tf: Map<string, number>, idf: (term: string) => number): Vector {
  const v: Vector = new Map();
  for (const [t, n] of tf) v.set(t, (1 + Math.log(n)) * idf(t));
  return v;
}
export function addInto(sum: Vector, v: Vector, scale = 1) {
  for (const [k, x] of v) sum.set(k, (sum.get(k) ?? 0) + x * scale);
}

/** The overlap measure and its threshold (decision 018 has the measurements behind them). */
export const OVERLAP = {
  name: 'containment: the larger share of a centre’s records in the cell with a counterpart of the other (TF-IDF cosine)',
  /** Pairs of centres whose TF-IDF centroids in the cell are less alike than this are not compared record by record. */
  screen: 0.05,
  /** Two centres overlap in a cell at or above this share. */
  threshold: 0.2,
  /** Two records overlap at or above this cosine (their analysed terms, TF-IDF weighted)… */
  recordThreshold: 0.25,
  /** …looked for among each side's records closest to the other centre (bounded work)… */
  candidates: 50,
  /** …and at most this many pairs listed. */
  recordPairs: 5,
};
