import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/cookie';
import { ANONYMOUS, type Actor } from './actor.ts';
import { AppError } from './errors.ts';

export interface AuthHooks {
  /** The actor behind a session cookie value, or null. */
  fromSession(token: string): Promise<Actor | null>;
  /** The actor behind an API token (Authorization: Bearer), or null. */
  fromApiToken(token: string): Promise<Actor | null>;
  sessionCookie: string;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether an Origin header names this very site (scheme, host and port as the request reached us). */
export function isSameOrigin(request: FastifyRequest, origin: string): boolean {
  try {
    return new URL(origin).origin === new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return false;
  }
}

/**
 * Resolves the actor of every request (API token, else session cookie, else anonymous) and guards cookie-authenticated
 * writes against cross-site requests: a foreign Origin is refused; without a same-origin Origin the request must echo
 * the session's CSRF token in `X-CSRF-Token`.
 */
export function installAuth(app: FastifyInstance, hooks: AuthHooks): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionToken', null as never);
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    request.actor = ANONYMOUS;
    request.sessionToken = null;
    if (!request.url.startsWith('/api/')) return;
    const origin = request.headers.origin;
    if (UNSAFE.has(request.method) && origin && !isSameOrigin(request, origin)) {
      throw new AppError('FORBIDDEN', 'Cross-site request refused: the Origin is not this site');
    }
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const actor = await hooks.fromApiToken(auth.slice(7).trim());
      if (!actor) throw new AppError('UNAUTHENTICATED', 'The API token is unknown, expired or revoked');
      request.actor = actor;
      return;
    }
    const token = request.cookies?.[hooks.sessionCookie];
    if (!token) return;
    const actor = await hooks.fromSession(token);
    if (!actor) return; // an ended session is the same as none
    request.actor = actor;
    request.sessionToken = token;
    if (UNSAFE.has(request.method) && actor.kind === 'member') {
      const sameOrigin =
        (origin && isSameOrigin(request, origin)) || request.headers['sec-fetch-site'] === 'same-origin';
      const echoed = request.headers['x-csrf-token'];
      if (!sameOrigin && echoed !== actor.csrfToken) {
        throw new AppError('FORBIDDEN', 'Missing or wrong CSRF token: send the X-CSRF-Token header from /api/v1/me');
      }
    }
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    sessionToken: string | null;
  }
}
