import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
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
import { linkToken, startSmtp } from '../../test/smtp.ts';
import { createUser } from './identity.service.ts';

// Account flows that go through e-mail, delivered to a real local SMTP server.
let database: Database;
let app: FastifyInstance;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const centre = buildOrganization();
const other = buildOrganization();

beforeAll(async () => {
  smtp = await startSmtp();
  database = await freshDatabase();
  await importBundle(database.db, bundleStream({ format: 'clock-bundle/1', organizations: [centre, other] }));
  app = await buildApp({
    config: testConfig({ mail: { url: smtp.url, from: 'CL.O.C.K. <no-reply@example.org>' } }),
    database,
    logger: false,
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
  await smtp.close();
});

describe('invitations', () => {
  it('a manager invites a colleague, who signs up from the e-mailed link and edits their centre only', async () => {
    const manager = uniqueEmail('manager');
    await createUser(database.db, {
      email: manager,
      name: 'Maria Manager',
      role: 'centre-manager',
      organization: centre.id,
      password: PASSWORD,
    });
    const h = await signInHeaders(app, manager, PASSWORD);
    const colleague = uniqueEmail('colleague');
    const sent = await app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: h,
      payload: { email: colleague, organization: centre.id, role: 'centre-staff' },
    });
    expect(sent.statusCode).toBe(201);
    const mail = await smtp.mailTo(colleague);
    expect(mail.raw).toContain('Maria Manager');
    const token = linkToken(mail, '/invito');

    expect((await app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` })).json()).toEqual({
      email: colleague,
      organization: centre.id,
      role: 'centre-staff',
    });
    const weak = await app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      payload: { name: '', password: 'short' },
    });
    expect(
      weak
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/body/name', '/body/password']);
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      payload: { name: 'Carlo Collega', password: PASSWORD },
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().memberships).toEqual([{ organization: centre.id, role: 'centre-staff' }]);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/invitations/${token}/accept`,
          payload: { name: 'Again', password: PASSWORD },
        })
      ).statusCode,
    ).toBe(404);

    const c = await signInHeaders(app, colleague, PASSWORD);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/services',
          headers: c,
          payload: { title: { it: 'Servizio del collega' } },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/services',
          headers: c,
          payload: { organization: other.id, title: { it: 'Altrui' } },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('staff cannot invite, and nobody invites into another organisation', async () => {
    const staff = uniqueEmail('staff');
    await createUser(database.db, {
      email: staff,
      name: 'S',
      role: 'centre-staff',
      organization: centre.id,
      password: PASSWORD,
    });
    const h = await signInHeaders(app, staff, PASSWORD);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/invitations',
          headers: h,
          payload: { email: 'x@example.org', organization: centre.id, role: 'centre-staff' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/invitations',
          payload: { email: 'x@example.org', organization: centre.id, role: 'centre-staff' },
        })
      ).statusCode,
    ).toBe(401);
  });
});

describe('sign-up, verification and password reset', () => {
  it('verifies the address before the first sign-in, without revealing known addresses', async () => {
    const email = uniqueEmail('self');
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email, name: 'Sara Impresa', password: PASSWORD },
    });
    expect(r.statusCode).toBe(202);
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email, name: 'Sara Impresa', password: PASSWORD },
    });
    expect(again.statusCode).toBe(202);
    expect(again.body).toBe(r.body);
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } }))
        .statusCode,
    ).toBe(403);
    const mail = smtp.inbox.find((m) => m.to.includes(email) && m.raw.includes('/verifica/'))!;
    const verified = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/verify',
      payload: { token: linkToken(mail, '/verifica') },
    });
    expect(verified.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } }))
        .statusCode,
    ).toBe(200);
  });

  it('resets a forgotten password by e-mail and ends every session', async () => {
    const email = uniqueEmail('forgetful');
    await createUser(database.db, {
      email,
      name: 'F',
      role: 'centre-staff',
      organization: centre.id,
      password: PASSWORD,
    });
    const h = await signInHeaders(app, email, PASSWORD);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset',
          payload: { email: 'unknown@example.org' },
        })
      ).statusCode,
    ).toBe(202);
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } })).statusCode,
    ).toBe(202);
    const token = linkToken(await smtp.mailTo(email), '/nuova-password');
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset/confirm',
          payload: { token, password: 'brand new secret 42' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: h })).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email, password: 'brand new secret 42' },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset/confirm',
          payload: { token, password: 'another new secret' },
        })
      ).statusCode,
    ).toBe(404);
  });
});
