import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../core/actor.ts';
import type { Database } from '../../db/client.ts';
import { freshDatabase, openAgain } from '../../test/db.ts';
import { offerToRow, organizationToRow } from '../catalogue/bundle.rules.ts';
import * as repo from '../catalogue/catalogue.repo.ts';
import { SearchService } from './search.service.ts';

// The in-memory index must follow every committed catalogue change exactly once, whatever order concurrent
// transactions commit in (on PostgreSQL a write takes its revision inside its transaction, so a later revision can
// commit first), and in every process sharing the database.
let database: Database;
let other: Database;
const services: SearchService[] = [];
/** A search service as a server process has one (its analysis thread closed after the tests). */
const newService = (db: Database) => {
  const s = new SearchService(db.db);
  services.push(s);
  return s;
};
const ORG = 'centro-coerenza';
const postgres = process.env.CLOCK_TEST_DB === 'postgres';

beforeAll(async () => {
  database = await freshDatabase();
  other = await openAgain(database);
  await repo.upsertOrganizations(database.db, [
    organizationToRow({ id: ORG, kind: 'centre', name: 'Centro Coerenza' }),
  ]);
});
afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
  await other.close();
  await database.close();
});

const service = (id: string, title = `Saldatura laser ${id}`) =>
  offerToRow('service', { id, organization: ORG, title: { it: title, en: `Laser welding ${id}` }, kind: 'testing' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Titles of the services found for "saldatura" in the test centre, by id. */
async function found(s: SearchService): Promise<Map<string, string>> {
  await s.ready();
  await s.refresh(true);
  const r = await s.search(ANONYMOUS, {
    q: 'saldatura',
    lang: 'it',
    organization: ORG,
    type: 'service',
    page: 1,
    limit: 1000,
  });
  return new Map(r.hits.map((h) => [h.id, h.title]));
}

/** Starts a transaction that writes, then waits for `release` before committing; resolves `written` once it wrote. */
function heldTransaction(db: Database, write: Parameters<Database['db']['transaction']>[0]) {
  let release!: () => void;
  let written!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const wrote = new Promise<void>((r) => {
    written = r;
  });
  const done = db.db.transaction(async (tx) => {
    await write(tx);
    written();
    await gate;
  });
  return { wrote, release, done };
}

describe('search follows every committed change', () => {
  it.skipIf(!postgres)(
    'sees a write whose transaction commits after a later one (and a retirement likewise)',
    async () => {
      const s = newService(database);
      await found(s);
      const early = heldTransaction(database, (tx) => repo.upsertOffers(tx, [service('inv-early')]));
      await early.wrote;
      await database.db.transaction((tx) => repo.upsertOffers(tx, [service('inv-late')]));
      expect([...(await found(s)).keys()]).toEqual(['inv-late']);
      early.release();
      await early.done;
      expect([...(await found(s)).keys()].sort()).toEqual(['inv-early', 'inv-late']);

      const retire = heldTransaction(database, (tx) => repo.retireOffer(tx, 'service', 'inv-early'));
      await retire.wrote;
      await database.db.transaction((tx) => repo.upsertOffers(tx, [service('inv-other')]));
      await found(s);
      retire.release();
      await retire.done;
      expect([...(await found(s)).keys()].sort()).toEqual(['inv-late', 'inv-other']);
      for (const id of ['inv-late', 'inv-other']) await repo.retireOffer(database.db, 'service', id);
      expect((await found(s)).size).toBe(0);
    },
  );

  it('converges on every create, update and retirement of many concurrent writers, in two processes', async () => {
    const a = newService(database);
    const b = newService(other);
    await Promise.all([found(a), found(b)]);
    const ids = Array.from({ length: 60 }, (_, i) => `conc-${i}`);
    // Each writer holds its transaction open for a random while, so commits come out of revision order; both
    // processes refresh all the time meanwhile.
    const phase = async (
      write: (tx: Parameters<Parameters<Database['db']['transaction']>[0]>[0], id: string) => Promise<unknown>,
    ) => {
      let writing = true;
      const refresher = (async () => {
        while (writing) {
          await Promise.all([a.refresh(true), b.refresh(true)]);
          await sleep(2);
        }
      })();
      await Promise.all(
        ids.map((id, i) =>
          (i % 2 ? other : database).db.transaction(async (tx) => {
            await write(tx, id);
            await sleep(Math.floor(Math.random() * 40));
          }),
        ),
      );
      writing = false;
      await refresher;
    };
    await phase((tx, id) => repo.upsertOffers(tx, [service(id)]));
    for (const s of [a, b]) expect([...(await found(s)).keys()].sort()).toEqual([...ids].sort());

    await phase((tx, id) => repo.upsertOffers(tx, [service(id, `Saldatura laser ${id} rivista`)]));
    for (const s of [a, b]) {
      const titles = await found(s);
      expect(ids.filter((id) => titles.get(id) !== `Saldatura laser ${id} rivista`)).toEqual([]);
    }

    await phase((tx, id) => repo.retireOffer(tx, 'service', id));
    for (const s of [a, b]) expect([...(await found(s)).keys()]).toEqual([]);
  });
});
