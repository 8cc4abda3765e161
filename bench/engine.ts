/**
 * The analysis thread's engine built in this thread from a database's whole catalogue, as a full load does (for the
 * hand-run in-process diagnostics: bench/search-answers.ts, bench/matching/inprocess.ts).
 */
import type { Db } from '../apps/server/src/db/client.ts';
import * as repo from '../apps/server/src/modules/catalogue/catalogue.repo.ts';
import { SearchEngine } from '../apps/server/src/modules/search/search.engine.ts';
import { expertDoc, offerDoc, organizationDoc } from '../apps/server/src/modules/search/search.service.ts';

export async function engineFromCatalogue(db: Db): Promise<{ engine: SearchEngine; organizationIds: string[] }> {
  const orgRows = await repo.organizationsChangedAfter(db, null);
  const offerRows = await repo.offersChangedAfter(db, null);
  const expertRows = await repo.expertsChangedAfter(db, null);
  const orgs = new Map(orgRows.map((o) => [o.id, o]));
  const engine = new SearchEngine();
  engine.applyNow({
    full: true,
    first: true,
    final: true,
    removals: [],
    upserts: [
      ...orgRows.map((o) => organizationDoc(o)),
      ...offerRows.map((r) => offerDoc(r, orgs.get(r.organizationId))),
      ...expertRows.map((e) => expertDoc(e, orgs.get(e.organizationId))),
    ],
  });
  return { engine, organizationIds: orgRows.map((o) => o.id) };
}
