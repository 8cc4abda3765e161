import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { type PageRenderer, sendPage } from './page-render.ts';

/**
 * Serving the built web app (apps/web/dist): the files the build wrote, each with the brotli and gzip copies the build
 * made beside it (`x.js.br`, `x.js.gz`) chosen by the browser's Accept-Encoding, so nothing is compressed per request.
 * Vite names everything under assets/ by its content hash: those files never change and are cached for a year
 * (`immutable`); index.html is revalidated on every visit (`no-cache`, answered 304 by its ETag when unchanged), so a
 * release reaches people at once; the few other files (favicon) are cached for an hour.
 */

const COMPRESSED = /\.(br|gz)$/;

export function cacheControlFor(file: string): string {
  const name = file.replace(COMPRESSED, '').split(path.sep).join('/');
  if (/(^|\/)assets\//.test(name)) return 'public, max-age=31536000, immutable';
  if (name.endsWith('.html')) return 'no-cache';
  return 'public, max-age=3600';
}

/** The built web app to serve, if there is one (distDir null: the default place; empty: serve the API only). */
export function webAppDir(distDir: string | null, fallback: string): string | null {
  if (distDir === '') return null;
  const dist = distDir ?? fallback;
  return fs.existsSync(path.join(dist, 'index.html')) ? dist : null;
}

/** Registers the static files; the app's client-side routes are answered by `webAppFallback`. */
export async function serveWebApp(app: FastifyInstance, dist: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    wildcard: false,
    // `/` is a page like the others (core/page-render.ts), not the file.
    index: false,
    preCompressed: true,
    // The compressed copies are chosen by Accept-Encoding, never asked for by name.
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (res, file) => {
      res.setHeader('cache-control', cacheControlFor(file));
      // Caches must keep the encodings apart (the plugin does not say so itself).
      res.setHeader('vary', 'accept-encoding');
    },
  });
}

/**
 * A page of the web app (any GET for HTML outside /api/): rendered on the server for visitors without a session,
 * else index.html; other unknown paths stay a 404. `renderer()` is read per request: it is loaded after the routes.
 */
export function webAppFallback(renderer: () => PageRenderer | null) {
  return (request: FastifyRequest, reply: FastifyReply) => {
    if (
      request.method !== 'GET' ||
      request.url.startsWith('/api/') ||
      !(request.headers.accept ?? '').includes('text/html')
    )
      return undefined;
    return sendPage(renderer(), request, reply);
  };
}
