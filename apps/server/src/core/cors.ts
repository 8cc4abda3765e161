import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Cross-origin reads of the public API (decision 020). A route is public when it declares `config: { public: true }`:
 * it answers the same to everyone who is not signed in and reveals nothing a session would add to a caller who sends
 * no credentials. Its GET and HEAD answers (errors too) carry `Access-Control-Allow-Origin: *` — never with
 * credentials, so a browser sends no cookie along and exposes nothing that depends on one — and a preflight for it
 * is answered. Every other route (anything that depends on a session, every write) gets no CORS header at all, so a
 * page on another origin cannot read it.
 */
export function installCors(app: FastifyInstance): void {
  const patterns: RegExp[] = [];
  app.addHook('onRoute', (r) => {
    if (!(r.config as { public?: boolean } | undefined)?.public) return;
    const methods = [r.method].flat();
    if (methods.some((m) => m !== 'GET' && m !== 'HEAD'))
      throw new Error(`${methods.join(',')} ${r.url}: only GET routes can be public`);
    patterns.push(routePattern(r.url));
  });
  const isPublicPath = (url: string) => {
    const path = url.split('?')[0]!;
    return patterns.some((p) => p.test(path));
  };

  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return;
    if (!(req.routeOptions.config as { public?: boolean } | undefined)?.public) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'ETag, Last-Modified, Retry-After, Content-Disposition');
    // Helmet's default (same-origin) would stop a page elsewhere from embedding the answer.
    reply.header('cross-origin-resource-policy', 'cross-origin');
  });

  // Preflight: answered for public paths only, before routing (no OPTIONS route exists); any other path goes on to
  // the 404 problem, with no CORS header.
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'OPTIONS') return;
    const method = String(req.headers['access-control-request-method'] ?? '').toUpperCase();
    if (!isPublicPath(req.url) || (method !== 'GET' && method !== 'HEAD')) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-allow-methods', 'GET, HEAD');
    const asked = req.headers['access-control-request-headers'];
    if (asked) reply.header('access-control-allow-headers', String(asked).slice(0, 500));
    reply.header('access-control-max-age', '86400');
    return reply.status(204).send();
  });
}

/** A route URL (`/api/v1/things/:id`, `/files/*`) as a regular expression over paths. */
export function routePattern(url: string): RegExp {
  const body = url
    .split('/')
    .map((seg) =>
      seg === '*'
        ? '.*'
        : seg.startsWith(':')
          ? '[^/]+'
          : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\*$/, '.*'),
    )
    .join('/');
  return new RegExp(`^${body}$`);
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public read: answered to cross-origin readers (core/cors.ts). */
    public?: boolean;
  }
}
