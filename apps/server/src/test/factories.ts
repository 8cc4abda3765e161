import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import type { Config } from '../config.ts';

/** A config for tests: nothing read from the environment, quiet logs, no web app. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    http: { port: 0, host: '127.0.0.1', bodyLimitBytes: 65536, trustProxy: false },
    database: { kind: 'pglite', dataDir: '' },
    seed: 'none',
    log: { level: 'silent' },
    web: { distDir: '' },
    publicUrl: 'http://localhost',
    mail: { url: null, from: 'CL.O.C.K. <no-reply@example.org>' },
    oidc: null,
    worker: { intervalMs: 0, digestHour: 7 },
    metrics: { enabled: false, token: null },
    // Limits far above what any test sends; rate-limit.test.ts sets low ones.
    rateLimit: { windowSeconds: 60, anonymous: 1_000_000, member: 1_000_000, notFound: 1_000_000 },
    search: { snapshotFile: null },
    ...overrides,
  };
}

const uid = () => crypto.randomBytes(4).toString('hex');

/** Bundle records with unique ids, so tests never depend on each other's data. */
export function buildOrganization(over: Record<string, unknown> = {}) {
  return { id: `org-${uid()}`, kind: 'centre', name: `Centro ${uid()}`, ...over };
}
export function buildOffer(organization: string, over: Record<string, unknown> = {}) {
  return { id: `rec-${uid()}`, organization, title: { it: 'Servizio di prova' }, ...over };
}
export function buildExpert(organization: string, over: Record<string, unknown> = {}) {
  return { id: `exp-${uid()}`, organization, name: 'Giulia Bianchi', publicProfile: true, ...over };
}
export function bundleStream(bundle: unknown): Readable {
  const text = typeof bundle === 'string' ? bundle : JSON.stringify(bundle);
  // Small chunks exercise the streaming parser.
  const chunks: Buffer[] = [];
  const buf = Buffer.from(text);
  for (let i = 0; i < buf.length; i += 64) chunks.push(buf.subarray(i, i + 64));
  return Readable.from(chunks);
}

/** Signs in through the API and returns headers for cookie-authenticated requests (with the CSRF token). */
export async function signInHeaders(app: import('fastify').FastifyInstance, email: string, password: string) {
  const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (r.statusCode !== 200) throw new Error(`sign-in failed: ${r.statusCode} ${r.body}`);
  const cookie = r.cookies.find((c) => c.name === 'clock_session')!;
  return { cookie: `clock_session=${cookie.value}`, 'x-csrf-token': r.json().csrfToken as string };
}
export const PASSWORD = 'correct horse battery';
let userSeq = 0;
export const uniqueEmail = (role: string) => `${role}-${Date.now().toString(36)}-${++userSeq}@example.org`;
