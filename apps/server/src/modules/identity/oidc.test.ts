import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
// @ts-expect-error oidc-provider ships no type declarations
import Provider from 'oidc-provider';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { freshDatabase } from '../../test/db.ts';
import { testConfig } from '../../test/factories.ts';

// Single sign-on against a real OpenID provider (oidc-provider) on a local port, through its login and consent pages.
let database: Database;
let app: FastifyInstance;
let providerServer: http.Server;
let issuer = '';
const PUBLIC = 'http://localhost';

beforeAll(async () => {
  providerServer = http.createServer();
  await new Promise<void>((r) => providerServer.listen(0, '127.0.0.1', () => r()));
  issuer = `http://127.0.0.1:${(providerServer.address() as { port: number }).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'clock',
        client_secret: 'a-test-secret',
        redirect_uris: [`${PUBLIC}/api/v1/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, email: `${sub}@sso.example.org`, email_verified: true, name: `Persona ${sub}` }),
    }),
    claims: { email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
  });
  provider.on('server_error', (_ctx: unknown, err: Error) => console.error('provider error', err));
  providerServer.on('request', provider.callback());
  database = await freshDatabase();
  app = await buildApp({
    config: testConfig({
      publicUrl: PUBLIC,
      oidc: { issuer, clientId: 'clock', clientSecret: 'a-test-secret', name: 'Identità regionale' },
    }),
    database,
    logger: false,
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
  providerServer.close();
});

/** A browser-like walk through the provider's pages with a cookie jar, answering its login and consent forms. */
async function throughProvider(startUrl: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = startUrl;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      body,
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
    });
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(';');
      const i = kv!.indexOf('=');
      jar.set(kv!.slice(0, i), kv!.slice(i + 1));
    }
    body = undefined;
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(PUBLIC)) return next.href;
      url = next.href;
      continue;
    }
    const html = await res.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
    if (!form) throw new Error(`no form at ${url}: ${html.slice(0, 300)}`);
    const fields = new URLSearchParams();
    for (const m of form[2]!.matchAll(/<input([^>]*)>/g)) {
      const name = /name="([^"]+)"/.exec(m[1]!)?.[1];
      if (name) fields.set(name, /value="([^"]*)"/.exec(m[1]!)?.[1] ?? '');
    }
    if (fields.has('login')) {
      fields.set('login', login);
      fields.set('password', 'any');
    }
    url = new URL(form[1]!.replace(/&amp;/g, '&'), url).href;
    body = fields;
  }
  throw new Error('too many hops');
}

describe('single sign-on', () => {
  it('announces the provider, signs a new person in, and finds them again next time', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/providers' })).json()).toEqual({
      password: true,
      oidc: { name: 'Identità regionale', start: '/api/v1/auth/oidc/start' },
    });
    for (let round = 0; round < 2; round++) {
      const start = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start?returnTo=/account' });
      expect(start.statusCode).toBe(302);
      const flowCookie = start.cookies.find((c) => c.name === 'clock_oidc')!;
      expect(flowCookie.httpOnly).toBe(true);
      const back = await throughProvider(start.headers.location as string, 'mrossi');
      const cb = await app.inject({
        method: 'GET',
        url: back.slice(PUBLIC.length),
        headers: { cookie: `clock_oidc=${flowCookie.value}` },
      });
      expect(cb.statusCode, cb.body).toBe(302);
      expect(cb.headers.location).toBe('/account');
      const session = cb.cookies.find((c) => c.name === 'clock_session')!;
      const me = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: `clock_session=${session.value}` },
      });
      expect(me.json()).toMatchObject({ email: 'mrossi@sso.example.org', name: 'Persona mrossi', memberships: [] });
    }
    const users = await database.db.execute(
      (await import('drizzle-orm')).sql`select count(*)::int as n from users where email = 'mrossi@sso.example.org'`,
    );
    expect((users as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });

  it('refuses a callback without the flow cookie or with a forged state', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/callback?code=x&state=y' })).statusCode).toBe(
      400,
    );
    const start = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start?returnTo=https://evil.example/' });
    const flowCookie = start.cookies.find((c) => c.name === 'clock_oidc')!;
    const bad = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/oidc/callback?code=x&state=forged',
      headers: { cookie: `clock_oidc=${flowCookie.value}` },
    });
    expect(bad.statusCode).toBe(401);
    expect(JSON.parse(Buffer.from(flowCookie.value, 'base64url').toString()).returnTo).toBe('/');
  });
});
