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

describe('pages rendered on the server', () => {
  // A build with a renderer beside it (dist-ssr/entry-server.js): this one asks the real API for the network overview
  // and renders the path; `/boom` fails, `/missing` is a page that does not exist.
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-ssr-'));
  const ssrDist = path.join(base, 'dist');
  const TEMPLATE = `<!doctype html><html lang="it"><head><script type="module" crossorigin src="/assets/index-AbC.js"></script><link rel="modulepreload" crossorigin href="/assets/vendor-AbC.js"></head><body><div id="root"></div></body></html>`;
  fs.mkdirSync(ssrDist, { recursive: true });
  fs.writeFileSync(path.join(ssrDist, 'index.html'), TEMPLATE);
  fs.mkdirSync(path.join(base, 'dist-ssr'));
  fs.writeFileSync(
    path.join(base, 'dist-ssr', 'entry-server.js'),
    `export async function render(url, o) {
      if (url === '/boom') throw new Error('cannot render');
      const network = await o.get('/api/v1/network');
      const missing = await o.get('/api/v1/competences/none-such');
      return {
        html: '<p>rendered ' + url.replace(/[<&]/g, '') + '</p>',
        data: { lang: o.lang, anonymous: true, api: { '/api/v1/network': network.body, trap: '</script><script>alert(1)</script><!--' }, errors: { '/api/v1/competences/none-such': missing } },
        status: url === '/missing' ? 404 : 200,
      };
    }`,
  );
  let ssrApp: FastifyInstance;
  beforeAll(async () => {
    ssrApp = await buildApp({ config: testConfig({ web: { distDir: ssrDist } }), database, logger: false });
  });
  afterAll(async () => {
    await ssrApp.close();
    fs.rmSync(base, { recursive: true, force: true });
  });
  const page = (url: string, headers: Record<string, string> = {}) =>
    ssrApp.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });
  const embedded = (html: string) =>
    JSON.parse(html.match(/<script id="clock-page-data" type="application\/json">(.*?)<\/script>/s)?.[1] ?? 'null');

  it('sends a visitor without a session the page itself, with the data it was made from', async () => {
    const r = await page('/cerca?q=prove', { 'accept-encoding': 'br' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers.vary).toMatch(/cookie/);
    expect(r.headers['content-encoding']).toBe('br');
    const html = zlib.brotliDecompressSync(r.rawPayload).toString();
    expect(html).toContain('<div id="root"><p>rendered /cerca?q=prove</p></div>');
    const data = embedded(html);
    expect(data.api['/api/v1/network'].totals).toBeDefined();
    expect(data.errors['/api/v1/competences/none-such']).toMatchObject({ ok: false, status: 404 });
    // Data cannot end the script element or open a comment, and reads back as it was.
    expect(html).not.toContain('</script><script>alert');
    expect(html).not.toContain('<!--');
    expect(data.api.trap).toBe('</script><script>alert(1)</script><!--');
    // The page reads without scripts, so the app starts once the browser has painted it.
    expect(html).toContain(
      '<script defer src="/boot.js" data-entry="/assets/index-AbC.js" data-preload="/assets/vendor-AbC.js"></script>',
    );
    expect(html).not.toContain('type="module"');
    expect(html).not.toContain('modulepreload');
  });

  it('renders in the language the visitor chose, and answers 404 for a page that does not exist', async () => {
    const en = await page('/', { cookie: 'clock_lang=en' });
    expect(en.body).toMatch(/^<!doctype html><html lang="en"/);
    expect(embedded(en.body).lang).toBe('en');
    const missing = await page('/missing');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('<p>rendered /missing</p>');
  });

  it('leaves the page to the browser for a signed-in visitor or when rendering fails', async () => {
    for (const headers of [{ cookie: 'clock_session=abc' }, { authorization: 'Bearer x' }] as Record<
      string,
      string
    >[]) {
      const r = await page('/cerca', headers);
      expect(r.statusCode).toBe(200);
      expect(r.body).toBe(TEMPLATE);
    }
    const failed = await page('/boom');
    expect(failed.statusCode).toBe(200);
    expect(failed.body).toBe(TEMPLATE);
  });
});
