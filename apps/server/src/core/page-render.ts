import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LANG_COOKIE } from '@clock/contracts';

/**
 * Server-side rendering of the web app's pages for visitors without a session (search engines, link previews, a
 * first visit on a phone): the web build's renderer (apps/web/dist-ssr/entry-server.js, `vite build --ssr`) renders
 * the page with answers the server gets from its own API on the visitor's behalf (same routes, same rules, the
 * visitor's address for rate limits), and the page goes out as HTML with that data embedded, so the browser shows it
 * before any script runs and then takes it over (hydration).
 *
 * Only anonymous visitors: what they see is public by construction (the API answers them as anonymous), and a page
 * never carries anybody's private data. A visitor with a session, a renderer that fails or takes too long, or a build
 * without the renderer gets the plain index.html as before: the browser renders it.
 */

type ApiAnswer = { ok: true; body: unknown } | { ok: false; status: number; problem?: unknown };
interface PageHead {
  title: string;
  description?: string;
  type?: string;
}
interface RenderedPage {
  html: string;
  data: { lang: 'it' | 'en' };
  head?: PageHead;
  status: number;
}
interface Renderer {
  render(
    url: string,
    o: { lang: 'it' | 'en'; get: (url: string) => Promise<ApiAnswer>; signal: AbortSignal; origin: string },
  ): Promise<RenderedPage>;
}

export interface PageRenderer {
  /** Renders the page at `request.url`, or null when it should be left to the browser. */
  render(request: FastifyRequest): Promise<{ html: string; status: number } | null>;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const RENDER_TIMEOUT_MS = 3000;
const ROOT = '<div id="root"></div>';

/** Embeds JSON in an HTML page: nothing in it can end the script element or open a comment. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The <head> of a rendered page: its title and description in place of the template's, the canonical address (the
 * instance's public address and the path; the language is a cookie, not a different address) and the Open Graph
 * tags link previews read.
 */
export function writeHead(template: string, head: PageHead | undefined, o: { url: string; lang: 'it' | 'en' }): string {
  if (!head) return template;
  const title = escapeAttribute(head.title);
  let out = template.replace(/<title>[^<]*<\/title>/, () => `<title>${title}</title>`);
  const description = head.description ? escapeAttribute(head.description) : undefined;
  if (description)
    out = out.replace(
      /<meta name="description" content="[^"]*"\s*\/?>/,
      () => `<meta name="description" content="${description}" />`,
    );
  const url = escapeAttribute(o.url);
  const tags = [
    `<link rel="canonical" href="${url}" />`,
    `<meta property="og:site_name" content="CL.O.C.K." />`,
    `<meta property="og:title" content="${title}" />`,
    description ? `<meta property="og:description" content="${description}" />` : '',
    `<meta property="og:url" content="${url}" />`,
    `<meta property="og:type" content="${escapeAttribute(head.type ?? 'website')}" />`,
    `<meta property="og:locale" content="${o.lang === 'en' ? 'en_GB' : 'it_IT'}" />`,
    `<meta name="twitter:card" content="summary" />`,
  ].filter(Boolean);
  return out.replace('</head>', () => `    ${tags.join('\n    ')}\n  </head>`);
}

/**
 * The page: the template with the rendered app in #root, the data after it, and the language on <html>. The page is
 * readable before any script runs, so the app starts after the first paint: the module script and its preloads give
 * way to /boot.js (apps/web/public), which loads them once the browser has painted, and the stylesheet and fonts have
 * the connection to themselves until then.
 */
export function assemblePage(template: string, page: RenderedPage, url = ''): string {
  const body = `<div id="root">${page.html}</div><script id="clock-page-data" type="application/json">${jsonForHtml(page.data)}</script>`;
  const preloads: string[] = [];
  let entry = '';
  const head = template
    .replace(/<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g, (_all, href: string) => {
      preloads.push(href);
      return '';
    })
    .replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/, (_all, src: string) => {
      entry = src;
      return '<script defer src="/boot.js" data-entry="ENTRY" data-preload="PRELOAD"></script>';
    });
  return writeHead(head, page.head, { url, lang: page.data.lang })
    .replace('data-entry="ENTRY"', () => `data-entry="${entry}"`)
    .replace('data-preload="PRELOAD"', () => `data-preload="${preloads.join(' ')}"`)
    .replace(ROOT, () => body)
    .replace(/<html lang="[a-z]+"/, `<html lang="${page.data.lang}"`);
}

/** The renderer of a built web app (null when the build has none). */
export async function loadPageRenderer(
  app: FastifyInstance,
  dist: string,
  o: { sessionCookie: string; publicUrl: string },
): Promise<PageRenderer | null> {
  const entry = path.join(dist, '..', 'dist-ssr', 'entry-server.js');
  const templateFile = path.join(dist, 'index.html');
  if (!fs.existsSync(entry) || !fs.existsSync(templateFile)) return null;
  const template = fs.readFileSync(templateFile, 'utf8');
  if (!template.includes(ROOT)) return null;
  const renderer = (await import(pathToFileURL(entry).href)) as Renderer;

  return {
    async render(request) {
      if (request.headers.authorization !== undefined || request.cookies?.[o.sessionCookie] !== undefined) return null;
      const lang = request.cookies?.[LANG_COOKIE] === 'en' ? 'en' : 'it';
      const get = async (url: string): Promise<ApiAnswer> => {
        if (!url.startsWith('/api/v1/')) return { ok: false, status: 400 };
        const res = await app.inject({
          method: 'GET',
          url,
          headers: { accept: 'application/json', 'accept-language': request.headers['accept-language'] ?? '' },
          remoteAddress: request.ip,
        });
        let body: unknown;
        try {
          body = res.json();
        } catch {
          body = undefined;
        }
        return res.statusCode === 200 ? { ok: true, body } : { ok: false, status: res.statusCode, problem: body };
      };
      try {
        const page = await renderer.render(request.url, {
          lang,
          get,
          signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
          origin: o.publicUrl,
        });
        return { html: assemblePage(template, page, o.publicUrl + request.url), status: page.status };
      } catch (error) {
        request.log.warn({ err: error, url: request.url }, 'page not rendered on the server; the browser will');
        return null;
      }
    },
  };
}

/** A page of the web app: rendered here when it can be, else index.html for the browser to render. */
export async function sendPage(renderer: PageRenderer | null, request: FastifyRequest, reply: FastifyReply) {
  const page = renderer ? await renderer.render(request) : null;
  if (!page) return reply.sendFile('index.html');
  reply
    .code(page.status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('vary', 'cookie, accept-encoding');
  // Compressed like the API's anonymous answers (core/compression.ts), whose hooks do not reach this fallback.
  const accepts = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepts)) {
    const body = await brotli(page.html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } });
    return reply.header('content-encoding', 'br').send(body);
  }
  if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(await gzip(page.html));
  return reply.send(page.html);
}
