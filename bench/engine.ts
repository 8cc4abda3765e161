/**
 * The analysis thread's engine built in this thread from a database's whole catalogue, as a full load does (for the
 * hand-run in-process diagnostics: bench/search-answers.ts, bench/matching/inprocess.ts).
 */
import type { Db } from '../apps/server/src/db/client.ts';
import * as repo from '../apps/server/src/modules/catalogue/catalogue.repo.ts';
import { SearchEngine } from '../apps/server/src/modules/search/search.engine.ts';
import type { DocInput } from '../apps/server/src/modules/search/search.index.ts';
import { expertDoc, offerDoc, organizationDoc } from '../apps/server/src/modules/search/search.service.ts';

/**
 * Every document of the catalogue, as a full load sends them to the analysis thread; `order: 'seq'` in the order
 * records were first written (the server's full load since decision 026), otherwise in the order the table returns.
 */
export async function catalogueDocuments(db: Db, order?: string): Promise<DocInput[]> {
  const orgRows = await repo.organizationsChangedAfter(db, null);
  const offerRows = await repo.offersChangedAfter(db, null);
  const expertRows = await repo.expertsChangedAfter(db, null);
  if (order === 'seq') {
    offerRows.sort((a, b) => a.seq - b.seq);
    expertRows.sort((a, b) => a.seq - b.seq);
  }
  const orgs = new Map(orgRows.map((o) => [o.id, o]));
  return [
    ...orgRows.map((o) => organizationDoc(o)),
    ...offerRows.map((r) => offerDoc(r, orgs.get(r.organizationId))),
    ...expertRows.map((e) => expertDoc(e, orgs.get(e.organizationId))),
  ];
}

export async function engineFromCatalogue(
  db: Db,
  order?: string,
): Promise<{ engine: SearchEngine; organizationIds: string[] }> {
  const upserts = await catalogueDocuments(db, order);
  const engine = new SearchEngine();
  engine.applyNow({ full: true, first: true, final: true, removals: [], upserts });
  return { engine, organizationIds: upserts.filter((d) => d.type === 'organization').map((d) => d.id) };
}
