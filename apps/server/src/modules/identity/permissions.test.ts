import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { importBundle } from '../catalogue/bundle.service.ts';
import { freshDatabase } from '../../test/db.ts';
import {
  buildExpert,
  buildOffer,
  buildOrganization,
  bundleStream,
  PASSWORD,
  signInHeaders,
  testConfig,
  uniqueEmail,
} from '../../test/factories.ts';
import { createUser, hashPassword } from './identity.service.ts';
import { insertUser } from './identity.repo.ts';
import { vatNumberProblem } from '@clock/contracts';

// The permission matrix: every write route × every role × own/other organisation → the expected status. It is
// generated from the app's route table, so a new write route without a rule here fails.
let database: Database;
let app: FastifyInstance;
const centre = buildOrganization({ kind: 'centre' });
const company = buildOrganization({ kind: 'company' });
const otherCentre = buildOrganization({ kind: 'centre' });
// An expert who did not consent to a public profile: network content (docs/permissions.md, "Reading").
const privateExpert = buildExpert(centre.id, {
  name: 'Ottavia Riservatissima',
  expertise: { it: 'tribologia dei rivestimenti' },
  publicProfile: false,
});
const otherCompany = buildOrganization({ kind: 'company' });
const ROLES = ['anonymous', 'admin', 'region', 'nucleus', 'centre-manager', 'centre-staff', 'company'] as const;
type Role = (typeof ROLES)[number];
const headers: Partial<Record<Role, Record<string, string>>> = { anonymous: {} };
const ownOrg = (role: Role) => (role === 'company' ? company.id : centre.id);

beforeAll(async () => {
  database = await freshDatabase();
  await importBundle(
    database.db,
    bundleStream({
      format: 'clock-bundle/1',
      organizations: [centre, company, otherCentre, otherCompany],
      experts: [privateExpert],
    }),
  );
  app = await buildApp({ config: testConfig(), database, logger: false });
  for (const role of ROLES.slice(1)) {
    const email = uniqueEmail(role);
    const platform = role === 'admin' || role === 'region';
    await createUser(database.db, {
      email,
      name: role,
      role,
      organization: platform ? undefined : ownOrg(role),
      password: PASSWORD,
    });
    headers[role] = await signInHeaders(app, email, PASSWORD);
  }
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const COLLECTION_TYPES: Record<string, 'competences' | 'services' | 'equipment' | 'experts'> = {
  competences: 'competences',
  services: 'services',
  equipment: 'equipment',
  experts: 'experts',
};
async function seedRecord(collection: string, organization: string): Promise<string> {
  const rec = collection === 'experts' ? buildExpert(organization) : buildOffer(organization);
  await importBundle(database.db, bundleStream({ format: 'clock-bundle/1', organizations: [], [collection]: [rec] }));
  return rec.id;
}
async function seedToken(organization: string): Promise<string> {
  const r = await app.inject({
    method: 'POST',
    url: '/api/v1/tokens',
    headers: headers.admin,
    payload: { name: 't', organization, role: 'centre-staff' },
  });
  return r.json().id;
}

let eventUrl = '';
const inDays = (d: number, h: number) => new Date(Date.now() + d * 86_400_000 + h * 3_600_000).toISOString();
const eventBody = (organization: string) => ({
  kind: 'workshop',
  title: { it: 'Laboratorio aperto' },
  summary: { it: 'Una mattina in laboratorio' },
  mode: 'online',
  onlineUrl: 'https://meet.example.org/lab',
  language: 'it',
  visibility: 'public',
  organizers: [{ organization, role: 'lead' }],
  sessions: [{ start: inDays(20, 0), end: inDays(20, 2) }],
});
/** An event organised by `organization`, made by an administrator, as a draft or published. */
async function seedEvent(organization: string, state: 'draft' | 'published') {
  const e = await app.inject({
    method: 'POST',
    url: '/api/v1/events',
    headers: headers.admin,
    payload: eventBody(organization),
  });
  const id = e.json().id as string;
  if (state === 'published')
    await app.inject({ method: 'POST', url: `/api/v1/events/${id}/publish`, headers: headers.admin });
  return id;
}

const asAdmin = (method: string, url: string, payload?: object) =>
  app.inject({ method: method as 'POST', url, headers: headers.admin, ...(payload ? { payload } : {}) });
const actionBody = (lead: string) => ({
  title: { it: 'Azione congiunta' },
  lead,
  start: '2026-01-01',
  end: '2027-12-31',
});
const MILESTONE = { title: { it: 'Tappa' }, due: '2026-09-30' };
const DOCUMENT = { title: 'Piano', url: 'https://example.org/piano' };
const contribution = (organization: string) => ({ organization, kind: 'person-days', planned: 10 });
async function seedAction(lead: string): Promise<{ id: string }> {
  const r = await asAdmin('POST', '/api/v1/actions', actionBody(lead));
  if (r.statusCode !== 201) throw new Error(r.body);
  return r.json();
}

type Scope = 'own' | 'other';
interface Case {
  url: string;
  payload?: unknown;
  ok?: number;
}
/** How to exercise each permission rule: the request for a route, and the expected status per role and scope. */
const RULES: Record<
  string,
  {
    request(method: string, url: string, target: string): Promise<Case>;
    expect(role: Role, scope: Scope, ok: number): number;
  }
> = {
  'organization-records': {
    async request(method, url, target) {
      const collection = COLLECTION_TYPES[url.split('/')[3]!]!;
      if (method === 'POST')
        return {
          url,
          payload:
            collection === 'experts'
              ? { organization: target, name: 'Nuova Persona' }
              : { organization: target, title: { it: 'Nuovo record' } },
        };
      const id = await seedRecord(collection, target);
      if (url.endsWith('/contact'))
        return {
          url: url.replace(':id', id),
          payload: method === 'PUT' ? { name: 'Anna Neri', consent: true } : undefined,
        };
      return {
        url: url.replace(':id', id),
        payload:
          method === 'PATCH'
            ? collection === 'experts'
              ? { name: 'Cambiato' }
              : { title: { en: 'Changed' } }
            : undefined,
      };
    },
    expect(role, scope, ok) {
      if (role === 'anonymous') return 401;
      if (role === 'admin') return ok;
      if (scope === 'own' && ['nucleus', 'centre-manager', 'centre-staff'].includes(role)) return ok;
      return 403;
    },
  },
  'organization-profile': {
    async request(_m, url, target) {
      return {
        url: url.replace(':id', target),
        payload: url.endsWith('/contact') ? { email: 'info@example.org' } : { town: 'Lucca' },
      };
    },
    expect(role, scope, ok) {
      if (role === 'anonymous') return 401;
      if (role === 'admin' || role === 'region') return ok;
      if (scope === 'own' && ['nucleus', 'centre-manager', 'company'].includes(role)) return ok;
      return 403;
    },
  },
  'platform-admin': {
    async request(method, url) {
      if (method === 'POST') return { url, payload: buildOrganization() };
      const org = buildOrganization();
      await importBundle(database.db, bundleStream({ format: 'clock-bundle/1', organizations: [org] }));
      return { url: url.replace(':id', org.id) };
    },
    expect(role, _scope, ok) {
      return role === 'anonymous' ? 401 : role === 'admin' ? ok : 403;
    },
  },
  administration: {
    async request(_method, url, target) {
      if (url === '/api/v1/organizations') return { url, payload: buildOrganization() };
      if (url === '/api/v1/admin/invitations/:id/resend') {
        const email = uniqueEmail('invited');
        await app.inject({
          method: 'POST',
          url: '/api/v1/invitations',
          headers: headers.admin,
          payload: { email, organization: target, role: 'centre-staff' },
        });
        const pending = (
          await app.inject({ method: 'GET', url: '/api/v1/admin/invitations', headers: headers.admin })
        ).json() as { id: string; email: string }[];
        return { url: url.replace(':id', pending.find((i) => i.email === email)!.id), ok: 200 };
      }
      // A person to act on, a member of the target organisation.
      const email = uniqueEmail('person');
      const person = await createUser(database.db, {
        email,
        name: 'Persona',
        role: 'centre-staff',
        organization: target,
        password: PASSWORD,
      });
      if (url.endsWith('/enable'))
        await app.inject({ method: 'POST', url: `/api/v1/admin/people/${person.id}/disable`, headers: headers.admin });
      const payload = url.endsWith('/roles')
        ? { role: 'centre-manager', organization: target }
        : url.endsWith('/revoke')
          ? { role: 'centre-staff', organization: target }
          : undefined;
      return { url: url.replace(':id', person.id), payload, ok: 200 };
    },
    expect(role, _scope, ok) {
      return role === 'anonymous' ? 401 : role === 'admin' || role === 'region' ? ok : 403;
    },
  },
  manager: {
    async request(method, url, target) {
      if (url === '/api/v1/invitations')
        return { url, payload: { email: uniqueEmail('invitee'), organization: target, role: 'centre-staff' } };
      if (method === 'POST')
        return { url, payload: { name: 'integration', organization: target, role: 'centre-staff' } };
      return { url: url.replace(':id', await seedToken(target)) };
    },
    expect(role, scope, ok) {
      if (role === 'anonymous') return 401;
      if (role === 'admin') return ok;
      if (scope === 'own' && ['nucleus', 'centre-manager'].includes(role)) return ok;
      return 403;
    },
  },
  // Registering or claiming a company: any signed-in person (always a fresh company, so no earlier claim is in the way).
  'signed-in': {
    async request(_method, url) {
      if (url === '/api/v1/companies')
        return {
          url,
          payload: {
            name: 'Impresa Matrice',
            vatNumber: freshVat(),
            sectors: ['C17.12'],
            province: 'LU',
            sizeClass: 'micro',
          },
        };
      const org = buildOrganization({ kind: 'company' });
      await importBundle(database.db, bundleStream({ format: 'clock-bundle/1', organizations: [org] }));
      return { url: url.replace(':id', org.id), payload: {} };
    },
    expect(role, _scope, ok) {
      return role === 'anonymous' ? 401 : ok;
    },
  },
  // Verifying or rejecting a claim: centre members and administrators (a fresh pending claim each time).
  'company-review': {
    async request(_method, url) {
      const org = buildOrganization({ kind: 'company' });
      await importBundle(database.db, bundleStream({ format: 'clock-bundle/1', organizations: [org] }));
      const claimant = await createUser(database.db, {
        email: uniqueEmail('claimant'),
        name: 'claimant',
        role: 'company',
        organization: otherCompany.id,
        password: PASSWORD,
      });
      const rows = await database.db.execute(
        sql`insert into company_claims (user_id, organization_id, kind) values (${claimant.id}, ${org.id}, 'join') returning id`,
      );
      const id = (rows as unknown as { rows: { id: string }[] }).rows[0]!.id;
      return {
        url: url.replace(':id', id),
        payload: url.endsWith('/reject') ? { reason: "Nessun riscontro presso l'impresa." } : undefined,
      };
    },
    expect(role) {
      // A decision on an existing claim answers 200 with the claim, as the request actions do.
      if (role === 'anonymous') return 401;
      return ['admin', 'nucleus', 'centre-manager', 'centre-staff'].includes(role) ? 200 : 403;
    },
  },
  // A company's profile: its members; inviting colleagues: its administrators (people a centre verified).
  'company-profile': {
    async request(_m, url, target) {
      return {
        url: url.replace(':id', target === company.id ? company.id : otherCompany.id),
        payload: { seeks: { it: 'Fornitori di fibra riciclata' } },
      };
    },
    expect(role, scope, ok) {
      return role === 'anonymous' ? 401 : role === 'admin' || (role === 'company' && scope === 'own') ? ok : 403;
    },
  },
  'company-admin': {
    async request(_m, url, target) {
      await database.db.execute(sql`insert into company_claims (user_id, organization_id, kind, state, decided_at)
        select m.user_id, m.organization_id, 'join', 'verified', now() from memberships m
        where m.organization_id = ${company.id} and m.role = 'company'
          and not exists (select 1 from company_claims c where c.user_id = m.user_id and c.organization_id = m.organization_id and c.state = 'verified')`);
      return {
        url: url.replace(':id', target === company.id ? company.id : otherCompany.id),
        payload: { email: uniqueEmail('colleague') },
      };
    },
    expect(role, scope, ok) {
      return role === 'anonymous' ? 401 : role === 'admin' || (role === 'company' && scope === 'own') ? ok : 403;
    },
  },
  // Equipment sharing settings (docs/permissions.md, "Equipment sharing"): the equipment's or qualification's centre.
  // The news desk (docs/permissions.md, "News and newsletter"): a centre's members write in their centre's name.
  news: {
    async request(method, url, target) {
      const asAdmin = (u: string, payload?: object) =>
        app.inject({ method: 'POST', url: u, headers: headers.admin, ...(payload ? { payload } : {}) });
      const body = { organizations: [target], title: { it: 'Notizia' }, summary: { it: 'Sommario' } };
      if (method === 'POST' && url === '/api/v1/news') return { url, payload: body };
      const id = (await asAdmin('/api/v1/news', body)).json().id as string;
      if (url.endsWith('/withdraw')) await asAdmin(`/api/v1/news/${id}/publish`);
      return {
        url: url.replace(':id', id),
        payload: method === 'PATCH' ? { summary: { it: 'Cambiato' } } : undefined,
        ok: method === 'POST' ? 200 : undefined,
      };
    },
    expect(role, scope, ok) {
      if (role === 'anonymous') return 401;
      if (role === 'admin') return ok;
      if (scope === 'own' && ['nucleus', 'centre-manager', 'centre-staff'].includes(role)) return ok;
      return 403;
    },
  },
  'equipment-booking': {
    async request(method, url, target) {
      const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      const asAdmin = (m: string, u: string, payload?: object) =>
        app.inject({ method: m as 'POST', url: u, headers: headers.admin, ...(payload ? { payload } : {}) });
      const qualification = async () =>
        (await asAdmin('POST', '/api/v1/qualifications', { organization: target, name: { it: 'Abilitazione' } })).json()
          .id as string;
      if (url === '/api/v1/closures')
        return { url, payload: { organization: target, start: day, end: day, reason: { it: 'Chiusura' } } };
      if (url === '/api/v1/closures/:id') {
        const c = await asAdmin('POST', '/api/v1/closures', {
          organization: target,
          start: day,
          end: day,
          reason: { it: 'Chiusura' },
        });
        return { url: url.replace(':id', c.json().id) };
      }
      if (url === '/api/v1/qualifications') return { url, payload: { organization: target, name: { it: 'Nuova' } } };
      if (url === '/api/v1/qualifications/:id')
        return { url: url.replace(':id', await qualification()), payload: { validityMonths: 12 } };
      if (url === '/api/v1/qualifications/:id/grants') {
        const person = await createUser(database.db, {
          email: uniqueEmail('trainee'),
          name: 'Allievo',
          role: 'company',
          organization: company.id,
          password: PASSWORD,
        });
        return { url: url.replace(':id', await qualification()), payload: { user: person.id } };
      }
      if (url === '/api/v1/qualification-grants/:id/revoke') {
        const q = await qualification();
        const person = await createUser(database.db, {
          email: uniqueEmail('trainee'),
          name: 'Allievo',
          role: 'company',
          organization: company.id,
          password: PASSWORD,
        });
        const g = await asAdmin('POST', `/api/v1/qualifications/${q}/grants`, { user: person.id });
        return { url: url.replace(':id', g.json().id), payload: { reason: 'Revocata' }, ok: 200 };
      }
      const id = await seedRecord('equipment', target);
      const path = url.replace(':id', id);
      if (url.endsWith('/booking-policy'))
        return {
          url: path,
          payload: {
            bookable: true,
            approval: 'manual',
            slotMinutes: 30,
            minMinutes: 30,
            maxMinutes: 240,
            bufferBeforeMinutes: 0,
            bufferAfterMinutes: 0,
            leadHours: 24,
            horizonDays: 60,
            assistedOnly: false,
            pendingExpiryHours: 48,
            qualification: null,
          },
        };
      if (url.endsWith('/opening-rules'))
        return {
          url: path,
          payload: {
            items: [
              {
                rrule: 'FREQ=WEEKLY;BYDAY=MO',
                startDate: '2026-01-05',
                startTime: '09:00',
                minutes: 60,
                assisted: false,
              },
            ],
          },
        };
      if (url.endsWith('/tariffs'))
        return { url: path, payload: { items: [{ category: 'sme', unit: 'hour', amountCents: 1000 }] } };
      if (url.endsWith('/blocks'))
        return { url: path, payload: { start: `${day}T08:00:00Z`, end: `${day}T09:00:00Z`, reason: 'Manutenzione' } };
      throw new Error(`no case for ${method} ${url}`);
    },
    expect(role, scope, ok) {
      if (role === 'anonymous') return 401;
      if (role === 'admin') return ok;
      if (scope === 'own' && ['nucleus', 'centre-manager', 'centre-staff'].includes(role)) return ok;
      return 403;
    },
  },
  // Events (docs/permissions.md, "Events"): the organising organisations' members (not company members), the Region
  // when it co-organises, administrators. A draft is invisible to others (404); a published event answers 403.
  'event-organizer': {
    async request(_method, url, target) {
      eventUrl = url;
      if (url === '/api/v1/events') return { url, payload: eventBody(target) };
      const id = await seedEvent(target, url.endsWith('/publish') ? 'draft' : 'published');
      const path = url.replace(':id', id);
      if (url.endsWith('/sessions')) return { url: path, payload: { items: eventBody(target).sessions } };
      if (url.endsWith('/cancel')) return { url: path, payload: { reason: 'Annullato' }, ok: 200 };
      if (url.endsWith('/publish')) return { url: path, ok: 200 };
      if (url.endsWith('/messages'))
        return { url: path, payload: { subject: 'Avviso', body: 'Testo del messaggio' }, ok: 202 };
      if (url.endsWith('/attendance')) {
        const reg = await app.inject({
          method: 'POST',
          url: `/api/v1/events/${id}/registrations`,
          headers: headers.admin,
          payload: {},
        });
        await database.db.execute(
          sql`update event_sessions set during = tstzrange(lower(during) - interval '40 days', upper(during) - interval '40 days') where event_id = ${id}`,
        );
        const session = (await database.db.execute(
          sql`select id from event_sessions where event_id = ${id}`,
        )) as unknown as {
          rows: { id: string }[];
        };
        return {
          url: path,
          payload: { session: session.rows[0]!.id, items: [{ registration: reg.json().id, present: true }] },
        };
      }
      return { url: path, payload: { summary: { it: 'Sommario cambiato' } } };
    },
    expect(role, scope, ok) {
      if (role === 'anonymous') return 401;
      if (role === 'admin') return ok;
      if (scope === 'own' && ['nucleus', 'centre-manager', 'centre-staff'].includes(role)) return ok;
      return eventUrl.endsWith('/publish') ? 404 : 403;
    },
  },
  // Registering and a registrant's own links: anyone (the token of the mailed link is the key without an account).
  'event-registration': {
    async request(_method, url, target) {
      const id = await seedEvent(target, 'published');
      if (url === '/api/v1/events/:id/registrations')
        return { url: url.replace(':id', id), payload: { email: uniqueEmail('visitor'), name: 'Visitatore' } };
      const email = uniqueEmail('visitor').toLowerCase();
      const reg = await app.inject({
        method: 'POST',
        url: `/api/v1/events/${id}/registrations`,
        payload: { email, name: 'Visitatore' },
      });
      const token = async () => {
        const rows = (await database.db.execute(
          sql`select body from mail_outbox where "to" = ${email} order by id desc limit 1`,
        )) as unknown as { rows: { body: string }[] };
        return /token=([A-Za-z0-9_-]{20,})/.exec(rows.rows[0]!.body)![1]!;
      };
      if (url.endsWith('/confirm')) return { url, payload: { token: await token() }, ok: 200 };
      await app.inject({
        method: 'POST',
        url: '/api/v1/event-registrations/confirm',
        payload: { token: await token() },
      });
      return { url: url.replace(':id', reg.json().id), payload: { token: await token() }, ok: 200 };
    },
    expect(_role, _scope, ok) {
      return ok;
    },
  },
  // Joint actions (docs/permissions.md, "Joint actions"): the lead centre's members run an action.
  'joint-action': {
    async request(method, url, target) {
      if (url === '/api/v1/actions') return { url, payload: actionBody(target) };
      const action = await seedAction(target);
      if (url === '/api/v1/action-partners/:id') {
        const added = await asAdmin('POST', `/api/v1/actions/${action.id}/partners`, {
          organization: otherCompany.id,
          role: 'company',
        });
        const p = added.json().partners.find((x: { role: string }) => x.role === 'company');
        return { url: url.replace(':id', p.id) };
      }
      if (url === '/api/v1/action-milestones/:id') {
        const m = await asAdmin('POST', `/api/v1/actions/${action.id}/milestones`, MILESTONE);
        return { url: url.replace(':id', m.json().milestones[0].id), payload: { done: true } };
      }
      const path = url.replace(':id', action.id);
      if (url.endsWith('/transition')) return { url: path, payload: { to: 'running' }, ok: 200 };
      if (url.endsWith('/partners')) return { url: path, payload: { organization: otherCompany.id, role: 'company' } };
      if (url.endsWith('/milestones')) return { url: path, payload: MILESTONE };
      if (method === 'PATCH') return { url: path, payload: { title: { it: 'Cambiata' } } };
      throw new Error(`no case for ${method} ${url}`);
    },
    expect(role, scope, ok) {
      if (role === 'anonymous') return 401;
      if (role === 'admin') return ok;
      if (scope === 'own' && ['nucleus', 'centre-manager', 'centre-staff'].includes(role)) return ok;
      return 403;
    },
  },
  // A partner's own contributions and the documents: any member of a partner (here the lead itself).
  'joint-action-partner': {
    async request(method, url, target) {
      const action = await seedAction(target);
      if (url === '/api/v1/action-contributions/:id') {
        const c = await asAdmin('POST', `/api/v1/actions/${action.id}/contributions`, contribution(target));
        return { url: url.replace(':id', c.json().contributions[0].id), payload: { actual: 4 } };
      }
      if (url === '/api/v1/action-documents/:id') {
        const d = await asAdmin('POST', `/api/v1/actions/${action.id}/documents`, DOCUMENT);
        return { url: url.replace(':id', d.json().documents[0].id) };
      }
      const path = url.replace(':id', action.id);
      if (url.endsWith('/contributions')) return { url: path, payload: contribution(target) };
      if (url.endsWith('/documents')) return { url: path, payload: DOCUMENT };
      throw new Error(`no case for ${method} ${url}`);
    },
    expect(role, scope, ok) {
      if (role === 'anonymous') return 401;
      if (role === 'admin') return ok;
      if (scope === 'own' && role !== 'region') return ok;
      return 403;
    },
  },
  // The nucleus's meetings: its members, the Region and administrators, whatever their organisation.
  meeting: {
    async request(method, url) {
      const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
      if (url === '/api/v1/meetings') return { url, payload: { startsAt } };
      const meeting = async () => (await asAdmin('POST', '/api/v1/meetings', { startsAt })).json().id as string;
      if (url === '/api/v1/meeting-outcomes/:id') {
        const m = await meeting();
        const o = await asAdmin('POST', `/api/v1/meetings/${m}/outcomes`, { kind: 'decision', text: 'Decisione' });
        return { url: url.replace(':id', o.json().outcomes[0].id), payload: { text: 'Decisione rivista' } };
      }
      if (url.endsWith('/approve-minutes')) {
        const previous = await meeting();
        await asAdmin('POST', `/api/v1/meetings/${previous}/hold`, { attendees: [], minutes: 'Verbale' });
        const current = await meeting();
        await asAdmin('POST', `/api/v1/meetings/${current}/hold`, { attendees: [] });
        return { url: url.replace(':id', current), ok: 200 };
      }
      const path = url.replace(':id', await meeting());
      if (url.endsWith('/hold')) return { url: path, payload: { attendees: [] }, ok: 200 };
      if (url.endsWith('/agenda')) return { url: path, payload: { title: 'Punto' } };
      if (url.endsWith('/outcomes')) return { url: path, payload: { kind: 'information', text: 'Comunicazione' } };
      if (method === 'PATCH') return { url: path, payload: { place: 'Firenze' } };
      throw new Error(`no case for ${method} ${url}`);
    },
    expect(role, _scope, ok) {
      if (role === 'anonymous') return 401;
      return ['admin', 'region', 'nucleus'].includes(role) ? ok : 403;
    },
  },
  // Governance (docs/permissions.md, "Governance"): the Region and administrators anywhere, a nucleus member for the
  // network and their own centre; verification reports' edit, sign and reopen (rule `report`) in reports.test.ts.
  governance: {
    async request(method, url, target) {
      const asAdmin = (m: string, u: string, payload?: object) =>
        app.inject({ method: m as 'POST', url: u, headers: headers.admin, ...(payload ? { payload } : {}) });
      const objective = async () =>
        (
          await asAdmin('POST', '/api/v1/objectives', {
            from: '2025-01-01',
            to: '2025-12-31',
            organization: target,
            text: { it: 'Obiettivo' },
          })
        ).json().id as string;
      if (url === '/api/v1/objectives')
        return { url, payload: { from: '2025-01-01', to: '2025-12-31', organization: target, text: { it: 'Nuovo' } } };
      if (url === '/api/v1/objectives/:id')
        return {
          url: url.replace(':id', await objective()),
          payload: method === 'PATCH' ? { text: { it: 'Cambiato' } } : undefined,
        };
      const day = `2025-01-${String((++govSeq % 28) + 1).padStart(2, '0')}`;
      if (url === '/api/v1/kpi-targets')
        return {
          url,
          payload: { kpi: 'requests.received', from: '2025-01-01', to: '2025-12-31', organization: target, target: 5 },
        };
      if (url === '/api/v1/kpi-targets/:id') {
        const t = await asAdmin('PUT', '/api/v1/kpi-targets', {
          kpi: 'requests.closed',
          from: day,
          to: '2025-12-31',
          organization: target,
          target: 1,
        });
        return { url: url.replace(':id', t.json().id) };
      }
      if (url === '/api/v1/kpi-values') {
        await asAdmin('POST', '/api/v1/kpi-definitions', {
          code: 'matrix.manual',
          label: { it: 'Manuale' },
          unit: 'count',
          kind: 'count',
          direction: 'up',
          aggregation: 'sum',
        });
        return {
          url,
          payload: {
            kpi: 'matrix.manual',
            from: day,
            to: day,
            organization: target,
            value: 1,
            evidenceUrl: 'https://example.org/e',
          },
        };
      }
      throw new Error(`no case for ${method} ${url}`);
    },
    expect(role, scope, ok) {
      if (role === 'anonymous') return 401;
      if (role === 'admin' || role === 'region' || (role === 'nucleus' && scope === 'own')) return ok;
      return 403;
    },
  },
  'governance-network': {
    async request(_method, url) {
      if (url === '/api/v1/kpi-definitions')
        return {
          url,
          payload: {
            code: `matrix.k${++govSeq}`,
            label: { it: 'Indicatore' },
            unit: 'count',
            kind: 'count',
            direction: 'up',
            aggregation: 'sum',
          },
        };
      await networkProtocol();
      const day = `2031-${String((govSeq % 12) + 1).padStart(2, '0')}-${String((++govSeq % 28) + 1).padStart(2, '0')}`;
      return { url, payload: { from: day, to: day } };
    },
    expect(role, _scope, ok) {
      if (role === 'anonymous') return 401;
      return ['admin', 'region', 'nucleus'].includes(role) ? ok : 403;
    },
  },
  protocol: {
    async request(_method, url) {
      const payload = await protocolPayload();
      if (url === '/api/v1/protocols') return { url, payload };
      const p = await app.inject({ method: 'POST', url: '/api/v1/protocols', headers: headers.admin, payload });
      return { url: url.replace(':id', p.json().id), payload: { renewedOn: '2033-01-01', termMonths: 36 } };
    },
    expect(role, _scope, ok) {
      if (role === 'anonymous') return 401;
      return role === 'admin' || role === 'region' ? ok : 403;
    },
  },
};
let govSeq = 0;
const region = buildOrganization({ kind: 'region' });
let regionLoaded = false;
async function protocolPayload() {
  if (!regionLoaded) {
    await importBundle(database.db, bundleStream({ format: 'clock-bundle/1', organizations: [region] }));
    regionLoaded = true;
  }
  return {
    title: { it: 'Protocollo' },
    signedOn: '2030-01-01',
    termMonths: 120,
    parties: [
      { organization: centre.id, role: 'centre' },
      { organization: otherCentre.id, role: 'centre' },
      { organization: region.id, role: 'region' },
    ],
  };
}
let protocolReady: Promise<unknown> | null = null;
/** A protocol in force for the reports the matrix creates (2030–2039). */
function networkProtocol() {
  protocolReady ??= protocolPayload().then((payload) =>
    app.inject({ method: 'POST', url: '/api/v1/protocols', headers: headers.admin, payload }),
  );
  return protocolReady;
}
let vatSeq = 0;
/** A fresh valid partita IVA for each registration. */
function freshVat() {
  const ten = `${String(++vatSeq).padStart(4, '0')}${String(Date.now() % 1000).padStart(3, '0')}046`;
  for (let d = 0; d <= 9; d++) if (vatNumberProblem(ten + d) === null) return ten + d;
  throw new Error('unreachable');
}
// Routes about one's own session, tested in identity.test.ts, and sign-in itself; request routes have their own
// matrix (every action × every role, in each state) in requests/requests.test.ts, booking routes (a person's own
// booking and the life-cycle table) in bookings/bookings.test.ts, a request's team becoming a joint action in
// actions/actions.test.ts, brokerage routes (each step × each part: the company, another company, the handling centre,
// another centre, the Region) in brokerage/brokerage.permissions.test.ts, verification reports' edit, signing and
// reopening (state and signing order) in governance/reports.test.ts.
const NOT_ORGANIZATION_SCOPED = new Set([
  'self',
  'public',
  'request',
  'booking',
  'joint-action-from-request',
  'brokerage',
  'report',
]);
const SUCCESS: Record<string, number> = { POST: 201, PATCH: 200, DELETE: 204, PUT: 200 };

describe('the permission matrix', () => {
  const writeRoutes = () =>
    app.routeTable.filter((r) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method) && r.url.startsWith('/api/'));

  it('has a rule for every write route', () => {
    const routes = writeRoutes();
    expect(routes.length).toBeGreaterThan(15);
    const unruled = routes.filter(
      (r) => !r.permission || (!RULES[r.permission] && !NOT_ORGANIZATION_SCOPED.has(r.permission)),
    );
    expect(unruled).toEqual([]);
  });

  it('gives every role on its own and on another organisation the expected status', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of writeRoutes().filter((r) => RULES[r.permission!])) {
      const rule = RULES[route.permission!]!;
      for (const role of ROLES) {
        for (const scope of ['own', 'other'] as const) {
          const target = scope === 'own' ? ownOrg(role) : otherCentre.id;
          const c = await rule.request(route.method, route.url, target);
          const r = await app.inject({
            method: route.method as 'POST',
            url: c.url,
            headers: headers[role],
            ...(c.payload === undefined ? {} : { payload: c.payload as object }),
          });
          const expected = rule.expect(role, scope, c.ok ?? SUCCESS[route.method]!);
          checked++;
          if (r.statusCode !== expected)
            failures.push(
              `${route.method} ${route.url} as ${role} (${scope}): ${r.statusCode}, expected ${expected} — ${r.body.slice(0, 160)}`,
            );
          if (r.statusCode >= 400) expect(r.headers['content-type']).toMatch(/problem\+json/);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });
});

describe('the administration area', () => {
  it('is read by admins and Region officers only', async () => {
    const someone = await createUser(database.db, {
      email: uniqueEmail('someone'),
      name: 'Qualcuno',
      role: 'company',
      organization: company.id,
      password: PASSWORD,
    });
    for (const url of ['/api/v1/admin/people', `/api/v1/admin/people/${someone.id}`, '/api/v1/admin/invitations']) {
      for (const role of ROLES) {
        const r = await app.inject({ method: 'GET', url, headers: headers[role] });
        const expected = role === 'anonymous' ? 401 : role === 'admin' || role === 'region' ? 200 : 403;
        expect(r.statusCode, `GET ${url} as ${role}: ${r.body.slice(0, 160)}`).toBe(expected);
      }
    }
  });

  it("keeps platform roles and administrators' accounts to administrators", async () => {
    const admin2 = await createUser(database.db, {
      email: uniqueEmail('admin2'),
      name: 'Altro Admin',
      role: 'admin',
      password: PASSWORD,
    });
    const plain = await createUser(database.db, {
      email: uniqueEmail('plain'),
      name: 'Semplice',
      role: 'company',
      organization: company.id,
      password: PASSWORD,
    });
    const asRegion = (url: string, payload?: object) =>
      app.inject({ method: 'POST', url, headers: headers.region, ...(payload ? { payload } : {}) });
    expect((await asRegion(`/api/v1/admin/people/${plain.id}/roles`, { role: 'admin' })).statusCode).toBe(403);
    expect((await asRegion(`/api/v1/admin/people/${plain.id}/roles`, { role: 'region' })).statusCode).toBe(403);
    expect((await asRegion(`/api/v1/admin/people/${admin2.id}/disable`)).statusCode).toBe(403);
    expect(
      (await asRegion(`/api/v1/admin/people/${admin2.id}/roles`, { role: 'centre-staff', organization: centre.id }))
        .statusCode,
    ).toBe(403);
    const granted = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/people/${plain.id}/roles`,
      headers: headers.admin,
      payload: { role: 'region' },
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().platformRole).toBe('region');
  });
});

describe('the reading matrix', () => {
  // What each role reads of the catalogue, search and network: the routes act as the caller, never as the public.
  const READERS = [...ROLES, 'no-organisation'] as const;
  const networkReader = (role: (typeof READERS)[number]) => role !== 'anonymous' && role !== 'no-organisation';
  let bare: Record<string, string>;
  beforeAll(async () => {
    // A person who signed up but belongs to no organisation yet reads as the public does.
    const email = uniqueEmail('bare');
    await database.db.transaction(async (tx) =>
      insertUser(tx, {
        email,
        name: 'Senza Organizzazione',
        passwordHash: await hashPassword(PASSWORD),
        platformRole: null,
        verified: true,
      }),
    );
    bare = await signInHeaders(app, email, PASSWORD);
  });

  it('shows experts without a public profile to network members only, in every read route', async () => {
    const failures: string[] = [];
    // Counts of experts as the public reads them; other tests of this file may add experts, so compare, not fix.
    const counts = async (h: Record<string, string>) => {
      const get = async <T>(url: string) => (await app.inject({ url, headers: h })).json() as T;
      const org = await get<{ counts: { expert: number } }>(`/api/v1/organizations/${centre.id}`);
      const orgs = await get<{ items: { id: string; counts: { expert: number } }[] }>(
        '/api/v1/organizations?limit=100',
      );
      const network = await get<{ totals: { expert: number } }>('/api/v1/network');
      return {
        'GET /organizations/:id': org.counts.expert,
        'GET /organizations': orgs.items.find((o) => o.id === centre.id)?.counts.expert ?? -1,
        'GET /network': network.totals.expert,
      };
    };
    const pub = await counts({});
    for (const role of READERS) {
      const h = role === 'no-organisation' ? bare : headers[role]!;
      const sees = networkReader(role);
      const get = (url: string) => app.inject({ url, headers: h });
      const check = (what: string, actual: unknown, expected: unknown) => {
        if (actual !== expected) failures.push(`${role}: ${what} is ${String(actual)}, expected ${String(expected)}`);
      };
      check('GET /experts/:id', (await get(`/api/v1/experts/${privateExpert.id}`)).statusCode, sees ? 200 : 404);
      const list = (await get(`/api/v1/experts?organization=${centre.id}&limit=100`)).json() as {
        items: { id: string }[];
      };
      check(
        'GET /experts lists it',
        list.items.some((e) => e.id === privateExpert.id),
        sees,
      );
      const found = (await get('/api/v1/search?q=Riservatissima')).json() as { hits: { id: string }[] };
      check(
        'GET /search finds it',
        found.hits.some((e) => e.id === privateExpert.id),
        sees,
      );
      const posted = (
        await app.inject({
          method: 'POST',
          url: '/api/v1/search',
          headers: h,
          payload: { q: 'tribologia rivestimenti' },
        })
      ).json() as { hits: { id: string }[] };
      check(
        'POST /search finds it',
        posted.hits.some((e) => e.id === privateExpert.id),
        sees,
      );
      for (const [what, n] of Object.entries(await counts(h)))
        check(
          `${what} counts it`,
          sees ? n > pub[what as keyof typeof pub] : n === pub[what as keyof typeof pub],
          true,
        );
      // Not a demo installation: no demo accounts for anyone (demo-people.test.ts covers a demo one).
      check('GET /demo', (await get('/api/v1/demo')).statusCode, 404);
      check('GET /network says demo', ((await get('/api/v1/network')).json() as { demo: boolean }).demo, false);
    }
    expect(failures).toEqual([]);
  });
});

describe('the governance dashboard reads', () => {
  // Aggregates for everyone (confidential requests counted only for the Region, the nucleus and administrators); the
  // ids a KPI counted for those three only.
  it('gives each role its scope of demand and KPI records', async () => {
    const full = (role: Role) => role === 'admin' || role === 'region' || role === 'nucleus';
    const period = 'from=2025-01-01&to=2025-12-31';
    for (const role of ROLES) {
      const demand = await app.inject({ url: `/api/v1/demand?${period}`, headers: headers[role] });
      expect(demand.statusCode, `GET /demand as ${role}`).toBe(200);
      expect(demand.json().scope, `GET /demand as ${role}`).toBe(full(role) ? 'full' : 'public');
      const records = await app.inject({
        url: `/api/v1/kpis/requests.received/records?${period}`,
        headers: headers[role],
      });
      expect(records.statusCode, `GET /kpis/:code/records as ${role}`).toBe(
        role === 'anonymous' ? 401 : full(role) ? 200 : 403,
      );
    }
  });
});

describe('invalid bodies on every write route', () => {
  it('always answer 4xx problem+json, never 5xx, and write nothing', async () => {
    const state = async () => {
      const rows = await database.db.execute(sql`select (select count(*) from audit_log) as a,
        (select coalesce(max(revision), 0) from offers) + (select coalesce(max(revision), 0) from experts) + (select coalesce(max(revision), 0) from organizations) as r`);
      return JSON.stringify((rows as unknown as { rows: unknown[] }).rows[0]);
    };
    const routes = app.routeTable.filter(
      (r) => ['POST', 'PATCH'].includes(r.method) && r.url.startsWith('/api/v1/') && !r.url.startsWith('/api/v1/auth/'),
    );
    const junk = fc.oneof(
      fc.anything(),
      fc.dictionary(
        fc.constantFrom(
          'id',
          'organization',
          'title',
          'name',
          'kind',
          'trl',
          'access',
          'bookable',
          'keywords',
          'role',
          'sectors',
          'description',
          'extra',
        ),
        fc.oneof(
          fc.string(),
          fc.integer(),
          fc.boolean(),
          fc.constant(null),
          fc.array(fc.anything(), { maxLength: 3 }),
          fc.dictionary(fc.string(), fc.string()),
        ),
      ),
    );
    const existing = await seedRecord('services', centre.id);
    for (const route of routes) {
      const url = route.url.replace(
        ':id',
        route.url.startsWith('/api/v1/organizations')
          ? centre.id
          : route.url.startsWith('/api/v1/tokens') || route.url.startsWith('/api/v1/company-claims')
            ? '00000000-0000-0000-0000-000000000000'
            : route.url.startsWith('/api/v1/companies')
              ? company.id
              : existing,
      );
      await fc.assert(
        fc.asyncProperty(junk, async (body) => {
          const before = await state();
          const r = await app.inject({
            method: route.method as 'POST',
            url,
            headers: { ...headers.admin, 'content-type': 'application/json' },
            payload: JSON.stringify(body) ?? 'null',
          });
          expect(r.statusCode, `${route.method} ${url} ${JSON.stringify(body)}: ${r.body}`).toBeLessThan(500);
          if (r.statusCode >= 400) {
            expect(r.headers['content-type']).toMatch(/problem\+json/);
            expect(await state()).toBe(before);
          }
        }),
        { numRuns: 25, seed: 20261127 },
      );
    }
  });
});

describe('the open-data routes', () => {
  // Public for every role, and the same answer for all: open data is read as the public reads it, whoever asks
  // (the private expert of this file never appears, even to network members).
  const CASES: Record<string, string[]> = {
    'GET /.well-known/clock': ['/.well-known/clock'],
    'GET /opendata/catalog.ttl': ['/opendata/catalog.ttl'],
    'GET /opendata/catalog.jsonld': ['/opendata/catalog.jsonld'],
    'GET /opendata/:file': ['/opendata/organizations.csv', '/opendata/experts.json', '/opendata/experts.jsonld'],
    'GET /id/:type/:id': [`/id/organization/${centre.id}.jsonld`, `/id/expert/${privateExpert.id}.jsonld`],
    'GET /api/v1/changes': ['/api/v1/changes?limit=1000'],
  };
  const isOpenData = (url: string) =>
    url.startsWith('/opendata/') ||
    url.startsWith('/id/') ||
    url.startsWith('/.well-known/') ||
    url === '/api/v1/changes';

  it('has a row for every open-data route', () => {
    const routes = app.routeTable.filter((r) => r.method === 'GET' && isOpenData(r.url)).map((r) => `GET ${r.url}`);
    expect(routes.sort()).toEqual(Object.keys(CASES).sort());
    expect(app.routeTable.filter((r) => isOpenData(r.url) && r.method !== 'OPTIONS').every((r) => r.public)).toBe(true);
  });

  it('answers every role exactly as it answers the public', async () => {
    const failures: string[] = [];
    for (const urls of Object.values(CASES)) {
      for (const url of urls) {
        // A problem names the request it answers (`instance`): compared without it.
        const body = (r: { body: string }) => r.body.replace(/"instance":"[^"]*"/, '');
        const pub = await app.inject({ url });
        for (const role of ROLES) {
          const r = await app.inject({ url, headers: headers[role] });
          if (r.statusCode !== pub.statusCode || body(r) !== body(pub))
            failures.push(`${url} as ${role}: ${r.statusCode}, differs from the public answer ${pub.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(
      (await app.inject({ url: `/id/expert/${privateExpert.id}.jsonld`, headers: headers.admin })).statusCode,
    ).toBe(404);
  });
});
