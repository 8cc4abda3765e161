import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, clock, serveInChild, waitFor } from './test/cli.ts';
import { operatorScenario } from './test/cli-scenario.ts';

// The `clock` command as a user runs it, on a real embedded data directory.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the clock command', () => {
  it('runs the background work once: reminds the nucleus of overdue demo requests and delivers the mail', () => {
    const env = { CLOCK_DATA_DIR: path.join(tmp, 'jobs') };
    expect(clock(['seed', 'demo'], env).code).toBe(0);
    const user = clock(
      [
        'user',
        'create',
        '--email',
        'staff@lucense.example',
        '--name',
        'Staff Lucense',
        '--role',
        'centre-staff',
        '--org',
        'lucense',
        '--password-stdin',
      ],
      env,
      'una password lunga 123\n',
    );
    expect(user.code, user.err).toBe(0);
    const run = clock(['jobs', 'run', '--digest'], env);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(
      /Reminders: [1-9]\d* overdue request\(s\)\. Bookings: \d+ expired, \d+ reminded\. Brokerage: \d+ outcome question\(s\), \d+ expired, \d+ reminded\. Digests: 0\. E-mail: [1-9]\d* sent, 0 failed/,
    );
    // Without SMTP_URL the mail is written to the log: the reminder (to the demo nucleus members) names the request.
    expect(run.err).toMatch(
      /\[mail to chiara\.lombardi@lucense\.example\.org\] \[CL\.O\.C\.K\.\] R-\d{4} aggiornamento/,
    );
    expect(run.err).toMatch(/è in ritardo: è nello stato «inviata» dal \d{2}\/\d{2}\/\d{4}/);
    expect(clock(['jobs', 'run'], env).out).toMatch(
      /Reminders: 0 overdue request\(s\)\. \(They already ran in the last 15 minutes\.\) Bookings: 0 expired, 0 reminded\./,
    );
    // The digest went out with the first run: asked again the same day, it is not sent twice.
    expect(clock(['jobs', 'run', '--digest'], env).out).toMatch(/Digest: already sent since the digest hour/);
  }, 600_000);

  it('imports, exports the same bundle, and rejects a bad one listing every problem', () => {
    const env = { CLOCK_DATA_DIR: path.join(tmp, 'a') };
    const bundle = {
      format: 'clock-bundle/1',
      organizations: [{ id: 'centro-uno', kind: 'centre', name: 'Centro Uno', town: 'Lucca', province: 'LU' }],
      services: [
        { id: 'servizio-uno', organization: 'centro-uno', title: { it: 'Prove', en: 'Tests' }, kind: 'testing' },
      ],
    };
    const file = path.join(tmp, 'in.json');
    fs.writeFileSync(file, JSON.stringify(bundle));
    const imp = clock(['import', file], env);
    expect(imp.code, imp.err).toBe(0);
    expect(imp.out).toMatch(/Imported 2 records .*2 created/);
    const again = clock(['import', '-'], env, JSON.stringify(bundle));
    expect(again.out).toMatch(/2 unchanged/);
    const exp = clock(['export'], env);
    expect(exp.code).toBe(0);
    expect(JSON.parse(exp.out)).toEqual(bundle);

    const bad = clock(
      ['import', '-'],
      env,
      JSON.stringify({
        format: 'clock-bundle/1',
        organizations: [{ id: 'X' }],
        services: [{ id: 's', organization: 'ghost', title: { it: 'x' } }],
      }),
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('/organizations/0/kind: is required');
    expect(bad.err).toContain('/organizations/0/id: must be');
    expect(bad.err).toContain('/services/0/organization: unknown organisation "ghost"');
    expect(JSON.parse(clock(['export'], env).out)).toEqual(bundle);
  }, 600_000);

  it('backs up a data directory and restores it into a new one, refusing one that is not empty', () => {
    const from = { CLOCK_DATA_DIR: path.join(tmp, 'backup-from') };
    const into = { CLOCK_DATA_DIR: path.join(tmp, 'backup-into') };
    const file = path.join(tmp, 'clock.backup');
    expect(clock(['seed', 'demo'], from).code).toBe(0);
    const backup = clock(['backup', file], from);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.err).toMatch(/Backed up \d+ rows of \d+ tables/);
    const restore = clock(['restore', file], into);
    expect(restore.code, restore.err).toBe(0);
    expect(clock(['export'], into).out).toBe(clock(['export'], from).out);
    const again = clock(['restore', file], into);
    expect(again.code).toBe(1);
    expect(again.err).toContain('The database is not empty');
    expect(again.err).toMatch(/\/organizations: holds \d+ row/);
  }, 600_000);

  it('explains unknown commands and invalid configuration', () => {
    const r = clock(['frobnicate'], {});
    expect(r.code).toBe(2);
    expect(r.err).toContain('Unknown command "frobnicate"');
    const c = clock(['migrate'], { PORT: 'abc', CLOCK_SEED: 'maybe', DATABASE_URL: 'mysql://x' });
    expect(c.code).toBe(1);
    expect(c.err).toContain('PORT must be an integer');
    expect(c.err).toContain('CLOCK_SEED must be "demo" or "none"');
    expect(c.err).toContain('DATABASE_URL must be a postgres://');
  });

  it('serves the demo network, locks its data directory against a second process, and stops cleanly on SIGTERM', async () => {
    const dir = path.join(tmp, 'served');
    const port = 30000 + Math.floor(Math.random() * 20000);
    const server = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, CLOCK_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: 'pipe',
    });
    let log = '';
    server.stdout.on('data', (d) => {
      log += d;
    });
    server.stderr.on('data', (d) => {
      log += d;
    });
    try {
      await waitFor(`http://127.0.0.1:${port}/api/health`);
      const orgs = (await (await fetch(`http://127.0.0.1:${port}/api/v1/organizations?limit=100`)).json()) as {
        items: { id: string }[];
      };
      const ids = orgs.items.map((o: { id: string }) => o.id);
      expect(ids).toEqual(
        expect.arrayContaining(['regione-toscana', 'lucense', 'asev', 'cosvig', 'cptm', 'navigo', 'tls']),
      );

      // A second server on the same directory is refused (operator commands go through the first one instead).
      const second = clock(['serve'], { CLOCK_DATA_DIR: dir, PORT: '0' });
      expect(second.code).toBe(1);
      expect(second.err).toContain(`in use by another CL.O.C.K. process (pid ${server.pid}`);
      expect(second.err).toContain('clock serve');
    } finally {
      server.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => server.on('exit', (c) => resolve(c)));
    expect(code, log).toBe(0);
    expect(fs.existsSync(path.join(dir, '.clock.lock'))).toBe(false);
    // The data survives a restart and the lock can be taken again.
    const exp = clock(['export'], { CLOCK_DATA_DIR: dir });
    expect(exp.code).toBe(0);
    expect(JSON.parse(exp.out).organizations.length).toBeGreaterThanOrEqual(7);
  });

  it('hands every operator command to the server running on the data directory, through an owner-only socket', async () => {
    const dir = path.join(tmp, 'beside');
    const server = await serveInChild({ CLOCK_DATA_DIR: dir, CLOCK_SEED: 'none' });
    const socket = path.join(dir, 'clock.sock');
    try {
      const stat = fs.statSync(socket);
      expect(stat.isSocket()).toBe(true);
      expect(stat.mode & 0o777).toBe(0o600);
      await operatorScenario({ CLOCK_DATA_DIR: dir }, server.base, tmp);
      // The seed, migrate, jobs and backup commands too; `serve` and `restore` still need the directory to themselves.
      expect(clock(['migrate'], { CLOCK_DATA_DIR: dir }).out).toContain('the running server applied them');
      // The background work once, beside the server's own worker.
      const jobs = clock(['jobs', 'run', '--digest'], { CLOCK_DATA_DIR: dir });
      expect(jobs.code, jobs.err).toBe(0);
      expect(jobs.out).toMatch(/Reminders: \d+ overdue request\(s\)\./);
      // A backup taken while the service runs, restored elsewhere.
      const file = path.join(tmp, 'beside.backup');
      const backup = clock(['backup', file], { CLOCK_DATA_DIR: dir });
      expect(backup.code, backup.err).toBe(0);
      expect(backup.err).toMatch(/Backed up \d+ rows of \d+ tables/);
      expect(fs.existsSync(`${file}.partial`)).toBe(false);
      const restored = { CLOCK_DATA_DIR: path.join(tmp, 'beside-restored') };
      expect(clock(['restore', file], restored).code).toBe(0);
      expect(clock(['user', 'list'], restored).out).toContain('3 account(s).');
    } finally {
      expect(await server.stop(), server.log()).toBe(0);
    }
    expect(fs.existsSync(socket)).toBe(false);
    // Without a server the same commands open the directory themselves.
    const list = clock(['user', 'list'], { CLOCK_DATA_DIR: dir });
    expect(list.code, list.err).toBe(0);
    expect(list.out).toContain('3 account(s).');
  }, 400_000);

  it('opens the directory itself when a socket was left behind by a server that died', () => {
    const dir = path.join(tmp, 'stale');
    expect(clock(['migrate'], { CLOCK_DATA_DIR: dir }).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'clock.sock'), '');
    const r = clock(['user', 'list', '--json'], { CLOCK_DATA_DIR: dir });
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual([]);
  });
});
