#!/usr/bin/env node
// `clock serve` for the benchmark: the same code path as apps/server/bin/clock.mjs serve, started by bench/run.ts as a
// child process under a command line of its own (so that tools stopping "clock.mjs serve" processes leave it alone).
import { register } from 'tsx/esm/api';

register();
const { main, reportError } = await import('../apps/server/src/cli.ts');
try {
  const code = await main(['serve']);
  if (code >= 0) process.exitCode = code;
} catch (e) {
  process.exitCode = reportError(e);
}
