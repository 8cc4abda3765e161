#!/usr/bin/env node
// The `clock` command. TypeScript sources run through tsx (see docs/decisions/002-run-typescript-with-tsx.md).
import { register } from 'tsx/esm/api';

register();
const { main, reportError } = await import('../src/cli.ts');
try {
  const code = await main(process.argv.slice(2));
  if (code >= 0) process.exitCode = code;
} catch (e) {
  process.exitCode = reportError(e);
}
