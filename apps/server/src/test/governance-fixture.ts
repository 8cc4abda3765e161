import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { importBundle } from '../modules/catalogue/bundle.service.ts';
import { createUser } from '../modules/identity/identity.service.ts';
import { freshDatabase } from './db.ts';
import {
  type buildOffer,
  buildOrganization,
  bundleStream,
  PASSWORD,
  signInHeaders,
  testConfig,
  uniqueEmail,
} from './factories.ts';

/**
 * A network for the governance tests: six centres and the Region as the protocol's parties, a company, people in
 * every role (one nucleus member per centre), the protocol, and helpers to add requests with known dates and states.
 */
export interface GovernanceNetwork {
  database: Database;
  app: FastifyInstance;
  centres: string[];
  region: string;
  company: string;
  h: Record<string, Record<string, string>>;
  nucleus: Record<string, Record<string, string>>;
  users: Record<string, string>;
  protocolId: string;
  close(): Promise<void>;
}

export async function governanceNetwork(): Promise<GovernanceNetwork> {
  const database = await freshDatabase();
  const centres = Array.from({ length: 6 }, (_, i) =>
    buildOrganization({
      kind: 'centre',
      name: `Centro ${i + 1}`,
      s3: ['s3-advanced-materials', 's3-environment-energy'],
    }),
  );
  const region = buildOrganization({ kind: 'region', name: 'Regione' });
  const company = buildOrganization({ kind: 'company', name: 'Impresa' });
  await importBundle(
    database.db,
    bundleStream({ format: 'clock-bundle/1', organizations: [...centres, region, company] }),
  );
  const app = await buildApp({ config: testConfig(), database, logger: false });
  const h: Record<string, Record<string, string>> = { anonymous: {} };
  const users: Record<string, string> = {};
  const person = async (key: string, role: string, organization?: string) => {
    const email = uniqueEmail(key);
    const u = await createUser(database.db, { email, name: `Persona ${key}`, role, organization, password: PASSWORD });
    users[key] = u.id;
    h[key] = await signInHeaders(app, email, PASSWORD);
  };
  await person('admin', 'admin');
  await person('region', 'region');
  await person('staff', 'centre-staff', centres[0]!.id);
  await person('manager', 'centre-manager', centres[0]!.id);
  await person('company', 'company', company.id);
  const nucleus: Record<string, Record<string, string>> = {};
  for (const [i, c] of centres.entries()) {
    await person(`nucleus${i + 1}`, 'nucleus', c.id);
    nucleus[c.id] = h[`nucleus${i + 1}`]!;
  }
  h.nucleus = h.nucleus1!;
  const p = await app.inject({
    method: 'POST',
    url: '/api/v1/protocols',
    headers: h.region,
    payload: {
      title: { it: 'Protocollo di prova' },
      signedOn: '2019-12-09',
      termMonths: 36,
      parties: [
        ...centres.map((c) => ({ organization: c.id, role: 'centre' })),
        { organization: region.id, role: 'region' },
      ],
    },
  });
  if (p.statusCode !== 201) throw new Error(`protocol: ${p.statusCode} ${p.body}`);
  const protocolId = p.json().id as string;
  const r = await app.inject({
    method: 'POST',
    url: `/api/v1/protocols/${protocolId}/renewals`,
    headers: h.region,
    payload: { renewedOn: '2022-12-01', termMonths: 60 },
  });
  if (r.statusCode !== 201) throw new Error(`renewal: ${r.statusCode} ${r.body}`);
  return {
    database,
    app,
    centres: centres.map((c) => c.id),
    region: region.id,
    company: company.id,
    h,
    nucleus,
    users,
    protocolId,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface SeedRequest {
  submittedAt: string;
  confidentiality: 'public' | 'network' | 'confidential';
  state: string;
  firstResponseAt?: string;
  openedAt?: string;
  closedAt?: string;
  rating?: number;
  company?: string | null;
  companyName?: string;
  centres?: { organization: string; team?: 'lead' | 'partner' }[];
  teamAgreedAt?: string;
}
/** Inserts requests as they would be after their life so far (dates given), with their centres and team event. */
export async function seedRequests(database: Database, rows: SeedRequest[]): Promise<string[]> {
  const ids: string[] = [];
  for (const r of rows) {
    const res =
      (await database.db.execute(sql`insert into requests (title, summary, description, confidentiality, state,
        company_organization_id, company_name, submitted_at, first_response_at, opened_at, closed_at, outcome, rating,
        decline_reason)
      values ('Richiesta', 'Sintesi', 'Descrizione', ${r.confidentiality}, ${r.state}, ${r.company ?? null},
        ${r.companyName ?? 'Impresa'}, ${r.submittedAt}::timestamptz, ${r.firstResponseAt ?? null}::timestamptz,
        ${r.openedAt ?? null}::timestamptz, ${r.closedAt ?? null}::timestamptz,
        ${r.state === 'closed' ? 'Fatto' : null}, ${r.rating ?? null}, ${r.state === 'declined' ? 'No' : null})
      returning id`)) as unknown as { rows: { id: string }[] };
    const id = res.rows[0]!.id;
    ids.push(id);
    for (const c of r.centres ?? [])
      await database.db.execute(sql`insert into request_centres (request_id, organization_id, invited_at, team_role)
        values (${id}, ${c.organization}, now(), ${c.team ?? null})`);
    if (r.teamAgreedAt)
      await database.db.execute(sql`insert into request_events (request_id, at, kind, from_state, to_state)
        values (${id}, ${r.teamAgreedAt}::timestamptz, 'state', 'open', 'team_agreed')`);
  }
  return ids;
}

/** Offers for the coverage map. */
export async function seedOffers(database: Database, offers: ReturnType<typeof buildOffer>[]) {
  await importBundle(database.db, bundleStream({ format: 'clock-bundle/1', organizations: [], services: offers }));
}
