// Builds the databases a test run copies instead of each test file building its own (see global-setup.ts). Run as a
// child process with the test project's time zone in TZ, so the demo is loaded as a test file would load it:
//   golden.ts pglite <plain.tar> <demo.tar>       two PGlite snapshots: migrated with the reference taxonomies, and
//                                                 the same with the demo network
//   golden.ts postgres <admin url> <plain> <demo> the same as two template databases on a PostgreSQL server
//   golden.ts datadir <dir>                       an embedded data directory as `CLOCK_SEED=demo` leaves it
import fs from 'node:fs';
import pg from 'pg';
import { createPglite, openDatabase, wrapPglite } from '../db/client.ts';
import { prepareDatabase } from '../db/prepare.ts';
import { seedDemo } from '../db/seed/demo.ts';
import { loadSectorTaxonomy } from '../db/seed/reference.ts';

const [kind, ...args] = process.argv.slice(2);

if (kind === 'pglite') {
  const [plainFile, demoFile] = args as [string, string];
  const client = await createPglite();
  const database = wrapPglite(client);
  await database.migrate();
  await loadSectorTaxonomy(database.db);
  const dump = async (file: string) =>
    fs.writeFileSync(file, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
  await dump(plainFile);
  await seedDemo(database.db);
  await dump(demoFile);
  await database.close();
} else if (kind === 'postgres') {
  const [admin, plain, demo] = args as [string, string, string];
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  const open = (name: string) => {
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return openDatabase({ kind: 'postgres', url: url.toString() });
  };
  await client.query(`CREATE DATABASE ${plain}`);
  const database = await open(plain);
  await database.migrate();
  await loadSectorTaxonomy(database.db);
  await database.close();
  await client.query(`CREATE DATABASE ${demo} TEMPLATE ${plain}`);
  const demoDatabase = await open(demo);
  await seedDemo(demoDatabase.db);
  await demoDatabase.close();
  await client.end();
} else if (kind === 'datadir') {
  const database = wrapPglite(await createPglite({ dataDir: args[0]! }));
  await prepareDatabase(database, 'demo');
  await database.close();
} else {
  throw new Error(`unknown kind ${kind}: pglite, postgres or datadir`);
}
