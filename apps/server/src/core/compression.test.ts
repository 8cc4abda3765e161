import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { freshDatabase } from '../test/db.ts';
import { testConfig } from '../test/factories.ts';

let database: Database;
let app: FastifyInstance;
const LONG = { text: 'Prove di fatica su giunti saldati. '.repeat(200) };
beforeAll(async () => {
  database = await freshDatabase();
  app = await buildApp({ config: testConfig(), database, logger: false });
  // Two answers of the same size, one read and one write, to see which of them is compressed.
  app.get('/test/long', async () => LONG);
  app.post('/test/long', async () => LONG);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('compression of API answers', () => {
  it('compresses a large JSON answer to an anonymous read with brotli, or gzip', async () => {
    const br = await app.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString()).openapi).toBe('3.1.0');
    const gz = await app.inject({ method: 'GET', url: '/test/long', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString())).toEqual(LONG);
  });

  it('leaves small answers, writes and answers to requests with credentials uncompressed', async () => {
    const small = await app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    const write = await app.inject({
      method: 'POST',
      url: '/test/long',
      headers: { 'accept-encoding': 'br' },
      payload: {},
    });
    expect(write.headers['content-encoding']).toBeUndefined();
    expect(write.json()).toEqual(LONG);
    for (const headers of [{ cookie: 'clock_session=abc' }, { authorization: 'Bearer clock_abc' }]) {
      const r = await app.inject({
        method: 'GET',
        url: '/test/long',
        headers: { 'accept-encoding': 'br, gzip', ...headers },
      });
      expect(r.headers['content-encoding'], JSON.stringify(headers)).toBeUndefined();
      expect(r.json()).toEqual(LONG);
    }
  });

  it('never decompresses a request body', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/matching',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: zlib.gzipSync(JSON.stringify({ text: 'prove di fatica' })),
    });
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.statusCode).toBeLessThan(500);
  });
});
