import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly holder: LockHolder) {
    super(
      `The data directory ${dataDir} is in use by another CL.O.C.K. process ` +
        `(pid ${holder.pid} on ${holder.host}, ${holder.command}, since ${holder.since}). ` +
        'Stop that process first, or point CLOCK_DATA_DIR at another directory.',
    );
  }
}

interface LockHolder { pid: number; host: string; command: string; since: string }

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on an embedded database directory: PGlite does not lock its files, and two processes on one
 * directory corrupt it. A lock left by a dead process on this host is taken over. Throws DataDirLockedError.
 */
export function lockDataDir(dataDir: string, command: string): { release(): void } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, '.clock.lock');
  const me: LockHolder = { pid: process.pid, host: os.hostname(), command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
          if (holder.pid === me.pid && holder.host === me.host) fs.unlinkSync(file);
        } catch { /* already gone */ }
      };
      process.once('exit', release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: LockHolder;
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
      } catch {
        holder = { pid: -1, host: os.hostname(), command: 'unknown', since: 'unknown' };
      }
      const stale = holder.host === me.host && (holder.pid <= 0 || !isAlive(holder.pid));
      if (!stale) throw new DataDirLockedError(dataDir, holder);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
