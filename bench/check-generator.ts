/**
 * A hand-run check of the benchmark generator (not part of the test suite):
 *
 *   tsx bench/check-generator.ts [--records 1000] [--seed 1]
 *
 * validates a generated bundle against packages/contracts/schemas/catalogue-bundle.schema.json with Ajv (draft 2020-12),
 * checks that the same seed gives byte-identical output, and prints the language mix, title and description lengths
 * and a few sample queries.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import { generateBundle, generateQueries } from './generate.ts';

const require = createRequire(import.meta.url);
const schema = require('../packages/contracts/schemas/catalogue-bundle.schema.json');
const Ajv2020 = require('ajv/dist/2020').default as typeof import('ajv').default;
const addFormats = require('ajv-formats').default as (ajv: unknown) => void;

async function render(
  records: number,
  seed: number,
): Promise<{ text: string; summary: Awaited<ReturnType<typeof generateBundle>> }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const summary = await generateBundle({ records, seed }, out);
  out.end();
  return { text: Buffer.concat(chunks).toString('utf8'), summary };
}

const { values } = parseArgs({
  options: { records: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } },
});
const records = Number(values.records);
const seed = Number(values.seed);

const a = await render(records, seed);
const b = await render(records, seed);
const c = await render(records, seed + 1);
const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);
console.log(`sha256 seed ${seed}: ${hash(a.text)} / again: ${hash(b.text)} / seed ${seed + 1}: ${hash(c.text)}`);
if (a.text !== b.text) throw new Error('the same seed gave different output');
if (a.text === c.text) throw new Error('different seeds gave the same output');

const doc = JSON.parse(a.text) as Record<string, Record<string, unknown>[]>;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
if (!validate(doc)) {
  console.error(validate.errors?.slice(0, 20));
  throw new Error(`schema validation failed with ${validate.errors?.length} errors`);
}
console.log(
  `valid clock-bundle/1: ${a.summary.total} records, ${(a.text.length / 1024).toFixed(0)} KiB`,
  JSON.stringify({
    organizations: doc.organizations?.length,
    competences: doc.competences?.length,
    services: doc.services?.length,
    equipment: doc.equipment?.length,
    experts: doc.experts?.length,
  }),
);

// Referential integrity: every record's organisation is in the bundle; ids are unique per collection.
const orgIds = new Set(doc.organizations!.map((o) => o.id as string));
for (const col of ['competences', 'services', 'equipment', 'experts']) {
  const ids = new Set<string>();
  for (const r of doc[col] ?? []) {
    if (!orgIds.has(r.organization as string))
      throw new Error(`${col} ${String(r.id)}: unknown organisation ${String(r.organization)}`);
    if (ids.has(r.id as string)) throw new Error(`${col}: duplicate id ${String(r.id)}`);
    ids.add(r.id as string);
  }
}

const offers = ['competences', 'services', 'equipment'].flatMap((k) => doc[k] ?? []);
const mix = { it: 0, en: 0, both: 0 };
const titleWords: number[] = [];
const descWords: number[] = [];
const n = (s: unknown) => (typeof s === 'string' ? s.split(/\s+/).filter(Boolean).length : 0);
for (const o of offers) {
  const t = o.title as { it?: string; en?: string };
  const d = o.description as { it?: string; en?: string };
  mix[t.it && t.en ? 'both' : t.it ? 'it' : 'en']++;
  for (const s of [t.it, t.en]) if (s) titleWords.push(n(s));
  for (const s of [d.it, d.en]) if (s) descWords.push(n(s));
}
const range = (xs: number[]) =>
  `${Math.min(...xs)}-${Math.max(...xs)} (mean ${(xs.reduce((s, x) => s + x, 0) / xs.length).toFixed(1)})`;
const pct = (k: keyof typeof mix) => `${((mix[k] / offers.length) * 100).toFixed(0)}%`;
console.log(`languages: it-only ${pct('it')}, en-only ${pct('en')}, both ${pct('both')}`);
console.log(`title words ${range(titleWords)}; description words ${range(descWords)}`);
if (Math.min(...titleWords) < 4 || Math.max(...titleWords) > 10) throw new Error('a title is outside 4-10 words');
if (Math.min(...descWords) < 20 || Math.max(...descWords) > 60) throw new Error('a description is outside 20-60 words');

console.log('\nsample records:');
for (const col of ['competences', 'services', 'equipment', 'experts'])
  console.log(JSON.stringify(doc[col]![3], null, 1));
console.log('\nsample queries:');
for (const q of generateQueries({ seed, count: 30, organizationIds: [...orgIds] }))
  console.log(q.category.padEnd(10), new URLSearchParams(q.params).toString());
