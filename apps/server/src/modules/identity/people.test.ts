import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import type { Mail, Mailer } from '../../core/mailer.ts';
import { importBundle } from '../catalogue/bundle.service.ts';
import { freshDatabase } from '../../test/db.ts';
import {
  buildOrganization,
  bundleStream,
  PASSWORD,
  signInHeaders,
  testConfig,
  uniqueEmail,
} from '../../test/factories.ts';
import { createUser } from './identity.service.ts';
import { grantRole, setAccountDisabled, setPasswordAsOperator } from './people.service.ts';

// The administration of people through the API (admins, Region officers) and the service the CLI uses (an operator).
let database: Database;
let app: FastifyInstance;
const sent: { to: string; text: string }[] = [];
const mailer: Mailer = {
  send: async (m: Mail) => {
    sent.push({ to: m.to, text: m.text });
  },
  close: () => {},
};
const centre = buildOrganization({ kind: 'centre', name: 'Centro Alfa' });
const company = buildOrganization({ kind: 'company', name: 'Officine Beta' });
let admin: Record<string, string>;
const OPERATOR = { kind: 'operator', label: 'operator test (clock CLI)' } as const;

beforeAll(async () => {
  database = await freshDatabase();
  await importBundle(database.db, bundleStream({ format: 'clock-bundle/1', organizations: [centre, company] }));
  app = await buildApp({ config: testConfig(), database, mailer, logger: false });
  const email = uniqueEmail('admin');
  await createUser(database.db, { email, name: 'Amministratrice', role: 'admin', password: PASSWORD });
  admin = await signInHeaders(app, email, PASSWORD);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const post = (url: string, payload?: object, headers = admin) =>
  app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

describe('finding people', () => {
  it('searches by name or e-mail and filters by organisation, role and status', async () => {
    const email = uniqueEmail('rossi');
    const p = await createUser(database.db, {
      email,
      name: 'Giulia Rossi-Zanetti',
      role: 'centre-staff',
      organization: centre.id,
      password: PASSWORD,
    });
    const list = async (qs: string) =>
      (await app.inject({ method: 'GET', url: `/api/v1/admin/people?${qs}`, headers: admin })).json() as {
        items: { id: string }[];
        total: number;
      };
    expect((await list('q=zanetti')).items.map((i) => i.id)).toEqual([p.id]);
    expect((await list(`q=${encodeURIComponent(email.toUpperCase())}`)).items.map((i) => i.id)).toEqual([p.id]);
    expect((await list(`q=zanetti&organization=${company.id}`)).total).toBe(0);
    expect((await list(`q=zanetti&organization=${centre.id}&role=centre-staff&status=active`)).total).toBe(1);
    expect((await list('q=zanetti&status=disabled')).total).toBe(0);
    // `%` and `_` are letters here, not wildcards.
    expect((await list('q=%25')).total).toBe(0);
    const bad = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/people?role=king&status=sleepy',
      headers: admin,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/querystring/role', '/querystring/status']);
  });
});

describe('roles', () => {
  it('grants and revokes roles, keeps one nucleus member per centre, and audits each change', async () => {
    const a = await createUser(database.db, {
      email: uniqueEmail('a'),
      name: 'Anna',
      role: 'centre-staff',
      organization: centre.id,
      password: PASSWORD,
    });
    const b = await createUser(database.db, {
      email: uniqueEmail('b'),
      name: 'Bruno',
      role: 'company',
      organization: company.id,
      password: PASSWORD,
    });
    const granted = await post(`/api/v1/admin/people/${a.id}/roles`, { role: 'nucleus', organization: centre.id });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().memberships).toEqual([
      { organization: centre.id, organizationName: 'Centro Alfa', role: 'nucleus' },
    ]);
    const second = await post(`/api/v1/admin/people/${b.id}/roles`, { role: 'nucleus', organization: centre.id });
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toMatch(/nucleus/);
    const missing = await post(`/api/v1/admin/people/${b.id}/roles`, { role: 'centre-staff' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      { pointer: '/body/organization', message: 'is required for the role centre-staff' },
    ]);
    expect(
      (await post(`/api/v1/admin/people/${b.id}/roles`, { role: 'centre-staff', organization: 'nowhere' })).statusCode,
    ).toBe(400);
    expect(
      (await post(`/api/v1/admin/people/${b.id}/roles/revoke`, { role: 'nucleus', organization: centre.id }))
        .statusCode,
    ).toBe(404);
    const revoked = await post(`/api/v1/admin/people/${a.id}/roles/revoke`, {
      role: 'nucleus',
      organization: centre.id,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().memberships).toEqual([]);
    // Now the centre has no nucleus member: the other person may become it.
    expect(
      (await post(`/api/v1/admin/people/${b.id}/roles`, { role: 'nucleus', organization: centre.id })).statusCode,
    ).toBe(200);
    const history = revoked.json().history as { action: string; actor: string; before: unknown; after: unknown }[];
    expect(history.map((h) => h.action)).toEqual(['revoke-role', 'grant-role']);
    expect(history[1]).toMatchObject({
      actor: 'Amministratrice',
      before: { organization: centre.id, role: 'centre-staff' },
      after: { organization: centre.id, role: 'nucleus' },
    });
  });

  it('lets an operator grant roles, named in the audit trail', async () => {
    const email = uniqueEmail('op');
    await createUser(
      database.db,
      { email, name: 'Operata', role: 'company', organization: company.id, password: PASSWORD },
      OPERATOR,
    );
    const person = await grantRole(database.db, OPERATOR, { email }, { role: 'region' });
    expect(person.platformRole).toBe('region');
    expect(person.history.map((h) => [h.action, h.actor])).toEqual([
      ['grant-role', OPERATOR.label],
      ['create-account', OPERATOR.label],
    ]);
  });
});

describe('disabling an account', () => {
  it('ends its sessions and API tokens at once, refuses sign-in, and re-enables', async () => {
    const email = uniqueEmail('manager');
    const p = await createUser(database.db, {
      email,
      name: 'Marta',
      role: 'centre-manager',
      organization: centre.id,
      password: PASSWORD,
    });
    const session = await signInHeaders(app, email, PASSWORD);
    const token = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        headers: session,
        payload: { name: 'sync', organization: centre.id, role: 'centre-staff' },
      })
    ).json().token as string;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: 'GET', url: '/api/v1/organizations', headers: bearer })).statusCode).toBe(200);

    const off = await post(`/api/v1/admin/people/${p.id}/disable`);
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({
      changed: true,
      sessionsEnded: 1,
      tokensRevoked: 1,
      person: { status: 'disabled' },
    });
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: session })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/organizations', headers: bearer })).statusCode).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().detail).toMatch(/disabled/);
    expect((await post(`/api/v1/admin/people/${p.id}/disable`)).json().changed).toBe(false);

    const on = await post(`/api/v1/admin/people/${p.id}/enable`);
    expect(on.json()).toMatchObject({ changed: true, person: { status: 'active' } });
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } }))
        .statusCode,
    ).toBe(200);
    // The old session and token stay ended.
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: session })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/organizations', headers: bearer })).statusCode).toBe(401);
    const actions = on.json().person.history.map((h: { action: string }) => h.action);
    expect(actions.slice(0, 2)).toEqual(['enable-account', 'disable-account']);
  });

  it("refuses to disable oneself or take away one's own administrator role", async () => {
    const me = (await app.inject({ method: 'GET', url: '/api/v1/me', headers: admin })).json();
    expect((await post(`/api/v1/admin/people/${me.id}/disable`)).statusCode).toBe(409);
    expect((await post('/api/v1/admin/people/not-a-uuid/disable')).statusCode).toBe(404);
    // Nor take away one's own administrator role, by revoking it or by granting another platform role.
    expect((await post(`/api/v1/admin/people/${me.id}/roles/revoke`, { role: 'admin' })).statusCode).toBe(409);
    expect((await post(`/api/v1/admin/people/${me.id}/roles`, { role: 'region' })).statusCode).toBe(409);
  });

  it('lets an operator disable by e-mail and set a password (sessions end)', async () => {
    const email = uniqueEmail('pw');
    await createUser(database.db, {
      email,
      name: 'Paola',
      role: 'company',
      organization: company.id,
      password: PASSWORD,
    });
    const session = await signInHeaders(app, email, PASSWORD);
    await setPasswordAsOperator(database.db, OPERATOR, { email }, 'una nuova password lunga');
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: session })).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email, password: 'una nuova password lunga' },
        })
      ).statusCode,
    ).toBe(200);
    const r = await setAccountDisabled(database.db, OPERATOR, { email }, true);
    expect(r.person.status).toBe('disabled');
    await expect(setAccountDisabled(database.db, OPERATOR, { email: 'nobody@example.org' }, true)).rejects.toThrow(
      /No account/,
    );
  });
});

describe('invitations', () => {
  it('sends a pending invitation again with a new link; the old one stops working', async () => {
    const email = uniqueEmail('invitee');
    expect(
      (await post('/api/v1/invitations', { email, organization: centre.id, role: 'centre-staff' })).statusCode,
    ).toBe(201);
    const firstLink = sent
      .filter((m) => m.to === email)
      .at(-1)!
      .text.match(/\/invito\/([\w-]+)/)![1]!;
    const pending = (await app.inject({ method: 'GET', url: '/api/v1/admin/invitations', headers: admin })).json() as {
      id: string;
      email: string;
    }[];
    const inv = pending.find((i) => i.email === email)!;
    const again = await post(`/api/v1/admin/invitations/${inv.id}/resend`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ email, organization: centre.id, role: 'centre-staff', expiresInDays: 7 });
    const secondLink = sent
      .filter((m) => m.to === email)
      .at(-1)!
      .text.match(/\/invito\/([\w-]+)/)![1]!;
    expect(secondLink).not.toBe(firstLink);
    expect((await app.inject({ method: 'GET', url: `/api/v1/invitations/${firstLink}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/v1/invitations/${secondLink}` })).statusCode).toBe(200);
    expect((await post(`/api/v1/admin/invitations/${inv.id}/resend`)).statusCode).toBe(404);
  });
});
