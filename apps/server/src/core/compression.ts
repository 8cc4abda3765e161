import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import compress from '@fastify/compress';

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
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (route.compress === undefined && methods.some((m) => m !== 'GET' && m !== 'HEAD')) route.compress = false;
  });
  app.addHook('onRequest', async (request) => {
    const cookie = request.headers.cookie ?? '';
    if (request.headers.authorization !== undefined || cookie.includes(`${sessionCookie}=`)) {
      // The plugin's documented opt-out, read when the answer is sent.
      request.headers['x-no-compression'] = '1';
    }
  });
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
