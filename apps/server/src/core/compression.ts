import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import compress from '@fastify/compress';

/** Answers up to this size are compressed in one call; larger ones (and streams) go through the plugin's streams. */
const AT_ONCE_MAX = 256 * 1024;
const THRESHOLD = 1024;
const BROTLI_QUALITY = 4;
const COMPRESSIBLE = /^(application\/(?:[\w.+-]+\+)?json|text\/)/i;

/** The encoding to answer with: br or gzip, whichever the client weighs higher (br on a tie), or null for neither. */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  let best: 'br' | 'gzip' | null = null;
  let bestQ = 0;
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) weights.set(name, q === undefined ? 1 : Number(q) || 0);
  }
  for (const name of ['br', 'gzip'] as const) {
    const q = weights.get(name) ?? weights.get('*') ?? 0;
    if (q > bestQ) {
      best = name;
      bestQ = q;
    }
  }
  return best;
}

/**
 * Compresses API answers (JSON) on the fly for anonymous visitors: the reference lists a page loads (taxonomy labels,
 * 160 KB of JSON; the organisations) shrink five- to tenfold on a phone's connection. Brotli at quality 4 (fast) or
 * gzip; nothing under 1 KB. The web app's files are compressed once at build time (core/web-app.ts), never here.
 *
 * Not compressed: answers to requests that carry credentials (a session cookie or an Authorization header), so a
 * secret (the CSRF token, confidential request details) never shares a compressed body with text an attacker chose
 * (BREACH); and answers to writes. Request bodies are never decompressed.
 */
export async function installCompression(app: FastifyInstance, sessionCookie: string): Promise<void> {
  const uncompressed = new Set<string>();
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (route.compress === undefined && methods.some((m) => m !== 'GET' && m !== 'HEAD')) route.compress = false;
    if (route.compress === false) for (const m of methods) uncompressed.add(`${m} ${route.url}`);
  });
  app.addHook('onRequest', async (request) => {
    const cookie = request.headers.cookie ?? '';
    if (request.headers.authorization !== undefined || cookie.includes(`${sessionCookie}=`)) {
      // The plugin's documented opt-out, read when the answer is sent.
      request.headers['x-no-compression'] = '1';
    }
  });
  // An answer already in memory (a serialised JSON, most API answers) is compressed in one call: the plugin would wrap
  // it in a readable stream and pipe it through a compression stream, whose objects and native buffers for every
  // answer made the main thread's heap grow by 100-150 MiB under 4 clients searching (docs/benchmarks.md, "Memory at
  // 100,000 offers"). The same encodings and quality; streams and large answers still go through the plugin.
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (request.method !== 'GET' || request.headers['x-no-compression'] !== undefined) return payload;
    if (uncompressed.has(`${request.method} ${request.routeOptions.url}`)) return payload;
    const length = Buffer.byteLength(payload);
    if (length < THRESHOLD || length > AT_ONCE_MAX || reply.hasHeader('content-encoding')) return payload;
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? 'application/json'))) return payload;
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    if (!encoding) return payload;
    const body =
      encoding === 'br'
        ? zlib.brotliCompressSync(payload, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
              // The window and tables fit the answer instead of brotli's 4 MiB default.
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: length,
            },
          })
        : zlib.gzipSync(payload, { level: 6 });
    const vary = String(reply.getHeader('vary') ?? '');
    if (!/accept-encoding/i.test(vary)) reply.header('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return body;
  });
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: THRESHOLD,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
    zlibOptions: { level: 6 },
  });
}
