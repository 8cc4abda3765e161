import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../apps/server/src/modules/identity/identity.service.ts';
import { startStack, type Stack } from './fixtures.ts';

// A web page on another origin (another port: another site for the browser) reading the network's open data: the
// public API, the catalogue and the change feed answer it; a route that depends on a session never does, even when
// the browser holds a session cookie for the platform.
let stack: Stack;
let other: http.Server;
let otherUrl: string;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Elsewhere</title></head>
<body><h1>A page on another site</h1><script>
window.results = (async () => {
  const api = new URLSearchParams(location.search).get('api');
  const attempt = async (url, init) => {
    try {
      const r = await fetch(api + url, init);
      return { ok: true, status: r.status, body: await r.text() };
    } catch (e) {
      return { ok: false, error: String(e) };
    }
  };
  return {
    organizations: await attempt('/api/v1/organizations?limit=3'),
    catalog: await attempt('/opendata/catalog.jsonld', { headers: { 'If-None-Match': '"nothing"' } }),
    changes: await attempt('/api/v1/changes?limit=5'),
    me: await attempt('/api/v1/me'),
    meWithCookie: await attempt('/api/v1/me', { credentials: 'include' }),
    notifications: await attempt('/api/v1/notifications', { credentials: 'include' }),
  };
})();
</script></body></html>`;

beforeAll(async () => {
  stack = await startStack();
  other = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  // "localhost" is another site than "127.0.0.1", where the platform runs.
  otherUrl = `http://localhost:${(other.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => other?.close(resolve));
  await stack?.close();
});

describe('open data from another origin', () => {
  it('lets a page elsewhere read the public API and open data, never a session route', async () => {
    await createUser(stack.database.db, {
      email: 'lettrice@example.org',
      name: 'Lettrice',
      role: 'admin',
      password: 'correct horse battery',
    });
    const context = await stack.browser.newContext();
    try {
      // The browser holds a session on the platform.
      const login = await context.request.post(`${stack.baseUrl}/api/v1/auth/login`, {
        data: { email: 'lettrice@example.org', password: 'correct horse battery' },
      });
      expect(login.status()).toBeLessThan(300);
      expect((await context.cookies(stack.baseUrl)).length).toBeGreaterThan(0);

      const page = await context.newPage();
      await page.goto(`${otherUrl}/?api=${encodeURIComponent(stack.baseUrl)}`);
      const results = (await page.evaluate('window.results')) as Record<
        string,
        { ok: boolean; status?: number; body?: string; error?: string }
      >;
      expect(results.organizations).toMatchObject({ ok: true, status: 200 });
      expect(JSON.parse(results.organizations!.body!).items.length).toBe(3);
      expect(results.catalog).toMatchObject({ ok: true, status: 200 });
      expect(results.catalog!.body).toContain('dcatapit');
      expect(results.changes).toMatchObject({ ok: true, status: 200 });
      expect(JSON.parse(results.changes!.body!).items.length).toBe(5);
      // A session route cannot be read from elsewhere, with or without the cookie.
      for (const k of ['me', 'meWithCookie', 'notifications']) {
        expect(results[k]!.ok, k).toBe(false);
        expect(results[k]!.error, k).toMatch(/TypeError|Failed to fetch/);
      }
    } finally {
      await context.close();
    }
  });
});
