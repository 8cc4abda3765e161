import path from 'node:path';

/** The whole configuration, read once from the environment; nothing else reads process.env. */
export interface Config {
  http: { port: number; host: string; bodyLimitBytes: number; trustProxy: boolean };
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  seed: 'demo' | 'none';
  log: { level: string };
  /** The built web app; null: apps/web/dist; empty: serve no web app. */
  web: { distDir: string | null };
  /** Where people reach the site: links in e-mails point here. */
  publicUrl: string;
  /** SMTP server for e-mail; null: e-mails are written to the log (development). */
  mail: { url: string | null; from: string };
  /** An OpenID Connect provider for single sign-on (e.g. a regional gateway to SPID/CIE); null: none. */
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | null;
  /** Background work: e-mail delivery every `intervalMs` (0: no worker in this process), reminders, the daily digest. */
  worker: { intervalMs: number; digestHour: number };
  /** Prometheus metrics at /metrics (off by default), behind a bearer token when one is given. */
  metrics: { enabled: boolean; token: string | null };
  /**
   * Requests per window: POSTs by anonymous callers per address, POSTs by signed-in members per account, and answers
   * 404 per address (past it, the address is refused until the window ends). 0 turns a limit off.
   */
  rateLimit: RateLimitConfig;
  /**
   * The search index's snapshot file (decision 026), in the data directory; null: none (an in-memory database,
   * PostgreSQL without CLOCK_DATA_DIR, or CLOCK_INDEX_SNAPSHOT=off).
   */
  search: { snapshotFile: string | null };
}

export interface RateLimitConfig {
  windowSeconds: number;
  anonymous: number;
  member: number;
  notFound: number;
  /** Open-data downloads (catalogue and files) per address; absent or 0: no limit. */
  downloads?: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The search index's snapshot, beside the embedded database's files. */
export const SEARCH_SNAPSHOT_FILE = 'search-index.snapshot';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Builds the config from an environment, listing every invalid variable at once. Throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const port = int('PORT', 3000, 0, 65535);
  const bodyLimitBytes = int('CLOCK_BODY_LIMIT', 1_048_576, 1024, 1_073_741_824);
  const host = env.HOST || '0.0.0.0';

  let database: Config['database'];
  const url = env.DATABASE_URL;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      problems.push(
        'DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)',
      );
    }
    database = { kind: 'postgres', url };
  } else {
    database = { kind: 'pglite', dataDir: path.resolve(cwd, env.CLOCK_DATA_DIR || 'data') };
  }

  const seedRaw = env.CLOCK_SEED || 'demo';
  if (seedRaw !== 'demo' && seedRaw !== 'none') problems.push(`CLOCK_SEED must be "demo" or "none" (got "${seedRaw}")`);
  const level = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(level)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${level}")`);
  const trustProxyRaw = env.CLOCK_TRUST_PROXY || 'false';
  if (!['true', 'false'].includes(trustProxyRaw))
    problems.push(`CLOCK_TRUST_PROXY must be true or false (got "${trustProxyRaw}")`);

  const publicUrl = (env.CLOCK_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(publicUrl))
    problems.push(`CLOCK_PUBLIC_URL must be an http(s) URL (got "${publicUrl}")`);
  const smtp = env.SMTP_URL || null;
  if (smtp && !/^smtps?:\/\//.test(smtp)) problems.push(`SMTP_URL must be an smtp:// or smtps:// URL (got "${smtp}")`);
  const from = env.CLOCK_MAIL_FROM || 'CL.O.C.K. <no-reply@localhost>';

  let oidc: Config['oidc'] = null;
  if (env.OIDC_ISSUER) {
    if (!/^https?:\/\//.test(env.OIDC_ISSUER))
      problems.push(`OIDC_ISSUER must be an http(s) URL (got "${env.OIDC_ISSUER}")`);
    if (!env.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID is required with OIDC_ISSUER');
    if (!env.OIDC_CLIENT_SECRET) problems.push('OIDC_CLIENT_SECRET is required with OIDC_ISSUER');
    oidc = {
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID ?? '',
      clientSecret: env.OIDC_CLIENT_SECRET ?? '',
      name: env.OIDC_NAME || 'SSO',
    };
  }

  const workerIntervalMs = int('CLOCK_WORKER_INTERVAL_MS', 10_000, 0, 3_600_000);
  const digestHour = int('CLOCK_DIGEST_HOUR', 7, 0, 23);
  const rateLimit: RateLimitConfig = {
    windowSeconds: int('CLOCK_RATE_LIMIT_WINDOW_S', 60, 1, 86_400),
    anonymous: int('CLOCK_RATE_LIMIT_ANONYMOUS', 60, 0, 1_000_000_000),
    member: int('CLOCK_RATE_LIMIT_MEMBER', 600, 0, 1_000_000_000),
    notFound: int('CLOCK_RATE_LIMIT_NOT_FOUND', 60, 0, 1_000_000_000),
    downloads: int('CLOCK_RATE_LIMIT_DOWNLOADS', 30, 0, 1_000_000_000),
  };

  const metricsRaw = env.CLOCK_METRICS || 'off';
  if (!['on', 'off'].includes(metricsRaw)) problems.push(`CLOCK_METRICS must be on or off (got "${metricsRaw}")`);

  const snapshotRaw = env.CLOCK_INDEX_SNAPSHOT || 'on';
  if (!['on', 'off'].includes(snapshotRaw))
    problems.push(`CLOCK_INDEX_SNAPSHOT must be on or off (got "${snapshotRaw}")`);
  const snapshotDir =
    database.kind === 'pglite' ? database.dataDir : env.CLOCK_DATA_DIR ? path.resolve(cwd, env.CLOCK_DATA_DIR) : null;
  const snapshotFile = snapshotRaw === 'on' && snapshotDir ? path.join(snapshotDir, SEARCH_SNAPSHOT_FILE) : null;

  if (problems.length) throw new ConfigError(problems);
  return {
    http: { port, host, bodyLimitBytes, trustProxy: trustProxyRaw === 'true' },
    database,
    seed: seedRaw as Config['seed'],
    log: { level },
    web: { distDir: env.CLOCK_WEB_DIST ?? null },
    publicUrl,
    mail: { url: smtp, from },
    oidc,
    worker: { intervalMs: workerIntervalMs, digestHour },
    metrics: { enabled: metricsRaw === 'on', token: env.CLOCK_METRICS_TOKEN || null },
    rateLimit,
    search: { snapshotFile },
  };
}
