/**
 * Checks a blind evaluation set of the matching benchmark (a directory like bench/matching/second/) and prints its
 * figures:
 * - bundle.json against the clock-bundle/1 schema (the copy in the set's directory);
 * - problems.json with the same loader and rules as the main matching set (bench/matching/problems.ts);
 * - queries.json and control.json (ids, languages, referenced records).
 * Each set's own check.ts calls it with its directory; the process exits with code 1 when anything is wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { KINDS, type Lang, loadCatalogue, loadProblems, type RecordType } from './problems.ts';

interface Query {
  id: string;
  lang: Lang;
  query: string;
  relevant: string[];
}
interface Control {
  id: string;
  lang: Lang;
  text: string;
}

/** Checks the set in `dir`, prints its figures, and exits with code 1 when anything is wrong. */
export function checkSet(dir: string): void {
  const file = (name: string) => path.join(dir, name);
  const readJson = <T>(name: string): T => JSON.parse(fs.readFileSync(file(name), 'utf8')) as T;
  const errors: string[] = [];
  const count = <K extends string>(keys: K[]) => {
    const out: Partial<Record<K, number>> = {};
    for (const k of keys) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  const pct = (n: number, total: number) => `${n} (${total ? Math.round((100 * n) / total) : 0}%)`;

  // 1. The bundle against the schema.
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(readJson<object>('catalogue-bundle.schema.json'));
  if (!validate(readJson<unknown>('bundle.json'))) {
    for (const e of validate.errors ?? []) errors.push(`bundle.json${e.instancePath}: ${e.message}`);
  }

  // 2. The catalogue as the matching benchmark reads it, and the problems with its rules.
  const catalogue = loadCatalogue(file('bundle.json'));
  const records = [...catalogue.records.values()];
  const { problems, errors: problemErrors } = loadProblems(catalogue, file('problems.json'));
  errors.push(...problemErrors.map((e) => `problems.json ${e}`));
  for (const p of problems) {
    // The organisation holding a grade-3 record is graded 3 itself.
    for (const [id, grade] of Object.entries(p.records ?? {})) {
      const org = catalogue.records.get(id)?.organization;
      if (grade === 3 && org && p.organizations?.[org] !== 3)
        errors.push(`problems.json ${p.id}: "${id}" has grade 3 but its organisation "${org}" is not graded 3`);
      if (org && !(org in (p.organizations ?? {})))
        errors.push(`problems.json ${p.id}: organisation "${org}" of graded record "${id}" is not graded`);
    }
    if (p.kind === 'multi-aspect' && new Set(p.aspects.map((a) => a.label)).size !== p.aspects.length)
      errors.push(`problems.json ${p.id}: repeated aspect label`);
  }

  /** Ids present and unique, languages it or en: what queries.json and control.json share. */
  function checkEntries(name: string, list: { id: string; lang: Lang }[]) {
    const seen = new Set<string>();
    for (const e of list) {
      if (!e.id || seen.has(e.id)) errors.push(`${name} ${e.id}: missing or repeated id`);
      seen.add(e.id);
      if (e.lang !== 'it' && e.lang !== 'en') errors.push(`${name} ${e.id}: lang must be "it" or "en"`);
    }
  }

  // 3. Search-box queries.
  const queries = readJson<Query[]>('queries.json');
  checkEntries('queries.json', queries);
  for (const q of queries) {
    const words = q.query?.trim().split(/\s+/).length ?? 0;
    if (words < 1 || words > 4) errors.push(`queries.json ${q.id}: ${words} words (1-4)`);
    if (!q.relevant?.length) errors.push(`queries.json ${q.id}: no relevant records`);
    for (const id of q.relevant ?? [])
      if (!catalogue.records.has(id)) errors.push(`queries.json ${q.id}: unknown record "${id}"`);
  }

  // 4. Correctly spelled control texts for typo correction.
  const control = readJson<Control[]>('control.json');
  checkEntries('control.json', control);
  for (const c of control) {
    if (typeof c.text !== 'string' || c.text.trim() === '') errors.push(`control.json ${c.id}: empty text`);
  }

  // Figures.
  const types: RecordType[] = ['competence', 'service', 'equipment', 'expert'];
  const mix = (list: typeof records) => {
    const only = (l: Lang) => list.filter((r) => r.languages.length === 1 && r.languages[0] === l).length;
    const both = list.filter((r) => r.languages.length === 2).length;
    return {
      'it only': pct(only('it'), list.length),
      'en only': pct(only('en'), list.length),
      both: pct(both, list.length),
    };
  };
  console.log(`organisations: ${catalogue.organizations.size}`);
  console.log(`records: ${records.length}`);
  console.table(
    Object.fromEntries([
      ...types.map((t) => {
        const list = records.filter((r) => r.type === t);
        return [t, { records: list.length, ...mix(list) }];
      }),
      ['all', { records: records.length, ...mix(records) }],
    ]),
  );
  const graded = problems.map((p) => Object.keys(p.records).length).sort((a, b) => a - b);
  console.log(
    `problems: ${problems.length}; graded records per problem: min ${graded[0]}, median ${graded[Math.floor(graded.length / 2)]}, max ${graded.at(-1)}`,
  );
  console.table(
    Object.fromEntries(
      KINDS.map((k) => {
        const list = problems.filter((p) => p.kind === k);
        return [
          k,
          {
            all: list.length,
            it: list.filter((p) => p.lang === 'it').length,
            en: list.filter((p) => p.lang === 'en').length,
          },
        ];
      }),
    ),
  );
  console.log('problems per language:', count(problems.map((p) => p.lang)));
  console.log(`queries: ${queries.length}`, count(queries.map((q) => q.lang)));
  console.log(`control texts: ${control.length}`, count(control.map((c) => c.lang)));

  if (errors.length) {
    console.error(`\n${errors.length} problem(s):`);
    for (const e of errors) console.error(`  ${e}`);
    process.exit(1);
  }
  console.log('\nall checks passed');
}
