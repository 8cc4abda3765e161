#!/usr/bin/env node
// The layering rule, checked: routes → services → repositories → database. Only repositories (and db/ itself) touch
// the database; routes never reach past services; modules use each other only through services.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const src = path.join(root, 'apps/server/src');
const problems = [];

function walk(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

for (const file of walk(src).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
  const rel = path.relative(src, file);
  const text = fs.readFileSync(file, 'utf8');
  const imports = [...text.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gms)]
    .filter((m) => !/^import\s+type\s/.test(m[0]))
    .map((m) => m[1]);
  const name = path.basename(file);
  const inModule = rel.startsWith('modules/');
  const isRepo = name.endsWith('.repo.ts');
  const isRoutes = name.endsWith('.routes.ts');
  for (const spec of imports) {
    if (inModule && !isRepo && (spec === 'drizzle-orm' || spec.startsWith('drizzle-orm/'))) {
      problems.push(`${rel}: only *.repo.ts files may use drizzle-orm (imports ${spec})`);
    }
    if (isRoutes && spec.endsWith('.repo.ts'))
      problems.push(`${rel}: routes call services, not repositories (imports ${spec})`);
    if (inModule && spec.startsWith('../') && !spec.startsWith('../../')) {
      const other = spec.split('/')[1];
      const own = rel.split(path.sep)[1];
      const target = spec.split('/').pop() ?? '';
      // services, and pure code (rules, policies) that cannot reach the database
      const allowed = /\.(service|presenter|rules|policy)\.ts$/.test(target);
      if (other !== own && !allowed)
        problems.push(`${rel}: use module "${other}" through its service (imports ${spec})`);
    }
  }
  if (!/^[a-z0-9.-]+\.ts$/.test(name)) problems.push(`${rel}: file names are kebab-case`);
}

// The browser takes only types from the contracts' index: a value import would put the schema library (TypeBox) into
// the script every visitor downloads. Plain values and checks come from `@clock/contracts/values`.
const web = path.join(root, 'apps/web/src');
for (const file of walk(web).filter((f) => /\.tsx?$/.test(f))) {
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?\{([^}]*)\}\s*from\s+'@clock\/contracts'/gms)) {
    if (m[2]) continue;
    const values = m[3]
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s && !s.startsWith('type '));
    if (values.length)
      problems.push(
        `apps/web/src/${path.relative(web, file)}: import only types from '@clock/contracts'; values (${values.join(', ')}) come from '@clock/contracts/values'`,
      );
  }
}

if (problems.length) {
  console.error(`Structure check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('Structure check passed.');
