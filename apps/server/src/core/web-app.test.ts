import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { freshDatabase } from '../test/db.ts';
import { testConfig } from '../test/factories.ts';
import { cacheControlFor } from './web-app.ts';

// A built web app as Vite and its compression step leave it: hashed assets, index.html, a favicon, .br and .gz beside.
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-web-'));
const SCRIPT = `console.log(${JSON.stringify('a page of the catalogue '.repeat(50))});`;
const HTML = `<!doctype html><html lang="it"><head><title>CL.O.C.K.</title></head><body>${'<div id="root"></div>'.repeat(20)}</body></html>`;
function write(file: string, text: string, compressed = true) {
  fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  fs.writeFileSync(path.join(dist, file), text);
  if (!compressed) return;
  fs.writeFileSync(path.join(dist, `${file}.br`), zlib.brotliCompressSync(text));
  fs.writeFileSync(path.join(dist, `${file}.gz`), zlib.gzipSync(text));
}
write('index.html', HTML);
write('assets/index-AbC123xy.js', SCRIPT);
write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', false);

let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  database = await freshDatabase();
  app = await buildApp({ config: testConfig({ web: { distDir: dist } }), database, logger: false });
});
afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

describe('the web app', () => {
  it('sends the brotli copy to browsers that accept it, gzip to others, the file itself to the rest', async () => {
    const br = await get('/assets/index-AbC123xy.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);

    const gz = await get('/assets/index-AbC123xy.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-AbC123xy.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
  });

  it('caches hashed assets for a year, revalidates index.html on every visit, other files for an hour', async () => {
    expect((await get('/assets/index-AbC123xy.js', { 'accept-encoding': 'br' })).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await get('/assets/index-AbC123xy.js')).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    for (const url of ['/', '/index.html']) {
      const r = await get(url, { accept: 'text/html', 'accept-encoding': 'br' });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['cache-control'], url).toBe('no-cache');
      expect(r.headers['content-encoding'], url).toBe('br');
    }
    expect((await get('/favicon.svg', { 'accept-encoding': 'br' })).headers['cache-control']).toBe(
      'public, max-age=3600',
    );
  });

  it('answers the app’s own pages with index.html, compressed and never cached stale', async () => {
    const r = await get('/cerca?q=prove', { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'gzip, br' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(r.rawPayload).toString()).toBe(HTML);
  });

  it('never serves the compressed copies by name, and a missing asset is a 404 problem', async () => {
    for (const url of ['/assets/index-AbC123xy.js.br', '/assets/index-AbC123xy.js.gz', '/assets/missing-12345678.js']) {
      const r = await get(url, { 'accept-encoding': 'br' });
      expect(r.statusCode, url).toBe(404);
      expect(r.headers['content-type'], url).toMatch(/application\/problem\+json/);
    }
  });

  it('decides caching by the file served, compressed or not', () => {
    expect(cacheControlFor(path.join('dist', 'assets', 'vendor-CN9tAzjS.css.br'))).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(cacheControlFor(path.join('dist', 'index.html.gz'))).toBe('no-cache');
    expect(cacheControlFor(path.join('dist', 'favicon.svg'))).toBe('public, max-age=3600');
  });
});
