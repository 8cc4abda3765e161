import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data directory ${dataDir} is in use by another CL.O.C.K. process ` +
        `(pid ${holder.pid} on ${holder.host}, ${holder.command}, since ${holder.since}). ` +
        'Stop that process first, or point CLOCK_DATA_DIR at another directory.',
    );
  }
}

/** Who holds a lock: `started` and `boot` (Linux) tell the holder's process from a later one given the same pid. */
interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
  started?: string;
  boot?: string;
}

const PROC = fs.existsSync('/proc/self/stat');

/** State letter and start time (clock ticks since boot) of a process, from /proc; null when there is none. */
function procStat(pid: number): { state: string; started: string } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses): state is field 3, starttime field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, started: fields[19]! };
  } catch {
    return null;
  }
}

function bootId(): string | undefined {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * True while the lock's holder runs: a process that exited (or was killed and is a zombie not yet reaped by its
 * parent), or a pid since given to another process (another start time, or another boot), holds nothing.
 */
function holderAlive(holder: LockHolder): boolean {
  if (PROC) {
    if (holder.boot && holder.boot !== bootId()) return false;
    const p = procStat(holder.pid);
    if (!p || p.state === 'Z' || p.state === 'X' || p.state === 'x') return false;
    return !holder.started || holder.started === p.started;
  }
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on an embedded database directory: PGlite does not lock its files, and two processes on one
 * directory corrupt it. A lock left by a dead process on this host (exited, killed, a zombie) is taken over. Throws DataDirLockedError.
 */
export function lockDataDir(dataDir: string, command: string): { release(): void } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, '.clock.lock');
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    command,
    since: new Date().toISOString(),
    started: procStat(process.pid)?.started,
    boot: bootId(),
  };
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
        } catch {
          /* already gone */
        }
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
      const stale = holder.host === me.host && (holder.pid <= 0 || !holderAlive(holder));
      if (!stale) throw new DataDirLockedError(dataDir, holder);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
