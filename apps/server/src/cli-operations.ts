import type { Readable, Writable } from 'node:stream';
import type { Config } from './config.ts';
import type { Operator } from './core/actor.ts';
import { AppError } from './core/errors.ts';
import type { Database } from './db/client.ts';

// The operator's commands that work on the database (`clock user …`, `clock export`, `clock backup`, `clock import`,
// `clock seed demo`, `clock migrate`), written once and run either by the `clock` process on a database it opened itself, or by a running
// server on its own database when the CLI hands the command over its owner-only channel (see admin-channel.ts).

const load = {
  prepare: () => import('./db/prepare.ts'),
  seed: () => import('./db/seed/demo.ts'),
  bundle: () => import('./modules/catalogue/bundle.service.ts'),
  identity: () => import('./modules/identity/identity.service.ts'),
  people: () => import('./modules/identity/people.service.ts'),
  backup: () => import('./modules/backup/backup.service.ts'),
  worker: () => import('./worker.ts'),
  mailer: () => import('./core/mailer.ts'),
};

/** A command as the CLI parsed it; what travels over the channel (the password read from standard input included). */
export interface OperationRequest {
  command: string;
  arg?: string;
  values: Record<string, string | boolean | undefined>;
  /** Read by the CLI from standard input for `user create` and `user set-password`. */
  password?: string;
}

export interface OperationIO {
  /** Standard input (import), or null. */
  input: Readable | null;
  /** Where a bundle is written (export). */
  out: Writable;
  print(line: string): void;
  warn(line: string): void;
  progress?: (p: { bytes: number; records: number; errors: number }, done?: boolean) => void;
}

export interface OperationContext {
  database: Database;
  operator: Operator;
  io: OperationIO;
  /** True when a running server runs the command on the database it holds (already migrated and prepared). */
  served: boolean;
  /** What `clock jobs run` needs besides the database: links in messages, the mail server, the digest hour. */
  settings: Pick<Config, 'publicUrl' | 'mail' | 'worker'>;
}

export const USER_USAGE = `Usage:
  clock user create --email E --name N --role ROLE [--org ORG] --password-stdin
  clock user list [--json] [--q TEXT] [--org ORG] [--role ROLE] [--status active|disabled|unverified]
  clock user set-password --email E --password-stdin
  clock user disable --email E          (ends the account's sessions and API tokens at once)
  clock user enable --email E
  clock user grant --email E --role ROLE [--org ORG]
  clock user revoke --email E --role ROLE [--org ORG]`;

/** How the audit trail names an operator at the command line. */
export const operatorLabel = (name: string) => `operator ${name.slice(0, 100)} (clock CLI)`;

/** Exit codes: 0 done, 1 refused (invalid input, unknown account, conflict), 2 wrong usage. */
export class UsageError extends Error {}

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

/** Runs one command; returns the exit code. Throws AppError (reported with every problem) or UsageError. */
export async function runOperation(ctx: OperationContext, req: OperationRequest): Promise<number> {
  const { database, io } = ctx;
  switch (req.command) {
    case 'migrate': {
      if (ctx.served) {
        io.print('Migrations are applied: the running server applied them at start.');
        return 0;
      }
      const { prepareDatabase } = await load.prepare();
      await prepareDatabase(database, 'none');
      io.print('Migrations applied.');
      return 0;
    }
    case 'seed': {
      if (req.arg !== 'demo') throw new UsageError('Usage: clock seed demo');
      const [{ prepareDatabase }, { seedDemo }] = await Promise.all([load.prepare(), load.seed()]);
      if (!ctx.served) await prepareDatabase(database, 'none');
      const r = await seedDemo(database.db);
      io.print(`Demo network loaded: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged.`);
      return 0;
    }
    case 'import': {
      if (!io.input) throw new UsageError('Usage: clock import FILE (or - for standard input)');
      const started = Date.now();
      const { importBundle } = await load.bundle();
      const r = await importBundle(database.db, io.input, io.progress);
      io.progress?.({ bytes: 0, records: r.records, errors: 0 }, true);
      const by = Object.entries(r.byCollection)
        .filter(([, n]) => n)
        .map(([c, n]) => `${n} ${c}`)
        .join(', ');
      io.print(
        `Imported ${r.records} records (${by}): ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
      return 0;
    }
    case 'export': {
      const { exportBundle } = await load.bundle();
      const counts = await exportBundle(database.db, io.out);
      const by = Object.entries(counts)
        .filter(([, n]) => n)
        .map(([c, n]) => `${n} ${c}`)
        .join(', ');
      io.warn(`Exported ${by || 'nothing'}${req.arg && req.arg !== '-' ? ` to ${req.arg}` : ''}.`);
      return 0;
    }
    case 'backup': {
      // One consistent snapshot of every table, read by whoever holds the database (the running server, or this process).
      const { writeBackup } = await load.backup();
      const r = await writeBackup(database, io.out);
      io.warn(
        `Backed up ${r.rows} rows of ${Object.keys(r.tables).length} tables${req.arg && req.arg !== '-' ? ` to ${req.arg}` : ''}.`,
      );
      return 0;
    }
    case 'jobs':
      return runJobs(ctx, req);
    case 'user':
      return runUserCommand(ctx, req);
    default:
      throw new UsageError(`Unknown command "${req.command}".`);
  }
}

/**
 * The background work once (reminders, bookings' expiry and reminders, the digest with --digest, queued e-mail). Safe beside a server's own worker:
 * every job is claimed in the database, so each runs once whoever starts it.
 */
async function runJobs({ database, io, settings }: OperationContext, req: OperationRequest): Promise<number> {
  if (req.arg !== 'run') throw new UsageError('Usage: clock jobs run [--digest]');
  const [{ runJobsOnce }, { createMailer }] = await Promise.all([load.worker(), load.mailer()]);
  const mailer = createMailer(settings.mail, (m) => io.warn(m));
  try {
    const r = await runJobsOnce({
      db: database.db,
      publicUrl: settings.publicUrl,
      mailer,
      digest: req.values.digest === true,
      digestHour: settings.worker.digestHour,
    });
    const digest = !r.digestAsked
      ? ''
      : r.digests === null
        ? 'Digest: already sent since the digest hour. '
        : `Digests: ${r.digests}. `;
    io.print(
      `Reminders: ${r.reminders} overdue request(s).${r.remindersRan ? '' : ' (They already ran in the last 15 minutes.)'} Bookings: ${r.bookingsExpired} expired, ${r.bookingReminders} reminded. Brokerage: ${r.brokerage.asked} outcome question(s), ${r.brokerage.interestsExpired + r.brokerage.opportunitiesExpired} expired, ${r.brokerage.interestsReminded + r.brokerage.opportunitiesReminded} reminded. ${digest}E-mail: ${r.sent} sent, ${r.failed} failed (retried later).`,
    );
    return r.failed ? 1 : 0;
  } finally {
    mailer.close();
  }
}

async function runUserCommand({ database, operator, io }: OperationContext, req: OperationRequest): Promise<number> {
  const v = req.values;
  const email = str(v.email);
  const people = await load.people();
  const needEmail = () => {
    if (!email) throw new UsageError(`Give the account with --email.\n${USER_USAGE}`);
    return { email };
  };
  const needPassword = () => {
    if (!v['password-stdin'] || req.password === undefined)
      throw new UsageError('Give the password on standard input with --password-stdin (never on the command line).');
    return req.password;
  };
  const role = () => ({ role: str(v.role) ?? '', organization: str(v.org) ?? null });
  switch (req.arg) {
    case 'create': {
      const password = needPassword();
      const { createUser } = await load.identity();
      const user = await createUser(
        database.db,
        {
          email: email ?? '',
          name: str(v.name) ?? '',
          role: str(v.role) ?? '',
          organization: str(v.org),
          password,
        },
        operator,
      );
      io.print(`Created ${user.email} (${String(v.role)}${v.org ? ` at ${String(v.org)}` : ''}).`);
      return 0;
    }
    case 'list': {
      const items = [];
      for (let page = 1; ; page++) {
        const r = await people.listPeople(database.db, operator, {
          q: str(v.q),
          organization: str(v.org),
          role: str(v.role),
          status: str(v.status),
          page,
          limit: 100,
        });
        items.push(...r.items);
        if (page * r.limit >= r.total) break;
      }
      if (v.json) {
        io.print(JSON.stringify(items, null, 2));
        return 0;
      }
      if (!items.length) {
        io.print('No accounts.');
        return 0;
      }
      const rows = items.map((p) => [
        p.email,
        p.name,
        p.status,
        [p.platformRole, ...p.memberships.map((m) => `${m.role}@${m.organization}`)].filter(Boolean).join(', ') || '—',
      ]);
      const head = ['E-MAIL', 'NAME', 'STATUS', 'ROLES'];
      const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      for (const r of [head, ...rows])
        io.print(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  '));
      io.print(`${items.length} account(s).`);
      return 0;
    }
    case 'set-password': {
      const ref = needEmail();
      const password = needPassword();
      await people.setPasswordAsOperator(database.db, operator, ref, password);
      io.print(`Password set for ${ref.email}; its sessions have ended.`);
      return 0;
    }
    case 'disable':
    case 'enable': {
      const ref = needEmail();
      const r = await people.setAccountDisabled(database.db, operator, ref, req.arg === 'disable');
      if (!r.changed) io.print(`${ref.email} was already ${req.arg}d.`);
      else if (req.arg === 'disable')
        io.print(
          `Disabled ${ref.email}: ${r.sessionsEnded} session(s) ended, ${r.tokensRevoked} API token(s) revoked.`,
        );
      else io.print(`Enabled ${ref.email}.`);
      return 0;
    }
    case 'grant':
    case 'revoke': {
      const ref = needEmail();
      const change = role();
      if (!change.role) throw new UsageError(`Give the role with --role.\n${USER_USAGE}`);
      const p =
        req.arg === 'grant'
          ? await people.grantRole(database.db, operator, ref, change)
          : await people.revokeRole(database.db, operator, ref, change);
      const roles =
        [p.platformRole, ...p.memberships.map((m) => `${m.role}@${m.organization}`)].filter(Boolean).join(', ') ||
        'no role';
      io.print(
        `${req.arg === 'grant' ? 'Granted' : 'Revoked'} ${change.role}${change.organization ? ` at ${change.organization}` : ''} ${req.arg === 'grant' ? 'to' : 'from'} ${ref.email}; now: ${roles}.`,
      );
      return 0;
    }
    default:
      throw new UsageError(USER_USAGE);
  }
}

/** An error as the operator reads it, and the exit code: 2 for wrong usage, 1 for anything refused. */
export function describeFailure(e: unknown): { lines: string[]; code: number } | null {
  if (e instanceof UsageError) return { lines: [e.message], code: 2 };
  if (e instanceof AppError) {
    // The service speaks of HTTP bodies; at the command line the same fields are options.
    return {
      lines: [e.message, ...e.errors.map((p) => `  ${(p.pointer || '/').replace(/^\/body\//, '/')}: ${p.message}`)],
      code: 1,
    };
  }
  return null;
}
