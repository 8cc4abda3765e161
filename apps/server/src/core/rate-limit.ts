import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { RateLimitConfig } from '../config.ts';
import type { RateCounter } from '../modules/identity/rate-limit.service.ts';
import { AppError } from './errors.ts';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/** The plugin's store interface over shared counters (PostgreSQL); without them the plugin keeps counters in memory. */
function sharedStore(counter: RateCounter) {
  return class SharedStore {
    incr(key: string, cb: Callback, timeWindow: number) {
      counter.count(key, timeWindow).then(
        (r) => cb(null, { current: r.count, ttl: r.ttlMs }),
        (e: Error) => cb(e),
      );
    }
    read(key: string, cb: Callback, timeWindow: number) {
      counter.read(key, timeWindow).then(
        (r) => cb(null, { current: r.count, ttl: r.ttlMs }),
        (e: Error) => cb(e),
      );
    }
    child() {
      return this;
    }
  };
}

const tooMany = (after: string) =>
  new AppError('RATE_LIMITED', `Too many requests from this address or account; try again in ${after}`);
/** How many addresses refused for their 404s are remembered at most (the oldest are forgotten first). */
const MAX_BLOCKED = 10_000;

/**
 * Rate limits, answered 429 problem+json with Retry-After: POSTs by anonymous callers per address and by signed-in
 * members per account (a higher quota); and an address that got too many 404s is refused everything but
 * /api/health until the window ends. Counters are shared through `shared` (PostgreSQL) or kept in this process
 * (PGlite: one process). Sign-in failures have their own limit (auth_failures). Register before the routes.
 */
export async function installRateLimits(
  app: FastifyInstance,
  limits: RateLimitConfig,
  shared: RateCounter | null,
): Promise<void> {
  const timeWindow = limits.windowSeconds * 1000;
  const quota = (req: FastifyRequest) => (req.actor.kind === 'anonymous' ? limits.anonymous : limits.member);
  await app.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    timeWindow,
    ...(shared ? { store: sharedStore(shared) as never } : {}),
    // A database hiccup must not refuse requests: the request goes through uncounted.
    skipOnError: true,
    allowList: (req) => req.method !== 'POST' || quota(req) === 0,
    max: (req) => quota(req),
    keyGenerator: (req) =>
      req.actor.kind === 'anonymous'
        ? `post:ip:${req.ip}`
        : `post:member:${req.actor.userId ?? `token:${req.actor.tokenId}`}`,
    errorResponseBuilder: (_req, ctx) => tooMany(ctx.after),
  });
  if (limits.notFound === 0) return;

  // Repeated 404s: counted (shared) before the answer leaves, so the next request of the client already sees the
  // count; an address past the limit is remembered by each process that sees it pass, so checking a request costs no
  // database round trip.
  const countNotFound = app.createRateLimit({
    timeWindow,
    max: limits.notFound,
    allowList: undefined,
    keyGenerator: (req) => `404:ip:${req.ip}`,
  });
  const blocked = new Map<string, number>();
  app.addHook('onSend', async (req, reply) => {
    if (reply.statusCode !== 404) return;
    const r = await countNotFound(req);
    if (!('isExceeded' in r) || !r.isExceeded) return;
    blocked.delete(req.ip);
    blocked.set(req.ip, Date.now() + r.ttl);
    if (blocked.size > MAX_BLOCKED) blocked.delete(blocked.keys().next().value!);
  });
  app.addHook('onRequest', async (req, reply) => {
    const until = blocked.get(req.ip);
    if (until === undefined || req.url === '/api/health') return;
    const left = until - Date.now();
    if (left <= 0) {
      blocked.delete(req.ip);
      return;
    }
    const seconds = Math.ceil(left / 1000);
    reply.header('retry-after', String(seconds));
    throw tooMany(`${seconds} seconds`);
  });
}
