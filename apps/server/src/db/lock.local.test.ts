import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.ts';

// The data-directory lock tells a dead holder (exited, a zombie not yet reaped, or a pid since reused) from a live one.
const linux = fs.existsSync('/proc/self/stat');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-lock-'));
// `sh` starts a short child in the background and becomes a `sleep` that never reaps it: the child stays a zombie.
const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 60'], { stdio: ['ignore', 'pipe', 'ignore'] });
let zombie = 0;
beforeAll(async () => {
  zombie = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (d) => resolve(String(d).trim()))));
  if (!linux) return;
  const end = Date.now() + 10_000;
  while (Date.now() < end && !/\) Z /.test(fs.readFileSync(`/proc/${zombie}/stat`, 'utf8')))
    await new Promise((r) => setTimeout(r, 20));
});
afterAll(() => {
  parent.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

const holderFile = (dir: string, holder: object) => {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, '.clock.lock'),
    JSON.stringify({ host: os.hostname(), command: 'clock serve', since: '2026-01-01T00:00:00Z', ...holder }),
  );
};

describe.skipIf(!linux)('the data directory lock', () => {
  it('is taken over from a killed server that is still a zombie', () => {
    const dir = path.join(tmp, 'zombie');
    holderFile(dir, { pid: zombie });
    const lock = lockDataDir(dir, 'clock serve');
    expect(JSON.parse(fs.readFileSync(path.join(dir, '.clock.lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('is taken over when the pid now belongs to another process, and refused while its holder lives', () => {
    const dir = path.join(tmp, 'reused');
    holderFile(dir, { pid: parent.pid, started: '1' });
    lockDataDir(dir, 'clock serve').release();

    const live = lockDataDir(dir, 'clock serve');
    expect(() => lockDataDir(dir, 'clock import')).toThrow(DataDirLockedError);
    live.release();
  });
});
