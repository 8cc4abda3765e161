/**
 * A temporary checkout of another revision, for benchmarks that compare the current code with a base (`--base REV`):
 * a detached git worktree in the temporary directory, whose node_modules links to this checkout's packages except the
 * project's own workspaces (@clock/*), which point at the base's sources. Removed with `remove()`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BaseCheckout {
  rev: string;
  label: string;
  dir: string;
  remove(): void;
}

export function checkoutBase(root: string, rev: string): BaseCheckout {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  const commit = git('rev-parse', '--verify', `${rev}^{commit}`);
  const label = `${rev} (${commit.slice(0, 7)})`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-base-'));
  git('worktree', 'add', '--detach', dir, commit);
  const remove = () => {
    try {
      git('worktree', 'remove', '--force', dir);
    } catch {
      /* already gone */
    }
    fs.rmSync(dir, { recursive: true, force: true });
    try {
      git('worktree', 'prune');
    } catch {
      /* nothing to prune */
    }
  };
  try {
    const modules = path.join(dir, 'node_modules');
    fs.mkdirSync(modules);
    for (const e of fs.readdirSync(path.join(root, 'node_modules'))) {
      if (e !== '@clock') fs.symlinkSync(path.join(root, 'node_modules', e), path.join(modules, e));
    }
    fs.mkdirSync(path.join(modules, '@clock'));
    const workspaces: Record<string, string> = {
      contracts: 'packages/contracts',
      server: 'apps/server',
      web: 'apps/web',
    };
    for (const [name, where] of Object.entries(workspaces)) {
      if (fs.existsSync(path.join(dir, where)))
        fs.symlinkSync(path.join(dir, where), path.join(modules, '@clock', name));
    }
  } catch (e) {
    remove();
    throw e;
  }
  return { rev: commit, label, dir, remove };
}
