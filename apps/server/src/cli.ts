import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { AppError } from './core/errors.ts';
import type { Database } from './db/client.ts';
import { DataDirLockedError } from './db/lock.ts';
import {
  describeFailure,
  operatorLabel,
  USER_USAGE,
  type OperationIO,
  type OperationRequest,
} from './cli-operations.ts';
import { tuneServerHeap } from './core/heap.ts';
import { channelPath, sendToServer } from './admin-channel.ts';

// Heavy modules (database, HTTP server, search vocabularies) load only for the command that needs them.
const load = {
  db: () => import('./db/client.ts'),
  server: () => import('./server.ts'),
  operations: () => import('./cli-operations.ts'),
  backup: () => import('./modules/backup/backup.service.ts'),
};

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, '');
}

const HELP = `clock — CL.O.C.K. command line

Usage:
  clock serve                 start the web server (PORT, HOST; loads the demo network into an empty database)
  clock import FILE|-         import a clock-bundle/1 file (or standard input): all or nothing
  clock export [FILE]         write the catalogue as clock-bundle/1 (standard output without FILE)
  clock seed demo             load the demo network (idempotent)
  clock backup FILE|-         write a backup of everything (catalogue, accounts, requests, notifications, history…)
  clock restore FILE|- [--force]
                              restore a backup into an empty database (--force replaces what is there)
  clock migrate               apply database migrations
  clock user create --email E --name N --role ROLE [--org ORG] --password-stdin
                              create an account (roles: admin, region, nucleus, centre-manager, centre-staff, company;
                              the four last need --org); the password is read from standard input
  clock user list [--json] [--q TEXT] [--org ORG] [--role ROLE] [--status active|disabled|unverified]
  clock user set-password --email E --password-stdin
  clock user disable|enable --email E   disable ends the account's sessions and API tokens at once
  clock user grant|revoke --email E --role ROLE [--org ORG]
  clock jobs run [--digest]   run the background work once: reminders for overdue requests, the daily digest (with
                              --digest), and delivery of queued e-mail (for servers run with CLOCK_WORKER_INTERVAL_MS=0
                              and a scheduler such as cron)

Beside a running server on the embedded database, the commands above (but serve and jobs) are handed to that server
through its owner-only socket in the data directory; on PostgreSQL they connect to the database directly.

Exit codes: 0 done, 1 refused or failed (the reason is printed), 2 wrong usage.

Environment:
  DATABASE_URL     postgres:// URL for PostgreSQL; unset: embedded PGlite in CLOCK_DATA_DIR (default ./data)
  CLOCK_SEED       demo (default) or none: what serve loads into an empty database
  PORT, HOST       where serve listens (default 3000, 0.0.0.0)
  LOG_LEVEL        fatal|error|warn|info|debug|trace|silent (default info)
  CLOCK_INDEX_SNAPSHOT  on (default) or off: keep the search index in CLOCK_DATA_DIR/search-index.snapshot, so a
                   restart loads it instead of analysing the whole catalogue (PostgreSQL: only with CLOCK_DATA_DIR set)
`;

async function withDatabase<T>(config: Config, command: string, fn: (d: Database) => Promise<T>): Promise<T> {
  const database = await (await load.db()).openDatabase(config.database, command);
  try {
    await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
}

function progressPrinter(total: number | null) {
  const tty = process.stderr.isTTY;
  let last = 0;
  return (p: { bytes: number; records: number; errors: number }, done = false) => {
    const now = Date.now();
    if (!done && now - last < 200) return;
    last = now;
    const pct = total ? ` ${Math.floor((p.bytes / total) * 100)}%` : '';
    const line = `import:${pct} ${(p.bytes / 1048576).toFixed(1)} MiB read, ${p.records} records, ${p.errors} problems`;
    if (tty) process.stderr.write(`\r${line}\x1b[K${done ? '\n' : ''}`);
    else if (done) process.stderr.write(line + '\n');
  };
}

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      help: { type: 'boolean', short: 'h' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      org: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      digest: { type: 'boolean' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
      q: { type: 'string' },
      status: { type: 'string' },
    },
  });
  const [command, arg] = positionals;
  if (values.help || !command || command === 'help') {
    process.stdout.write(HELP);
    return command || values.help ? 0 : 1;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      tuneServerHeap();
      const server = await (await load.server()).startServer(config);
      console.log(`CL.O.C.K. is running at ${server.url}`);
      return -1; // keep running
    }
    case 'migrate':
    case 'seed':
    case 'import':
    case 'export':
    case 'user':
    case 'backup':
    case 'jobs':
      return runOperatorCommand(config, { command, arg, values: values as OperationRequest['values'] });
    case 'restore': {
      if (!arg) {
        console.error('Usage: clock restore FILE (or - for standard input) [--force]');
        return 2;
      }
      if (arg !== '-' && !fs.existsSync(arg)) {
        console.error(`No such file: ${arg}`);
        return 2;
      }
      const { restoreBackup } = await load.backup();
      const source = arg === '-' ? process.stdin : fs.createReadStream(arg);
      const r = await withDatabase(config, 'clock restore', (d) =>
        restoreBackup(d, source, { force: values.force === true }),
      );
      // A search index snapshot of what was there before is of no use (a start would notice and rebuild anyway).
      if (config.search.snapshotFile) fs.rmSync(config.search.snapshotFile, { force: true });
      console.log(`Restored ${r.rows} rows of ${Object.keys(r.tables).length} tables.`);
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n`);
      process.stderr.write(HELP);
      return 2;
  }
}

const operatorName = () => {
  try {
    return os.userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? '?'}`;
  }
};

/**
 * Runs an operator's command: handed to the running server through its channel when one holds the embedded data
 * directory, else on a database opened here (PostgreSQL always: the database serves both at once).
 */
async function runOperatorCommand(config: Config, req: OperationRequest): Promise<number> {
  if (req.command === 'import' && !req.arg) {
    console.error('Usage: clock import FILE (or - for standard input)');
    return 2;
  }
  if (req.command === 'backup' && !req.arg) {
    console.error('Usage: clock backup FILE (or - for standard output)');
    return 2;
  }
  if (req.command === 'user' && !req.arg) {
    console.error(USER_USAGE);
    return 2;
  }
  if (req.command === 'user' && (req.arg === 'create' || req.arg === 'set-password')) {
    if (!req.values['password-stdin']) {
      console.error('Give the password on standard input with --password-stdin (never on the command line).');
      return 2;
    }
    req.password = await readStdin();
  }
  let input: NodeJS.ReadableStream | null = null;
  let size: number | null = null;
  if (req.command === 'import') {
    size = req.arg === '-' ? null : (fs.statSync(req.arg!, { throwIfNoEntry: false })?.size ?? null);
    if (req.arg !== '-' && size === null) {
      console.error(`No such file: ${req.arg}`);
      return 2;
    }
    input = req.arg === '-' ? process.stdin : fs.createReadStream(req.arg!);
  }
  const toFile = (req.command === 'export' || req.command === 'backup') && req.arg && req.arg !== '-';
  // A backup is written beside its target and renamed when complete: FILE is never a half-written backup.
  const partial = toFile && req.command === 'backup' ? `${req.arg}.partial` : null;
  const out = toFile ? fs.createWriteStream(partial ?? req.arg!) : process.stdout;
  const finish = async (code: number) => {
    if (out !== process.stdout) {
      // A backup ends its stream itself (its gzip pipeline); wait until the file is closed either way.
      const file = out as fs.WriteStream;
      if (!file.writableEnded)
        await new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve())));
      else if (!file.closed) await once(file, 'close');
    }
    if (partial && code === 0) fs.renameSync(partial, req.arg!);
    if (partial) fs.rmSync(partial, { force: true });
    return code;
  };
  try {
    return await handOverOrRun(config, req, { input, out, size }, finish);
  } catch (e) {
    if (partial) fs.rmSync(partial, { force: true });
    throw e;
  }
}

/** Hands the command to the server holding the embedded data directory, or runs it on a database opened here. */
async function handOverOrRun(
  config: Config,
  req: OperationRequest,
  { input, out, size }: { input: NodeJS.ReadableStream | null; out: Writable; size: number | null },
  finish: (code: number) => Promise<number>,
): Promise<number> {
  const print = (line: string) => console.log(line);
  const warn = (line: string) => console.error(line);
  const operator = operatorName();

  if (config.database.kind === 'pglite') {
    const served = await sendToServer(
      channelPath(config.database.dataDir),
      { v: 1, operator, ...req },
      input as never,
      { out, print, warn },
    );
    if (served !== null) return finish(served);
  }
  const { runOperation } = await load.operations();
  const io: OperationIO = {
    input: input as never,
    out,
    print,
    warn,
    progress: req.command === 'import' ? progressPrinter(size) : undefined,
  };
  const code = await withDatabase(config, `clock ${req.command}${req.arg ? ` ${req.arg}` : ''}`, (database) =>
    runOperation(
      { database, operator: { kind: 'operator', label: operatorLabel(operator) }, io, served: false, settings: config },
      req,
    ),
  );
  return finish(code);
}

/** Prints an error for a person: configuration, lock and bundle problems in full, anything else with its stack. */
export function reportError(e: unknown): number {
  if (e instanceof ConfigError || e instanceof DataDirLockedError) {
    console.error(e.message);
    return 1;
  }
  const failure = describeFailure(e);
  if (failure) {
    if (e instanceof AppError && process.stderr.isTTY) process.stderr.write('\n');
    for (const line of failure.lines) console.error(line);
    return failure.code;
  }
  console.error(e);
  return 1;
}
