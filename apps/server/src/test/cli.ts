import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The `clock` command as a user runs it: a child process, with its own environment and standard input.
export const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/clock.mjs');

export function clock(args: string[], env: Record<string, string>, input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export async function waitFor(url: string, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

/** `clock serve` as a child process on a random port; `stop` sends SIGTERM and resolves the exit code. */
export async function serveInChild(env: Record<string, string>) {
  const port = 30000 + Math.floor(Math.random() * 20000);
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      CLOCK_WEB_DIST: '',
      CLOCK_WORKER_INTERVAL_MS: '0',
      ...env,
    },
    stdio: 'pipe',
  });
  let log = '';
  child.stdout.on('data', (d) => {
    log += d;
  });
  child.stderr.on('data', (d) => {
    log += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health`);
  return {
    child,
    base,
    log: () => log,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Signs in over HTTP; answers the session cookie header, or the failed response's status. */
export async function httpSignIn(
  base: string,
  email: string,
  password: string,
): Promise<{ status: number; cookie: string }> {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { status: r.status, cookie };
}
