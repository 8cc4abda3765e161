import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { freshDatabase } from '../test/db.ts';
import { testConfig } from '../test/factories.ts';

// Errors raised by the framework itself (routing, content negotiation, body parsing, validation) answer RFC 9457
// problem+json with their own status, like the errors the services raise.
let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  database = await freshDatabase();
  app = await buildApp({ config: testConfig(), database, logger: false });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const json = (payload: string, url = '/api/v1/matching'): InjectOptions => ({
  method: 'POST',
  url,
  headers: { 'content-type': 'application/json' },
  payload,
});

async function expectProblem(request: InjectOptions, status: number, code: string) {
  const r = await app.inject(request);
  expect(r.statusCode, r.body).toBe(status);
  expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = r.json();
  expect(body).toMatchObject({
    status,
    code,
    type: `urn:clock:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    instance: expect.any(String),
  });
  expect(body.title).toEqual(expect.any(String));
  expect(body.detail).toEqual(expect.any(String));
  return { body, headers: r.headers };
}

describe('framework errors', () => {
  it('answers an unknown path with 404', async () => {
    await expectProblem({ method: 'GET', url: '/api/v1/nothing-here' }, 404, 'NOT_FOUND');
    await expectProblem({ method: 'POST', url: '/api/v1/nothing-here', payload: {} }, 404, 'NOT_FOUND');
  });

  it('answers a known path with another method with 405 and the allowed methods', async () => {
    const { headers } = await expectProblem({ method: 'DELETE', url: '/api/health' }, 405, 'METHOD_NOT_ALLOWED');
    expect(headers.allow).toBe('GET, HEAD');
    expect(headers['x-content-type-options']).toBe('nosniff');
    const withParam = await expectProblem(
      { method: 'PUT', url: '/api/v1/services/some-id' },
      405,
      'METHOD_NOT_ALLOWED',
    );
    expect(withParam.headers.allow).toContain('GET');
    await expectProblem({ method: 'GET', url: '/api/v1/matching' }, 405, 'METHOD_NOT_ALLOWED');
  });

  it('answers 406 when the Accept header admits no JSON, and serves any JSON-admitting Accept', async () => {
    const { headers } = await expectProblem(
      { method: 'GET', url: '/api/health', headers: { accept: 'text/csv' } },
      406,
      'NOT_ACCEPTABLE',
    );
    expect(headers['x-content-type-options']).toBe('nosniff');
    await expectProblem(
      { method: 'GET', url: '/api/v1/organizations', headers: { accept: 'application/json;q=0, text/html' } },
      406,
      'NOT_ACCEPTABLE',
    );
    for (const accept of [
      'application/json',
      'application/*',
      '*/*',
      'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      '',
    ]) {
      expect((await app.inject({ method: 'GET', url: '/api/health', headers: { accept } })).statusCode, accept).toBe(
        200,
      );
    }
  });

  it('answers a body over the limit with 413', async () => {
    await expectProblem(json(JSON.stringify({ text: 'x'.repeat(70_000) })), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers a path segment longer than the router accepts with 414', async () => {
    const { body, headers } = await expectProblem(
      { method: 'GET', url: `/api/v1/services/${'a'.repeat(600)}` },
      414,
      'URI_TOO_LONG',
    );
    expect(body.detail).not.toContain('aaaa');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(String(headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it.each([
    ['text/xml', '<text>x</text>'],
    ['application/x-www-form-urlencoded', 'text=abc'],
    ['/////', '{}'],
    ['', '{"text":"abc"}'],
  ])('answers a body of type %j with 415', async (type, payload) => {
    await expectProblem(
      { method: 'POST', url: '/api/v1/matching', headers: { 'content-type': type }, payload },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it.each([
    ['truncated', '{"text":'],
    ['empty', ''],
    ['a prototype key', '{"__proto__":{"admin":true},"text":"abc"}'],
  ])('answers malformed JSON (%s) with 400', async (_name, payload) => {
    await expectProblem(json(payload), 400, 'BAD_REQUEST');
  });

  it.each(['/api/v1/services/%E0%A4%A', '/api/v1/services/%zz', '/%E0%A4%A'])(
    'answers malformed percent-encoding in the path %s with 400',
    async (url) => {
      const { headers } = await expectProblem({ method: 'GET', url }, 400, 'BAD_REQUEST');
      expect(headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it.each([
    ['/api/v1/search?q=%E0%A4%A', ['/querystring/q']],
    ['/api/v1/search?q=%zz&lang=en', ['/querystring/q']],
    ['/api/v1/search?q=ok&type=%C3%28', ['/querystring/type']],
    ['/api/v1/services?a%2Fb%=1', ['/querystring/a%2Fb%']],
  ])('answers malformed percent-encoding in the query %s with 400 naming the parameter', async (url, pointers) => {
    const { body, headers } = await expectProblem({ method: 'GET', url }, 400, 'BAD_REQUEST');
    expect(body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(pointers);
    expect(headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('type coercion', () => {
  it('never coerces a JSON body: a number where text is expected is a 400 naming the field', async () => {
    const { body } = await expectProblem(json('{"text": 42}'), 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([{ pointer: '/body/text', message: expect.any(String) }]);
    const search = await expectProblem(
      json('{"q": "fatica", "limit": "5", "type": ["service"]}', '/api/v1/search'),
      400,
      'VALIDATION_FAILED',
    );
    expect([...new Set(search.body.errors.map((e: { pointer: string }) => e.pointer))].sort()).toEqual([
      '/body/limit',
      '/body/type',
    ]);
  });

  it('keeps the documented coercion of query strings and the defaults of bodies', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/search?q=fatica&limit=5&type=service&page=1' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ page: 1, limit: 5 });
    const decoded = await app.inject({ method: 'GET', url: '/api/v1/search?q=prove+di%20fatica%C3%A0' });
    expect(decoded.statusCode).toBe(200);
    const posted = await app.inject(json('{"q": "fatica", "limit": 5, "type": "service"}', '/api/v1/search'));
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json()).toMatchObject({ page: 1, limit: 5 });
  });
});
