import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { vatNumberProblem } from '@clock/contracts';
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
import { createUser } from '../identity/identity.service.ts';

// Companies that join (register or claim, a centre verifies or rejects, the person is told either way), contact
// details, and requests started from a record ("contact / ask for a quote") with the demand they leave behind.
let database: Database;
let app: FastifyInstance;
const centre = buildOrganization({ kind: 'centre', name: 'Centro Alfa' });
const otherCentre = buildOrganization({ kind: 'centre', name: 'Centro Beta' });
const known = buildOrganization({ kind: 'company', name: 'Cartiera Nota S.p.A.', province: 'LU' });
const equipment = buildOffer(centre.id, {
  title: { it: 'Dinamometro per carta', en: 'Paper tensile tester' },
  bookable: true,
});
// A public expert: a person without an organisation ("second", whose claim was rejected) reads the catalogue as the public does.
const expert = buildExpert(otherCentre.id, { name: 'Anna Verdi', publicProfile: true });
const ROLES = [
  'anonymous',
  'admin',
  'region',
  'nucleus',
  'manager',
  'staff',
  'companyMember',
  'newcomer',
  'second',
] as const;
type Role = (typeof ROLES)[number];
const H: Partial<Record<Role, Record<string, string>>> = { anonymous: {} };
const ID: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  database = await freshDatabase();
  await importBundle(
    database.db,
    bundleStream({
      format: 'clock-bundle/1',
      organizations: [centre, otherCentre, known],
      equipment: [equipment],
      experts: [expert],
    }),
  );
  app = await buildApp({ config: testConfig(), database, logger: false });
  const accounts: [Role, string, string | undefined][] = [
    ['admin', 'admin', undefined],
    ['region', 'region', undefined],
    ['nucleus', 'nucleus', otherCentre.id],
    ['manager', 'centre-manager', centre.id],
    ['staff', 'centre-staff', centre.id],
    ['companyMember', 'company', known.id],
  ];
  for (const [role, r, organization] of accounts) {
    const u = await createUser(database.db, {
      email: uniqueEmail(role),
      name: `Persona ${role}`,
      role: r as never,
      organization,
      password: PASSWORD,
    });
    ID[role] = u.id;
    H[role] = await signInHeaders(app, u.email!, PASSWORD);
  }
  // People who signed up on their own: verified e-mail, no membership.
  for (const role of ['newcomer', 'second'] as const) {
    const email = uniqueEmail(role);
    const u = await createUser(database.db, {
      email,
      name: `Persona ${role}`,
      role: 'company',
      organization: known.id,
      password: PASSWORD,
    });
    await database.db.execute(sql`delete from memberships where user_id = ${u.id}`);
    ID[role] = u.id;
    H[role] = await signInHeaders(app, email, PASSWORD);
  }
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const rows = async <T = Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;
const call = (role: Role, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: H[role], ...(payload ? { payload } : {}) });

let vatSeq = 1000;
/** A fresh valid partita IVA (tax office 046, Lucca). */
function vat(): string {
  const ten = String(++vatSeq).padStart(7, '0') + '046';
  for (let d = 0; d <= 9; d++) if (vatNumberProblem(ten + d) === null) return ten + d;
  throw new Error('unreachable');
}
const COMPANY = {
  name: 'Tissue Nuova S.r.l.',
  sectors: ['17.12'],
  province: 'LU',
  town: 'Capannori',
  website: 'https://tissue.example.org',
  sizeClass: 'small',
  filiere: [] as string[],
  offers: { it: 'Carta tissue in bobine per converter' },
  seeks: { en: 'Suppliers of recycled fibre' },
};
const REQUEST = {
  title: 'Resistenza a umido della carta tissue',
  confidentiality: 'network',
  description:
    'La resistenza a umido dei nostri rotoli cala dopo il cambio di fibra riciclata: servono prove di laboratorio comparative.',
};

describe('registering a company', () => {
  it('refuses a wrong partita IVA, an unknown ATECO code and province, each named', async () => {
    const r = await call('newcomer', 'POST', '/api/v1/companies', {
      ...COMPANY,
      vatNumber: '00000010010',
      sectors: ['ZZ99'],
      province: 'XX',
      website: 'tissue',
    });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    const pointers = (r.json().errors as { pointer: string; message: string }[]).map((e) => e.pointer).sort();
    expect(pointers).toEqual(['/body/province', '/body/sectors/0', '/body/vatNumber', '/body/website']);
    expect(r.json().errors.find((e: { pointer: string }) => e.pointer === '/body/vatNumber').message).toMatch(
      /check digit/,
    );
  });

  it('needs a signed-in person', async () => {
    expect((await call('anonymous', 'POST', '/api/v1/companies', { ...COMPANY, vatNumber: vat() })).statusCode).toBe(
      401,
    );
  });

  let companyId = '';
  let claimId = '';
  it('registers the company and a pending claim, and tells the nucleus', async () => {
    const before = (
      await rows<{ n: number }>(
        sql`select count(*)::int as n from notifications where user_id = ${ID.nucleus!} and kind = 'company-claim-submitted'`,
      )
    )[0]!.n;
    const r = await call('newcomer', 'POST', '/api/v1/companies', { ...COMPANY, vatNumber: `IT ${vat()}` });
    expect(r.statusCode, r.body).toBe(201);
    const { company, claim } = r.json();
    companyId = company.id;
    claimId = claim.id;
    expect(company).toMatchObject({
      name: 'Tissue Nuova S.r.l.',
      verification: 'pending',
      sectors: ['C17.12'],
      sizeClass: 'small',
      province: 'LU',
    });
    expect(company.vatNumber).toMatch(/^[0-9]{11}$/);
    expect(claim).toMatchObject({ state: 'pending', kind: 'register' });
    const after = (
      await rows<{ n: number }>(
        sql`select count(*)::int as n from notifications where user_id = ${ID.nucleus!} and kind = 'company-claim-submitted'`,
      )
    )[0]!.n;
    expect(after).toBe(before + 1);
    // The same VAT number again: a conflict naming the company to claim.
    const again = await call('second', 'POST', '/api/v1/companies', { ...COMPANY, vatNumber: company.vatNumber });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0]).toMatchObject({ pointer: '/body/vatNumber' });
    expect(again.json().errors[0].message).toContain(companyId);
  });

  it('lets the person submit a request under the company name while the claim waits', async () => {
    const r = await call('newcomer', 'POST', '/api/v1/requests', { ...REQUEST, company: companyId });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().company).toEqual({ id: companyId, name: 'Tissue Nuova S.r.l.' });
    expect(r.json().submittedVia).toBeNull();
    // Someone else may not.
    const other = await call('second', 'POST', '/api/v1/requests', { ...REQUEST, company: companyId });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors[0].pointer).toBe('/body/company');
    // A typed name is always possible.
    const typed = await call('second', 'POST', '/api/v1/requests', {
      ...REQUEST,
      companyName: 'Officina Senza Registro',
    });
    expect(typed.statusCode, typed.body).toBe(201);
    expect(typed.json().company).toEqual({ id: null, name: 'Officina Senza Registro' });
  });

  it('is verified only by centre members, never by the claimant, the Region or a company', async () => {
    for (const role of ['anonymous', 'region', 'companyMember', 'newcomer'] as const) {
      const r = await call(role, 'POST', `/api/v1/company-claims/${claimId}/verify`);
      expect(r.statusCode, role).toBe(role === 'anonymous' ? 401 : 403);
    }
    expect((await call('companyMember', 'GET', '/api/v1/company-claims?scope=review')).statusCode).toBe(403);
    const queue = await call('staff', 'GET', '/api/v1/company-claims?scope=review');
    expect(queue.json().map((c: { id: string }) => c.id)).toContain(claimId);
    expect(queue.json().find((c: { id: string }) => c.id === claimId).person.name).toBe('Persona newcomer');
  });

  it('verifies: the person joins the company as its administrator and is told in the app and by e-mail', async () => {
    const r = await call('staff', 'POST', `/api/v1/company-claims/${claimId}/verify`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ state: 'verified', reviewer: 'Persona staff' });
    expect((await call('manager', 'POST', `/api/v1/company-claims/${claimId}/verify`)).statusCode).toBe(409);
    const notes = await rows<{ kind: string; params: { path: string } }>(
      sql`select kind, params from notifications where user_id = ${ID.newcomer!}`,
    );
    expect(notes.map((n) => n.kind)).toContain('company-claim-verified');
    const mail = await rows<{ body: string }>(
      sql`select body from mail_outbox where "to" = (select email from users where id = ${ID.newcomer!}) and body like '%Tissue Nuova%'`,
    );
    expect(mail.length).toBeGreaterThan(0);
    expect(mail[0]!.body).toContain(`/organizzazioni/${companyId}`);
    // Signed in again, the person is a member; the profile shows its members to them and offers to invite.
    const me = await call('newcomer', 'GET', '/api/v1/me');
    expect(me.json().memberships).toContainEqual({ organization: companyId, role: 'company' });
    const profile = await call('newcomer', 'GET', `/api/v1/companies/${companyId}`);
    expect(profile.json()).toMatchObject({ verification: 'verified', can: { edit: true, invite: true } });
    expect(profile.json().members).toEqual([expect.objectContaining({ name: 'Persona newcomer', admin: true })]);
    // The public sees the profile, not the people.
    const pub = await call('anonymous', 'GET', `/api/v1/companies/${companyId}`);
    expect(pub.json().members).toBeUndefined();
    expect(pub.json().offers).toEqual({ it: 'Carta tissue in bobine per converter' });
    const invite = await call('newcomer', 'POST', `/api/v1/companies/${companyId}/invitations`, {
      email: 'collega@example.org',
    });
    expect(invite.statusCode, invite.body).toBe(201);
    expect(invite.json()).toMatchObject({ organization: companyId, role: 'company' });
    const audit = await rows(sql`select action from audit_log where organization_id = ${companyId} order by id`);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['register-company', 'verify-claim', 'invite']));
  });

  it('rejects a claim only with a reason, which the person reads', async () => {
    const claim = await call('second', 'POST', `/api/v1/companies/${known.id}/claims`, {
      note: 'Sono il responsabile qualità',
    });
    expect(claim.statusCode, claim.body).toBe(201);
    expect((await call('second', 'POST', `/api/v1/companies/${known.id}/claims`, {})).statusCode).toBe(409);
    expect((await call('companyMember', 'POST', `/api/v1/companies/${known.id}/claims`, {})).statusCode).toBe(409);
    const id = claim.json().id;
    const short = await call('nucleus', 'POST', `/api/v1/company-claims/${id}/reject`, { reason: 'no' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].pointer).toBe('/body/reason');
    const r = await call('nucleus', 'POST', `/api/v1/company-claims/${id}/reject`, {
      reason: "Nessun riscontro presso l'impresa: contatta il tuo amministratore.",
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ state: 'rejected' });
    const mine = await call('second', 'GET', '/api/v1/company-claims');
    expect(mine.json()[0]).toMatchObject({ state: 'rejected', reason: expect.stringContaining('Nessun riscontro') });
    const mail = await rows<{ body: string }>(
      sql`select body from mail_outbox where "to" = (select email from users where id = ${ID.second!}) and body like '%Nessun riscontro%'`,
    );
    expect(mail).toHaveLength(1);
    // Not a member; the company itself stays (it was not a new registration).
    expect((await call('second', 'GET', '/api/v1/me')).json().memberships).toEqual([]);
    expect((await call('anonymous', 'GET', `/api/v1/companies/${known.id}`)).statusCode).toBe(200);
  });

  it('takes a rejected new registration out of the catalogue', async () => {
    const r = await call('second', 'POST', '/api/v1/companies', {
      ...COMPANY,
      name: 'Impresa Fantasma S.r.l.',
      vatNumber: vat(),
    });
    const id = r.json().company.id;
    await call('manager', 'POST', `/api/v1/company-claims/${r.json().claim.id}/reject`, {
      reason: 'La partita IVA risulta cessata al registro delle imprese.',
    });
    expect((await call('anonymous', 'GET', `/api/v1/companies/${id}`)).statusCode).toBe(404);
    expect((await call('anonymous', 'GET', `/api/v1/organizations/${id}`)).statusCode).toBe(404);
  });

  it('finds companies by name and by VAT number', async () => {
    const byName = await call('anonymous', 'GET', '/api/v1/companies?q=tissue');
    expect(byName.json().items.map((c: { name: string }) => c.name)).toContain('Tissue Nuova S.r.l.');
    expect((await call('anonymous', 'GET', '/api/v1/companies?vatNumber=123')).statusCode).toBe(400);
  });
});

describe('contact details', () => {
  it("are set by the organisation's managers, checked, and shown to anyone", async () => {
    const bad = await call('manager', 'PUT', `/api/v1/organizations/${centre.id}/contact`, {
      email: 'nope',
      pec: 'also nope',
      phone: 'call me',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/body/email', '/body/pec', '/body/phone']);
    expect(
      (await call('staff', 'PUT', `/api/v1/organizations/${centre.id}/contact`, { email: 'info@example.org' }))
        .statusCode,
    ).toBe(403);
    const ok = await call('manager', 'PUT', `/api/v1/organizations/${centre.id}/contact`, {
      email: 'Info@Example.org',
      phone: '+39 0583 000000',
      address: 'Via di Prova 1, Lucca',
      pec: 'alfa@pec.example.org',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await call('anonymous', 'GET', `/api/v1/organizations/${centre.id}/contact`)).json()).toEqual({
      email: 'info@example.org',
      phone: '+39 0583 000000',
      address: 'Via di Prova 1, Lucca',
      pec: 'alfa@pec.example.org',
    });
  });

  it("name a record's contact person only with consent", async () => {
    const url = `/api/v1/equipment/${equipment.id}/contact`;
    expect((await call('anonymous', 'GET', url)).json()).toBeNull();
    const noConsent = await call('staff', 'PUT', url, { name: 'Marco Neri', consent: false });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().errors[0].pointer).toBe('/body/consent');
    const ok = await call('staff', 'PUT', url, { name: 'Marco Neri', role: 'Responsabile laboratorio', consent: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await call('anonymous', 'GET', url)).json()).toMatchObject({
      name: 'Marco Neri',
      consentAt: expect.any(String),
    });
    expect((await call('staff', 'DELETE', url)).statusCode).toBe(204);
    expect((await call('anonymous', 'GET', url)).json()).toBeNull();
  });
});

describe('asking a centre from a record', () => {
  let requestId = '';
  it("addresses the request to the record's centre, which sees it at once and is told", async () => {
    const r = await call('second', 'POST', '/api/v1/requests', {
      ...REQUEST,
      confidentiality: 'confidential',
      companyName: 'Cartotecnica Prova',
      source: { type: 'equipment', id: equipment.id },
    });
    expect(r.statusCode, r.body).toBe(201);
    requestId = r.json().id;
    expect(r.json().source).toEqual({ type: 'equipment', id: equipment.id });
    expect(r.json().centres).toEqual([expect.objectContaining({ organization: centre.id, invited: true })]);
    // The centre's staff see the confidential request; another centre's manager does not.
    expect((await call('staff', 'GET', `/api/v1/requests/${requestId}`)).statusCode).toBe(200);
    expect((await call('admin', 'GET', `/api/v1/requests/${requestId}`)).statusCode).toBe(404);
    const inbox = await call('staff', 'GET', '/api/v1/requests?scope=all');
    expect(inbox.json().items.map((i: { id: string }) => i.id)).toContain(requestId);
    const notes = await rows(
      sql`select kind from notifications where user_id = ${ID.staff!} and request_id = ${requestId}`,
    );
    expect(notes.map((n) => n.kind)).toContain('request-addressed');
  });

  it('shows a network request addressed from a record to that centre before the nucleus opens it, and to no other company', async () => {
    const r = await call('second', 'POST', '/api/v1/requests', {
      ...REQUEST,
      companyName: 'Cartotecnica Prova',
      source: { type: 'equipment', id: equipment.id },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().state).toBe('submitted');
    const seen = await call('staff', 'GET', `/api/v1/requests/${r.json().id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().access).toBe('full');
    const listed = await call('manager', 'GET', '/api/v1/requests?scope=all');
    expect(listed.json().items.map((i: { id: string }) => i.id)).toContain(r.json().id);
    expect((await call('companyMember', 'GET', `/api/v1/requests/${r.json().id}`)).statusCode).toBe(404);
  });

  it('refuses a record that does not exist or that the person may not see', async () => {
    const r = await call('second', 'POST', '/api/v1/requests', {
      ...REQUEST,
      companyName: 'Cartotecnica Prova',
      source: { type: 'equipment', id: 'nope' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].pointer).toBe('/body/source');
  });

  it("counts demand per record for the record's centre and the nucleus, and for nobody else", async () => {
    const fromExpert = await call('second', 'POST', '/api/v1/requests', {
      ...REQUEST,
      companyName: 'Altra Impresa',
      source: { type: 'expert', id: expert.id },
    });
    expect(fromExpert.statusCode, fromExpert.body).toBe(201);
    const one = await call('staff', 'GET', `/api/v1/requests/demand/equipment/${equipment.id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ requests: 2, open: 2 });
    expect((await call('nucleus', 'GET', `/api/v1/requests/demand/equipment/${equipment.id}`)).json().requests).toBe(2);
    expect((await call('companyMember', 'GET', `/api/v1/requests/demand/equipment/${equipment.id}`)).statusCode).toBe(
      403,
    );
    expect((await call('anonymous', 'GET', '/api/v1/requests/demand')).statusCode).toBe(401);
    const all = await call('nucleus', 'GET', '/api/v1/requests/demand');
    expect(all.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'equipment',
          id: equipment.id,
          organization: centre.id,
          requests: 2,
          title: { it: 'Dinamometro per carta', en: 'Paper tensile tester' },
        }),
        expect.objectContaining({
          type: 'expert',
          id: expert.id,
          organization: otherCentre.id,
          requests: 1,
          title: { it: 'Anna Verdi' },
        }),
      ]),
    );
    // A centre's own list holds only its records.
    const own = await call('manager', 'GET', '/api/v1/requests/demand');
    expect(own.json().map((d: { id: string }) => d.id)).toEqual([equipment.id]);
  });
});
