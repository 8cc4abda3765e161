import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { freshDatabase } from './db.ts';
import { buildOrganization, bundleStream, PASSWORD, signInHeaders, testConfig, uniqueEmail } from './factories.ts';
import { importBundle } from '../modules/catalogue/bundle.service.ts';
import { updateCompany } from '../modules/companies/companies.repo.ts';
import { createUser } from '../modules/identity/identity.service.ts';

/**
 * A small network for the brokerage tests: a handling centre and another centre, three companies (two verified, one
 * not), the Region, and one signed-in person per part; the filiera and S3 taxonomies the opportunities use.
 */
export async function brokerageWorld() {
  const database: Database = await freshDatabase();
  const centre = buildOrganization({ kind: 'centre', name: 'Centro Carta Test' });
  const otherCentre = buildOrganization({ kind: 'centre', name: 'Centro Nautica Test' });
  const owner = buildOrganization({
    kind: 'company',
    name: 'Cartiera Valdinievole S.r.l.',
    website: 'https://www.cartieravaldinievole.it',
    filiere: ['carta'],
    sectors: ['C17.22'],
  });
  const partner = buildOrganization({
    kind: 'company',
    name: 'Termotecnica Apuana S.p.A.',
    filiere: ['carta'],
    sectors: ['C28.29'],
  });
  const unverified = buildOrganization({ kind: 'company', name: 'Impresa Da Verificare' });
  await importBundle(
    database.db,
    bundleStream({
      format: 'clock-bundle/1',
      organizations: [centre, otherCentre, owner, partner, unverified],
      taxonomies: {
        filiera: [
          { code: 'carta', label: { it: 'Carta e tissue', en: 'Paper and tissue' } },
          { code: 'nautica', label: { it: 'Nautica', en: 'Yachting' } },
        ],
        s3: [
          { code: 's3-advanced-manufacturing', label: { it: 'Manifattura avanzata', en: 'Advanced manufacturing' } },
        ],
      },
    }),
  );
  await updateCompany(database.db, owner.id, {}, { verification: 'verified', seeks: { it: 'Recupero di calore' } });
  await updateCompany(
    database.db,
    partner.id,
    {},
    {
      verification: 'verified',
      offers: { it: 'Pompe di calore industriali e recupero del calore dai processi di essiccazione' },
    },
  );
  await updateCompany(database.db, unverified.id, {}, { verification: 'pending' });
  const app: FastifyInstance = await buildApp({ config: testConfig(), database, logger: false });
  const people = {
    owner: { role: 'company', org: owner.id },
    partner: { role: 'company', org: partner.id },
    unverified: { role: 'company', org: unverified.id },
    staff: { role: 'centre-staff', org: centre.id },
    otherStaff: { role: 'centre-staff', org: otherCentre.id },
    region: { role: 'region', org: undefined },
    admin: { role: 'admin', org: undefined },
    nucleus: { role: 'nucleus', org: otherCentre.id },
  } as const;
  const H = {} as Record<keyof typeof people | 'anonymous', Record<string, string>>;
  const ids = {} as Record<keyof typeof people, string>;
  H.anonymous = {};
  for (const [who, p] of Object.entries(people) as [keyof typeof people, (typeof people)[keyof typeof people]][]) {
    const email = uniqueEmail(who);
    const u = await createUser(database.db, {
      email,
      name: `Persona ${who}`,
      role: p.role,
      organization: p.org,
      password: PASSWORD,
    });
    ids[who] = u.id;
    H[who] = await signInHeaders(app, email, PASSWORD);
  }
  return { database, app, centre, otherCentre, owner, partner, unverified, H, ids };
}

/** A clean anonymous technology request of the owner, handled by the centre. */
export const techRequest = (owner: string, centre: string) => ({
  organization: owner,
  centre,
  kind: 'technology-request',
  anonymous: true,
  title: { it: 'Recupero del calore dalle cappe di essiccazione del tissue' },
  description: {
    it: "Una cartiera della provincia di Lucca cerca una tecnologia per recuperare il calore dell'aria esausta delle cappe di essiccazione, con pompe di calore ad alta temperatura. Produzione di 200.000 tonnellate l'anno, certificazione ISO 50001.",
  },
  partnerSought: { it: 'Costruttori di pompe di calore industriali o centri di ricerca sul recupero energetico.' },
  stage: 'concept',
  ipStatus: 'none',
  partnershipKinds: ['technical-cooperation', 'commercial'],
  filiere: ['carta'],
  sectors: ['C17.22'],
});

/**
 * An event of kind matchmaking in 25 days, made through the events API by the person of `headers`, led by `lead`
 * (with co-organisers): what a matchmaking day may belong to.
 */
export async function matchmakingEvent(
  app: FastifyInstance,
  headers: Record<string, string>,
  lead: string,
  co: string[] = [],
) {
  const start = new Date(Date.now() + 25 * 86_400_000);
  const r = await app.inject({
    method: 'POST',
    url: '/api/v1/events',
    headers,
    payload: {
      kind: 'matchmaking',
      title: { it: 'Incontri tra imprese' },
      summary: { it: 'Una mattina di incontri uno a uno' },
      mode: 'online',
      onlineUrl: 'https://meet.example.org/b2b',
      language: 'it',
      visibility: 'public',
      organizers: [
        { organization: lead, role: 'lead' },
        ...co.map((organization) => ({ organization, role: 'co-organizer' })),
      ],
      sessions: [{ start: start.toISOString(), end: new Date(start.getTime() + 4 * 3_600_000).toISOString() }],
    },
  });
  if (r.statusCode !== 201) throw new Error(`POST /api/v1/events: ${r.statusCode} ${r.body}`);
  return r.json().id as string;
}
