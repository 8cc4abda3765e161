import type { Readable, Writable } from 'node:stream';
import { JSONParser } from '@streamparser/json';
import type { Db, Tx } from '../../db/client.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import type { OfferType } from '../../db/schema/index.ts';
import * as repo from './catalogue.repo.ts';
import {
  BUNDLE_FORMAT,
  COLLECTIONS,
  COLLECTION_TYPE,
  OFFER_COLLECTION,
  expertFromRow,
  expertToRow,
  offerFromRow,
  offerToRow,
  organizationFromRow,
  organizationToRow,
  termsFromRows,
  termsToRows,
  validateBundleRecord,
  type BundleTaxonomies,
  type BundleExpert,
  type BundleOffer,
  type BundleOrganization,
  type Collection,
} from './bundle.rules.ts';

export interface ImportProgress {
  bytes: number;
  records: number;
  errors: number;
}
export interface ImportReport {
  records: number;
  created: number;
  updated: number;
  unchanged: number;
  byCollection: Record<Collection, number>;
}

const BATCH = 500;
const MAX_LISTED_PROBLEMS = 1000;

class BundleRejected extends Error {}

/**
 * Imports a clock-bundle/1 document from a byte stream: validates every record, upserts by id in one transaction, and
 * either applies the whole bundle or nothing. Throws AppError INVALID_BUNDLE listing every problem by JSON pointer.
 */
export async function importBundle(
  db: Db | Tx,
  source: Readable,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportReport> {
  const problems: FieldProblem[] = [];
  let problemCount = 0;
  const problem = (pointer: string, message: string) => {
    problemCount++;
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push({ pointer, message });
  };
  const report: ImportReport = {
    records: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    byCollection: { organizations: 0, competences: 0, services: 0, equipment: 0, experts: 0 },
  };
  const seenIds: Record<Collection, Map<string, number>> = {
    organizations: new Map(),
    competences: new Map(),
    services: new Map(),
    equipment: new Map(),
    experts: new Map(),
  };
  /** organisation id → first pointer that refers to it (checked once the whole bundle is read). */
  const references = new Map<string, string>();
  let format: unknown;
  let taxonomies: BundleTaxonomies | null = null;
  let bytes = 0;

  const batches = {
    organizations: [] as BundleOrganization[],
    offers: new Map<OfferType, BundleOffer[]>(),
    experts: [] as BundleExpert[],
  };
  const topKeys = new Set<string>();

  try {
    await db.transaction(async (tx) => {
      const flush = async (all: boolean) => {
        if (problemCount > 0) {
          batches.organizations = [];
          batches.offers.clear();
          batches.experts = [];
          return;
        }
        const apply = (c: repo.UpsertCounts) => {
          report.created += c.created;
          report.updated += c.updated;
          report.unchanged += c.unchanged;
        };
        if (batches.organizations.length >= BATCH || (all && batches.organizations.length)) {
          apply(await repo.upsertOrganizations(tx, batches.organizations.map(organizationToRow)));
          batches.organizations = [];
        }
        for (const [type, list] of batches.offers) {
          if (list.length >= BATCH || (all && list.length)) {
            apply(
              await repo.upsertOffers(
                tx,
                list.map((o) => offerToRow(type, o)),
              ),
            );
            batches.offers.set(type, []);
          }
        }
        if (batches.experts.length >= BATCH || (all && batches.experts.length)) {
          apply(await repo.upsertExperts(tx, batches.experts.map(expertToRow)));
          batches.experts = [];
        }
      };

      const onRecord = (collection: Collection, index: number, value: unknown) => {
        const base = `/${collection}/${index}`;
        report.records++;
        const found = validateBundleRecord(collection, value, base);
        for (const f of found) problem(f.pointer, f.message);
        const rec = value as { id?: unknown; organization?: unknown };
        if (typeof rec?.id === 'string') {
          const earlier = seenIds[collection].get(rec.id);
          if (earlier !== undefined)
            problem(
              `${base}/id`,
              `duplicate ${COLLECTION_TYPE[collection]} id "${rec.id}" (also at /${collection}/${earlier})`,
            );
          else seenIds[collection].set(rec.id, index);
        }
        if (
          collection !== 'organizations' &&
          typeof rec?.organization === 'string' &&
          !references.has(rec.organization)
        ) {
          references.set(rec.organization, `${base}/organization`);
        }
        if (found.length) return;
        report.byCollection[collection]++;
        if (collection === 'organizations') batches.organizations.push(value as BundleOrganization);
        else if (collection === 'experts') batches.experts.push(value as BundleExpert);
        else {
          const type = COLLECTION_TYPE[collection] as OfferType;
          const list = batches.offers.get(type) ?? [];
          list.push(value as BundleOffer);
          batches.offers.set(type, list);
        }
      };

      const parser = new JSONParser({ paths: ['$.*', '$.*.*'], keepStack: false });
      let parseError: Error | null = null;
      parser.onValue = ({ value, key, parent, stack }) => {
        if (stack.length === 2) {
          const collection = stack[1]!.key as string;
          if ((COLLECTIONS as readonly string[]).includes(collection) && Array.isArray(parent)) {
            onRecord(collection as Collection, key as number, value);
            (parent as unknown[])[key as number] = null; // keep memory flat for large bundles
          }
          return;
        }
        if (stack.length === 1) {
          topKeys.add(String(key));
          if (key === 'format') {
            format = value;
            return;
          }
          if (key === 'taxonomies') {
            for (const f of validateBundleRecord('taxonomies', value, '/taxonomies')) problem(f.pointer, f.message);
            taxonomies = value as BundleTaxonomies;
            return;
          }
          if (!(COLLECTIONS as readonly string[]).includes(String(key))) {
            problem(`/${String(key)}`, 'is not an allowed field');
            return;
          }
          if (!Array.isArray(value)) problem(`/${String(key)}`, 'must be an array');
        }
      };
      parser.onError = (e) => {
        parseError ??= e;
      };

      for await (const chunk of source) {
        if (parseError) break;
        bytes += (chunk as Buffer).length;
        try {
          parser.write(chunk as Buffer);
        } catch (e) {
          parseError ??= e as Error;
        }
        onProgress?.({ bytes, records: report.records, errors: problemCount });
        await flush(false);
      }
      try {
        if (!parser.isEnded) parser.end();
      } catch (e) {
        if (!parser.isEnded) parseError ??= e as Error;
      }
      if (parseError) {
        throw new AppError('INVALID_BUNDLE', `The file is not valid JSON: ${(parseError as Error).message}`, [
          { pointer: '', message: 'is not valid JSON' },
        ]);
      }
      if (!topKeys.size && report.records === 0) {
        throw new AppError('INVALID_BUNDLE', 'The bundle must be a JSON object with "format" and "organizations"', [
          { pointer: '', message: 'must be an object with format and organizations' },
        ]);
      }
      if (format === undefined) problem('/format', 'is required');
      else if (format !== BUNDLE_FORMAT) problem('/format', `must be "${BUNDLE_FORMAT}"`);
      if (!topKeys.has('organizations')) problem('/organizations', 'is required');
      await flush(true);

      const unknown = [...references.keys()].filter((id) => !seenIds.organizations.has(id));
      if (unknown.length) {
        const existing = await repo.findExistingOrganizationIds(tx, unknown);
        for (const id of unknown) if (!existing.has(id)) problem(references.get(id)!, `unknown organisation "${id}"`);
      }
      onProgress?.({ bytes, records: report.records, errors: problemCount });
      if (problemCount > 0) throw new BundleRejected();
      if (taxonomies) await repo.upsertTaxonomyTerms(tx, termsToRows(taxonomies));
    });
  } catch (e) {
    if (e instanceof BundleRejected) {
      const more = problemCount > problems.length ? ` (the first ${problems.length} are listed)` : '';
      throw new AppError(
        'INVALID_BUNDLE',
        `The bundle has ${problemCount} problem${problemCount === 1 ? '' : 's'}${more}; nothing was imported.`,
        problems,
      );
    }
    throw e;
  }
  return report;
}

/** Writes the live catalogue as a clock-bundle/1 document, in first-import order, page by page. */
export async function exportBundle(db: Db, out: Writable): Promise<Record<Collection, number>> {
  const counts: Record<Collection, number> = {
    organizations: 0,
    competences: 0,
    services: 0,
    equipment: 0,
    experts: 0,
  };
  const write = (s: string) =>
    new Promise<void>((resolve, reject) => {
      if (out.write(s)) resolve();
      else out.once('drain', resolve).once('error', reject);
    });
  const PAGE = 2000;
  await write(`{\n  "format": "${BUNDLE_FORMAT}"`);
  const section = async <R extends { seq: number }>(
    name: Collection,
    page: (after: number) => Promise<R[]>,
    map: (r: R) => unknown,
    always: boolean,
  ) => {
    let after = 0;
    let first = true;
    for (;;) {
      const rows = await page(after);
      if (!rows.length) break;
      for (const r of rows) {
        await write(`${first ? `,\n  "${name}": [\n    ` : ',\n    '}${JSON.stringify(map(r))}`);
        first = false;
        counts[name]++;
      }
      after = rows[rows.length - 1]!.seq;
      if (rows.length < PAGE) break;
    }
    if (!first) await write('\n  ]');
    else if (always) await write(`,\n  "${name}": []`);
  };
  await section(
    'organizations',
    (a) => repo.pageOrganizations(db, a, PAGE),
    (r) => organizationFromRow(r),
    true,
  );
  for (const type of ['competence', 'service', 'equipment'] as const) {
    await section(
      OFFER_COLLECTION[type],
      (a) => repo.pageOffers(db, type, a, PAGE),
      (r) => offerFromRow(r),
      false,
    );
  }
  await section(
    'experts',
    (a) => repo.pageExperts(db, a, PAGE),
    (r) => expertFromRow(r),
    false,
  );
  const labels = termsFromRows(await repo.listTaxonomyTerms(db));
  if (Object.keys(labels).length)
    await write(`,\n  "taxonomies": ${JSON.stringify(labels, null, 2).replace(/\n/g, '\n  ')}`);
  await write('\n}\n');
  return counts;
}
