import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { importBundle } from '../catalogue/bundle.service.ts';
import { freshDatabase } from '../../test/db.ts';
import {
  buildOffer,
  buildOrganization,
  bundleStream,
  PASSWORD,
  signInHeaders,
  testConfig,
  uniqueEmail,
} from '../../test/factories.ts';
import { createUser, LIMITS } from './identity.service.ts';

let database: Database;
let app: FastifyInstance;
const centre = buildOrganization();
const other = buildOrganization();
const service = buildOffer(centre.id);

beforeAll(async () => {
  database = await freshDatabase();
  await importBundle(
    database.db,
    bundleStream({ format: 'clock-bundle/1', organizations: [centre, other], services: [service] }),
  );
  app = await buildApp({ config: testConfig(), database, logger: false });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function staff() {
  const email = uniqueEmail('staff');
  await createUser(database.db, {
    email,
    name: 'Staff',
    role: 'centre-staff',
    organization: centre.id,
    password: PASSWORD,
  });
  return email;
}

describe('sessions', () => {
  it('signs in with a session cookie that is HttpOnly and SameSite, and answers /me', async () => {
    const email = await staff();
    expect((await app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: email.toUpperCase(), password: PASSWORD },
    });
    expect(r.statusCode).toBe(200);
    const setCookie = String(r.headers['set-cookie']);
    expect(setCookie).toMatch(/clock_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = `clock_session=${r.cookies[0]!.value}`;
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ email, memberships: [{ organization: centre.id, role: 'centre-staff' }] });
  });

  it('gives the same 401 for a wrong password and an unknown account', async () => {
    const email = await staff();
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: 'nope-nope-nope' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@example.org', password: 'nope-nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('ends the session on logout; logout everywhere and a password change end the others', async () => {
    const email = await staff();
    const a = await signInHeaders(app, email, PASSWORD);
    const b = await signInHeaders(app, email, PASSWORD);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: a })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: a })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: b })).statusCode).toBe(200);

    const c = await signInHeaders(app, email, PASSWORD);
    const changed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: b,
      payload: { currentPassword: PASSWORD, newPassword: 'another long secret' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: c })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: b })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout-everywhere', headers: b })).statusCode).toBe(
      204,
    );
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: b })).statusCode).toBe(401);
  });

  it('rate-limits failed sign-ins per account with Retry-After', async () => {
    const email = await staff();
    for (let i = 0; i < LIMITS.perAccount; i++) {
      expect(
        (
          await app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { email, password: `wrong-${i}-xxxxx` },
          })
        ).statusCode,
      ).toBe(401);
    }
    const blocked = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().code).toBe('RATE_LIMITED');
  });

  it('rate-limits failed sign-ins per address across accounts', async () => {
    const ip = '203.0.113.9';
    let last = 0;
    for (let i = 0; i <= LIMITS.perAddress; i++) {
      last = (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: ip,
          payload: { email: `guess${i}@example.org`, password: 'wrong-password-x' },
        })
      ).statusCode;
    }
    expect(last).toBe(429);
  });
});

describe('the coordination nucleus', () => {
  it('has at most one representative per centre, refused by the database itself', async () => {
    await createUser(database.db, {
      email: uniqueEmail('nucleus'),
      name: 'N1',
      role: 'nucleus',
      organization: other.id,
      password: PASSWORD,
    });
    await expect(
      createUser(database.db, {
        email: uniqueEmail('nucleus'),
        name: 'N2',
        role: 'nucleus',
        organization: other.id,
        password: PASSWORD,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const direct = await database.db.execute(
      sql`select count(*)::int as n from memberships where organization_id = ${other.id} and role = 'nucleus'`,
    );
    expect((direct as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });
});

describe('cross-site protection', () => {
  it('refuses a foreign Origin and a cookie write without the CSRF token', async () => {
    const email = await staff();
    const h = await signInHeaders(app, email, PASSWORD);
    const body = { title: { it: 'Nuova competenza' } };
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/v1/competences',
      headers: { ...h, origin: 'https://evil.example' },
      payload: body,
    });
    expect(foreign.statusCode).toBe(403);
    const noToken = await app.inject({
      method: 'POST',
      url: '/api/v1/competences',
      headers: { cookie: h.cookie },
      payload: body,
    });
    expect(noToken.statusCode).toBe(403);
    const wrongToken = await app.inject({
      method: 'POST',
      url: '/api/v1/competences',
      headers: { cookie: h.cookie, 'x-csrf-token': 'forged' },
      payload: body,
    });
    expect(wrongToken.statusCode).toBe(403);
    const ok = await app.inject({ method: 'POST', url: '/api/v1/competences', headers: h, payload: body });
    expect(ok.statusCode).toBe(201);
    const sameOrigin = await app.inject({
      method: 'POST',
      url: '/api/v1/competences',
      headers: { cookie: h.cookie, origin: 'http://localhost:80', host: 'localhost:80' },
      payload: body,
    });
    expect(sameOrigin.statusCode).toBe(201);
  });
});

describe('editing and the audit trail', () => {
  it('creates, changes and retires a record of the own centre, with its history', async () => {
    const email = await staff();
    const h = await signInHeaders(app, email, PASSWORD);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/services',
      headers: h,
      payload: { id: 'svc-audit-1', title: { it: 'Prove climatiche' }, kind: 'testing' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'svc-audit-1', organization: centre.id, type: 'service' });
    const patched = await app.inject({
      method: 'PATCH',
      url: '/api/v1/services/svc-audit-1',
      headers: h,
      payload: { description: { en: 'Climatic chamber tests' }, kind: null },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().kind).toBeUndefined();
    await new Promise((r) => setTimeout(r, 50));
    expect((await app.inject({ method: 'GET', url: '/api/v1/search?q=climatic%20chamber' })).json().hits[0].id).toBe(
      'svc-audit-1',
    );
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/services/svc-audit-1', headers: h })).statusCode).toBe(
      204,
    );
    expect((await app.inject({ method: 'GET', url: '/api/v1/services/svc-audit-1' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/search?q=climatic%20chamber' })).json().total).toBe(0);
    const history = await app.inject({ method: 'GET', url: '/api/v1/services/svc-audit-1/history', headers: h });
    expect(history.json().map((e: { action: string }) => e.action)).toEqual(['create', 'update', 'retire']);
    expect(history.json()[1]).toMatchObject({
      actorName: 'Staff',
      before: { kind: 'testing' },
      after: { description: { en: 'Climatic chamber tests' } },
    });
    expect((await app.inject({ method: 'GET', url: '/api/v1/services/svc-audit-1/history' })).statusCode).toBe(401);
  });

  it('lists every invalid field of a bad record next to its pointer', async () => {
    const h = await signInHeaders(app, await staff(), PASSWORD);
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/equipment',
      headers: h,
      payload: { id: 'Bad Id', title: {}, access: 'world', bookable: 'yes', colour: 'red' },
    });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/body/access', '/body/bookable', '/body/colour', '/body/id', '/body/title'].sort());
  });

  it('refuses to change or delete audit entries, in the database itself', async () => {
    const failure = (q: Promise<unknown>) =>
      q.then(
        () => 'accepted',
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`,
      );
    expect(await failure(database.db.execute(sql`update audit_log set action = 'forged'`))).toMatch(/append-only/);
    expect(await failure(database.db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
    expect(await failure(database.db.execute(sql`truncate audit_log`))).toMatch(/append-only/);
  });
});

describe('API tokens', () => {
  it('are shown once, act for their organisation and role, and stop working when revoked', async () => {
    const email = uniqueEmail('manager');
    await createUser(database.db, {
      email,
      name: 'Manager',
      role: 'centre-manager',
      organization: centre.id,
      password: PASSWORD,
    });
    const h = await signInHeaders(app, email, PASSWORD);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: h,
      payload: { name: 'ERP sync', organization: centre.id, role: 'centre-staff' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const bearer = { authorization: `Bearer ${token}` };
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/competences',
          headers: bearer,
          payload: { title: { en: 'From the ERP' } },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/competences',
          headers: bearer,
          payload: { organization: other.id, title: { en: 'Elsewhere' } },
        })
      ).statusCode,
    ).toBe(403);
    const list = await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: h });
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/tokens',
          headers: h,
          payload: { name: 'x', organization: other.id, role: 'centre-staff' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: h })).statusCode).toBe(204);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/competences',
          headers: bearer,
          payload: { title: { en: 'Again' } },
        })
      ).statusCode,
    ).toBe(401);
  });
});

describe('personal data', () => {
  it('lets a person download their data and delete their account, keeping the records they made', async () => {
    const email = await staff();
    const h = await signInHeaders(app, email, PASSWORD);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/competences',
      headers: h,
      payload: { title: { it: 'Competenza che resta' } },
    });
    const id = created.json().id;
    const data = await app.inject({ method: 'GET', url: '/api/v1/me/data', headers: h });
    expect(data.statusCode).toBe(200);
    expect(data.json()).toMatchObject({
      user: { email },
      memberships: [{ organizationId: centre.id }],
      changes: [{ action: 'create', entityId: id }],
    });
    expect(
      (await app.inject({ method: 'DELETE', url: '/api/v1/me', headers: h, payload: { password: 'wrong password!' } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await app.inject({ method: 'DELETE', url: '/api/v1/me', headers: h, payload: { password: PASSWORD } }))
        .statusCode,
    ).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: h })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } }))
        .statusCode,
    ).toBe(401);
    expect((await app.inject({ method: 'GET', url: `/api/v1/competences/${id}` })).statusCode).toBe(200);
    const rows = await database.db.execute(
      sql`select email, name, password_hash from users where deleted_at is not null`,
    );
    for (const r of (rows as unknown as { rows: Record<string, unknown>[] }).rows)
      expect(r).toEqual({ email: null, name: null, password_hash: null });
  });
});
