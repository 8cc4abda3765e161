import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildGolden } from '../apps/server/src/test/global-setup.ts';

/**
 * Prepares once per run an embedded data directory as a server started with CLOCK_SEED=demo leaves it (migrated, the
 * reference taxonomies and the demo network loaded): every journey's server starts on a copy of it instead of
 * loading the demo again, which takes seconds per journey.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-e2e-golden-'));
  const dataDir = path.join(dir, 'data');
  buildGolden(project, ['datadir', dataDir]);
  project.provide('e2eDataDir', dataDir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eDataDir: string;
  }
}
