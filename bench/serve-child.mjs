#!/usr/bin/env node
// `clock serve` for the benchmark: the same code path as apps/server/bin/clock.mjs serve, started by bench/run.ts as a
// child process under a command line of its own (so that tools stopping "clock.mjs serve" processes leave it alone).
// CLOCK_BENCH_ROOT runs another checkout of the repository (bench/lighthouse.ts --base).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const cli = process.env.CLOCK_BENCH_ROOT
  ? pathToFileURL(path.join(process.env.CLOCK_BENCH_ROOT, 'apps/server/src/cli.ts')).href
  : '../apps/server/src/cli.ts';
const { main, reportError } = await import(cli);
try {
  const code = await main(['serve']);
  if (code >= 0) process.exitCode = code;
} catch (e) {
  process.exitCode = reportError(e);
}
