import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { importBundle } from '../modules/catalogue/bundle.service.ts';
import { createUser } from '../modules/identity/identity.service.ts';
import { freshDatabase } from './db.ts';
import { buildOrganization, bundleStream, PASSWORD, signInHeaders, testConfig, uniqueEmail } from './factories.ts';

/** A fresh database with one centre, the app on it, and a member of that centre signed in (cookie and CSRF headers). */
export async function appWithCentreMember(
  role: 'centre-manager' | 'centre-staff',
  before?: (database: Database) => Promise<void>,
) {
  const centre = buildOrganization({ kind: 'centre' });
  const database = await freshDatabase();
  await importBundle(database.db, bundleStream({ format: 'clock-bundle/1', organizations: [centre] }));
  await before?.(database);
  const app: FastifyInstance = await buildApp({ config: testConfig(), database, logger: false });
  const email = uniqueEmail(role);
  await createUser(database.db, { email, name: role, role, organization: centre.id, password: PASSWORD });
  const headers = await signInHeaders(app, email, PASSWORD);
  return {
    database,
    app,
    centre,
    headers,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * One signed-in account per test role: `[role, the account's role, its organisation]`. Returns each role's e-mail
 * (lower case) and its cookie and CSRF headers.
 */
export async function signedInAccounts<R extends string>(
  app: FastifyInstance,
  database: Database,
  accounts: [R, string, string | undefined][],
) {
  const email = {} as Record<R, string>;
  const headers = {} as Record<R, Record<string, string>>;
  for (const [role, r, organization] of accounts) {
    email[role] = uniqueEmail(role).toLowerCase();
    await createUser(database.db, {
      email: email[role],
      name: `Persona ${role}`,
      role: r as never,
      organization,
      password: PASSWORD,
    });
    headers[role] = await signInHeaders(app, email[role], PASSWORD);
  }
  return { email, headers };
}
