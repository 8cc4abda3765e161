import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { chooseEncoding } from './compression.ts';
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

  it('compresses an answer held in memory in one go, with the encoding the client weighs higher', async () => {
    const body = JSON.stringify(LONG);
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['br;q=0.5, gzip', 'gzip'],
      ['gzip;q=0, br;q=0', undefined],
      ['*', 'br'],
      ['identity', undefined],
    ] as const) {
      const r = await app.inject({ method: 'GET', url: '/test/long', headers: { 'accept-encoding': accept } });
      expect(r.headers['content-encoding'], accept).toBe(encoding);
      expect(Number(r.headers['content-length']), accept).toBe(r.rawPayload.length);
      const plain =
        encoding === 'br'
          ? zlib.brotliDecompressSync(r.rawPayload)
          : encoding === 'gzip'
            ? zlib.gunzipSync(r.rawPayload)
            : r.rawPayload;
      expect(plain.toString(), accept).toBe(body);
      if (encoding) expect(r.headers.vary).toMatch(/accept-encoding/i);
    }
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding('deflate')).toBeNull();
    expect(chooseEncoding('GZIP;q=0.8, *;q=0.1')).toBe('gzip');
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
