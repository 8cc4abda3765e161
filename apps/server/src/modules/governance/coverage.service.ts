import type { S3Coverage } from '@clock/contracts';
import type { Db } from '../../db/client.ts';
import * as repo from './coverage.repo.ts';
import { ACTION_S3_SOURCE } from '../actions/action-s3.service.ts';
import {
  addInto,
  cellCode,
  cellsOf,
  cosine,
  isCurrentS3,
  norm,
  OVERLAP,
  S3_2021,
  termsOf,
  weigh,
  type S3Record,
  type Vector,
} from './coverage.rules.ts';

/**
 * Where each centre stands on the S3 matrix. The records come from `S3_SOURCES`: the centres' offer and the public
 * joint actions (for each centre taking part); events plug in with one line at merge (their module's service exports
 * an `S3Source`). Every record source is public, so everyone reads the same map. A source's records marked
 * `collaboration` count for coverage and gaps but not for the overlaps between centres.
 */
export interface S3Source {
  kind: string;
  /** Changes whenever the records change (the map is cached per version). */
  version(db: Db): Promise<string>;
  load(db: Db): Promise<S3Record[]>;
}

/** The offers' texts as last read, by type/id with their revision: after a change only the changed rows are read. */
const offerTextsOf = new WeakMap<
  Db,
  Map<string, { revision: number; title: S3Record['title']; text: S3Record['text'] }>
>();
const chunks = <T>(xs: T[], n: number) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
const OFFERS: S3Source = {
  kind: 'offers',
  version: (db) => repo.offersVersion(db),
  async load(db) {
    const offerTexts = offerTextsOf.get(db) ?? new Map();
    offerTextsOf.set(db, offerTexts);
    const keys = await repo.centreOfferKeys(db);
    const stale = keys.filter((k) => offerTexts.get(`${k.type}/${k.id}`)?.revision !== k.revision);
    const revisions = new Map(stale.map((k) => [`${k.type}/${k.id}`, k.revision]));
    const rows =
      stale.length > 500
        ? await repo.centreOfferTexts(db)
        : (await Promise.all(chunks(stale, 100).map((c) => repo.offerTexts(db, c)))).flat();
    for (const o of rows) {
      const revision = revisions.get(`${o.type}/${o.id}`);
      if (revision === undefined) continue; // unchanged since it was read
      offerTexts.set(`${o.type}/${o.id}`, {
        revision,
        title: o.title,
        text: [o.description, o.keywords?.length ? { it: o.keywords.join(' ') } : null].filter(
          (t): t is NonNullable<typeof t> => t !== null,
        ),
      });
    }
    return keys.map((k) => {
      const t = offerTexts.get(`${k.type}/${k.id}`);
      return {
        type: k.type,
        id: k.id,
        organization: k.organization,
        s3: k.s3 ?? [],
        title: t?.title ?? null,
        text: t?.text ?? [],
      };
    });
  },
};

export const S3_SOURCES: S3Source[] = [
  OFFERS,
  ACTION_S3_SOURCE,
  // events (dissemination module): EVENT_S3_SOURCE — `events.s3`, the organisers
];

interface Analysed {
  record: S3Record;
  cells: [string, string][];
  tf: Map<string, number>;
}
const cache = new WeakMap<Db, { version: string; coverage: S3Coverage }>();
/** A record's analysed terms, kept while its texts are (the sources reuse unchanged texts' objects). */
const terms = new WeakMap<object, Map<string, number>>();
function analysedTerms(r: S3Record) {
  const key = r.text[0] ?? r.title;
  if (!key) return termsOf(r);
  let tf = terms.get(key);
  if (!tf) {
    tf = termsOf(r);
    terms.set(key, tf);
  }
  return tf;
}

/** The codes among `codes` (by index) that name nothing in the current matrix nor in the `s3` taxonomy. */
export async function unknownS3Codes(db: Db, codes: string[]): Promise<number[]> {
  const known = await repo.knownS3Codes(db, codes);
  return codes.flatMap((c, i) => (isCurrentS3(c) || known.has(c) ? [] : [i]));
}

export async function coverage(db: Db): Promise<S3Coverage> {
  const version = (await Promise.all(S3_SOURCES.map((s) => s.version(db)))).join('|');
  const hit = cache.get(db);
  if (hit && hit.version === version) return hit.coverage;
  const records = (await Promise.all(S3_SOURCES.map((s) => s.load(db)))).flat();
  const result = computeCoverage(records);
  cache.set(db, { version, coverage: result });
  return result;
}

type Weighted = { v: Vector; n: number };
const titleOf = (r: Analysed) => ({
  type: r.record.type,
  id: r.record.id,
  title: r.record.title?.it ?? r.record.title?.en ?? r.record.id,
});
/**
 * How much two centres' offers in a cell duplicate each other: record pairs at least `OVERLAP.recordThreshold` alike
 * (looked for among each side's `OVERLAP.candidates` records closest to the other centre's centroid, so the work stays
 * bounded); the similarity is the larger of the two shares of a centre's records in the cell that have such a
 * counterpart (containment: 1 when all of one centre's offer there is also the other's). The records are those of the
 * best pairs.
 */
function overlapOf(ra: Analysed[], rb: Analysed[], ca: Weighted, cb: Weighted, vectorOf: (a: Analysed) => Weighted) {
  const closest = (mine: Analysed[], other: Weighted) =>
    mine
      .map((r) => ({ r, s: cosine(vectorOf(r).v, other.v, vectorOf(r).n, other.n) }))
      .sort((x, y) => y.s - x.s)
      .slice(0, OVERLAP.candidates);
  const pairs: { a: Analysed; b: Analysed; s: number }[] = [];
  const right = closest(rb, ca);
  for (const x of closest(ra, cb))
    for (const y of right) {
      const s = cosine(vectorOf(x.r).v, vectorOf(y.r).v, vectorOf(x.r).n, vectorOf(y.r).n);
      if (s >= OVERLAP.recordThreshold) pairs.push({ a: x.r, b: y.r, s });
    }
  const similarity = Math.max(
    new Set(pairs.map((p) => p.a)).size / ra.length,
    new Set(pairs.map((p) => p.b)).size / rb.length,
  );
  pairs.sort((x, y) => y.s - x.s);
  const records = new Map<Analysed, ReturnType<typeof titleOf>>();
  for (const p of pairs.slice(0, OVERLAP.recordPairs)) {
    records.set(p.a, titleOf(p.a));
    records.set(p.b, titleOf(p.b));
  }
  return { similarity, records: [...records.values()] };
}

/** The map from records (pure: the benchmark and the tests call it directly too). */
export function computeCoverage(records: S3Record[]): S3Coverage {
  const analysed: Analysed[] = [];
  const df = new Map<string, number>();
  for (const record of records) {
    const cells = cellsOf(record.s3);
    if (!cells.length) continue;
    const tf = analysedTerms(record);
    if (!record.collaboration) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    analysed.push({ record, cells, tf });
  }
  const n = analysed.filter((a) => !a.record.collaboration).length;
  const idf = (t: string) => Math.log(1 + n / (df.get(t) ?? 1));
  // cell → organisation → records
  const byCell = new Map<string, Map<string, Analysed[]>>();
  for (const a of analysed)
    for (const [p, ar] of a.cells) {
      const key = cellCode(p, ar);
      const orgs = byCell.get(key) ?? new Map<string, Analysed[]>();
      byCell.set(key, orgs);
      const list = orgs.get(a.record.organization);
      if (list) list.push(a);
      else orgs.set(a.record.organization, [a]);
    }
  const vectors = new Map<Analysed, { v: Vector; n: number }>();
  const vectorOf = (a: Analysed) => {
    const known = vectors.get(a);
    if (known) return known;
    const v = weigh(a.tf, idf);
    const x = { v, n: norm(v) };
    vectors.set(a, x);
    return x;
  };
  const cells: S3Coverage['cells'] = [];
  const gaps: S3Coverage['gaps'] = [];
  const overlaps: S3Coverage['overlaps'] = [];
  for (const p of S3_2021.priorities)
    for (const ar of S3_2021.areas) {
      const orgs = byCell.get(cellCode(p.code, ar.code));
      if (!orgs?.size) {
        gaps.push({ priority: p.code, area: ar.code });
        continue;
      }
      const names = [...orgs.keys()].sort();
      for (const o of names)
        cells.push({ priority: p.code, area: ar.code, organization: o, records: orgs.get(o)!.length });
      // Overlaps are measured on each centre's own offer there: joint work is collaboration, not duplication.
      const own = new Map(
        names
          .map((o) => [o, orgs.get(o)!.filter((a) => !a.record.collaboration)] as const)
          .filter(([, rs]) => rs.length > 0),
      );
      const offering = [...own.keys()];
      const centroids = new Map<string, { v: Vector; n: number }>();
      for (const o of offering) {
        const c: Vector = new Map();
        for (const a of own.get(o)!) {
          const x = vectorOf(a);
          if (x.n) addInto(c, x.v, 1 / x.n);
        }
        centroids.set(o, { v: c, n: norm(c) });
      }
      for (let i = 0; i < offering.length; i++)
        for (let j = i + 1; j < offering.length; j++) {
          const a = centroids.get(offering[i]!)!;
          const b = centroids.get(offering[j]!)!;
          if (cosine(a.v, b.v, a.n, b.n) < OVERLAP.screen) continue;
          const { similarity, records } = overlapOf(own.get(offering[i]!)!, own.get(offering[j]!)!, a, b, vectorOf);
          if (similarity < OVERLAP.threshold) continue;
          overlaps.push({
            organizations: [offering[i]!, offering[j]!],
            priority: p.code,
            area: ar.code,
            similarity: Math.round(similarity * 1000) / 1000,
            records,
          });
        }
    }
  overlaps.sort((x, y) => y.similarity - x.similarity);
  return {
    scheme: S3_2021.root,
    priorities: S3_2021.priorities,
    areas: S3_2021.areas,
    cells,
    gaps,
    overlaps,
    measure: { name: OVERLAP.name, threshold: OVERLAP.threshold },
  };
}
