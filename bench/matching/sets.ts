/**
 * The labelled sets of the matching benchmark and how each one's catalogue is loaded into a fresh in-memory database:
 * the demo network (its own seed) and, when present, the blind sets (bench/matching/second/ and third/, other regions'
 * catalogues written and graded by people who never read the engine), loaded with the platform's bundle import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { createPglite, wrapPglite, type Database } from '../../apps/server/src/db/client.ts';
import { seedDemo } from '../../apps/server/src/db/seed/demo.ts';
import { importBundle } from '../../apps/server/src/modules/catalogue/bundle.service.ts';
import { buildApp } from '../../apps/server/src/app.ts';
import { SearchService } from '../../apps/server/src/modules/search/search.service.ts';
import type { AnalysisSettings } from '../../apps/server/src/modules/search/analysis.policy.ts';
import { testConfig } from '../../apps/server/src/test/factories.ts';
import { BUNDLE_FILE, loadCatalogue, loadProblems, type Catalogue, type Lang, type Problem } from './problems.ts';

const HERE = path.dirname(new URL(import.meta.url).pathname);
export const SECOND_DIR = path.join(HERE, 'second');
export const THIRD_DIR = path.join(HERE, 'third');

/** A keyword query of the search box, with the records a person would expect in the first ten. */
export interface KeywordQuery {
  id: string;
  lang: Lang;
  query: string;
  relevant: string[];
}
/** A clean, correctly spelled text: no word of it should be "corrected". */
export interface ControlText {
  id: string;
  lang: Lang;
  text: string;
}

export interface LabelledSet {
  name: string;
  catalogue: Catalogue;
  problems: Problem[];
  queries: KeywordQuery[];
  control: ControlText[];
  /** Whether the set's texts and corrections may be printed (the second set's may not: its texts stay unread). */
  showTexts: boolean;
  load: (database: Database) => Promise<void>;
}

const readJson = <T>(file: string, fallback: T): T =>
  fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : fallback;

function build(
  name: string,
  bundleFile: string,
  dir: string,
  showTexts: boolean,
  load: LabelledSet['load'],
): LabelledSet | string {
  const catalogue = loadCatalogue(bundleFile);
  const { problems, errors } = loadProblems(catalogue, path.join(dir, 'problems.json'));
  if (errors.length) return `${name}: ${errors.length} labelling error(s): ${errors.slice(0, 5).join('; ')}`;
  return {
    name,
    catalogue,
    problems,
    queries: readJson<KeywordQuery[]>(path.join(dir, 'queries.json'), []),
    control: readJson<ControlText[]>(path.join(dir, 'control.json'), []),
    showTexts,
    load,
  };
}

export function demoSet(): LabelledSet | string {
  return build('demo', BUNDLE_FILE, HERE, true, async (database) => {
    await seedDemo(database.db);
  });
}

/** A blind set (a directory with the catalogue as a bundle and its labels), or a sentence saying why it is not there. */
function blindSet(name: string, dir: string): LabelledSet | string {
  const bundle = path.join(dir, 'bundle.json');
  const where = `bench/matching/${path.basename(dir)}`;
  if (!fs.existsSync(bundle) || !fs.existsSync(path.join(dir, 'problems.json')))
    return `${name} set: ${where}/{bundle,problems}.json not found, skipped`;
  return build(name, bundle, dir, false, async (database) => {
    await importBundle(database.db, Readable.from([fs.readFileSync(bundle, 'utf8')]));
  });
}

/** The second set (Emilia-Romagna), or a sentence saying why it is not there. */
export function secondSet(): LabelledSet | string {
  return blindSet('second', SECOND_DIR);
}

/** The third set (Piemonte), written blind after the second had been used to choose settings. */
export function thirdSet(): LabelledSet | string {
  return blindSet('third', THIRD_DIR);
}

/** A fresh in-memory database holding the set's catalogue. */
export async function openDatabase(set: LabelledSet): Promise<Database> {
  const database = wrapPglite(await createPglite());
  await database.migrate();
  await set.load(database);
  return database;
}

/** The app in-process over that database, its analysis thread started with these settings (index built). */
export async function openApp(database: Database, analysis: Partial<AnalysisSettings>): Promise<FastifyInstance> {
  const search = new SearchService(database.db, { worker: { analysis } });
  const app = await buildApp({ config: testConfig(), database, search, logger: false });
  await app.ready();
  return app;
}
