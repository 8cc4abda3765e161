// Entry of the analysis thread: worker threads do not inherit the main thread's TypeScript loader
// (docs/decisions/002-run-typescript-with-tsx.md), so the thread registers tsx itself before loading its code.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
