/**
 * False corrections of real words on a large clean corpus that is not a labelled set: every word of well-spelled
 * Italian and English text goes through the search analysis (`SearchIndex.parse`, the same typo correction as the
 * search box and matching), and every word it "corrects" is listed. The corpus: the demo catalogue (its bundle, each
 * record checked against an index of the other half of the organisations, as a network that never held that text
 * would see it), the strings of the demo seed, the project's documentation (README, ARCHITECTURE, docs/; quoted and
 * code spans left out, since they cite misspelled requests on purpose), and any Markdown or text files given as
 * arguments. Prints counts and the corrected words; asserts nothing.
 *
 *   npx tsx bench/matching/real-words.ts [more.md …] [--off realWords]
 */
import fs from 'node:fs';
import path from 'node:path';
import { configureAnalysis, LEGACY_ANALYSIS } from '../../apps/server/src/modules/search/analysis.policy.ts';
import { Glossary, Translator } from '../../apps/server/src/modules/search/concepts.ts';
import { SearchIndex, type DocField, type DocInput } from '../../apps/server/src/modules/search/search.index.ts';
import { guessLanguage } from '../../apps/server/src/modules/search/text.rules.ts';

type Lang = 'it' | 'en';
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const BUNDLE = path.join(ROOT, 'apps/server/src/db/seed/demo/bundle.json');
const SEED_DIR = path.join(ROOT, 'apps/server/src/db/seed');
/** Pieces of at most this many words: parse corrects at most 8 unknown words per text. */
const PIECE_WORDS = 12;

interface Piece {
  source: string;
  text: string;
  lang: Lang | null;
  /** The half of the catalogue whose index checks it (catalogue text), or null for the whole catalogue. */
  fold: 0 | 1 | null;
}

type Loc = { it?: string; en?: string } | undefined;
interface BundleRecord {
  id: string;
  organization?: string;
  title?: Loc;
  description?: Loc;
  role?: Loc;
  expertise?: Loc;
  name?: string;
  keywords?: string[];
}

function docOf(type: DocInput['type'], r: BundleRecord, org: string): DocInput {
  const fields: DocField[] = [];
  for (const loc of [r.title, r.description, r.role, r.expertise])
    for (const lang of ['it', 'en'] as const) if (loc?.[lang]) fields.push({ text: loc[lang]!, lang, weight: 1 });
  if (r.name) fields.push({ text: r.name, lang: 'both', weight: 1 });
  for (const k of r.keywords ?? []) fields.push({ text: k, lang: 'both', weight: 1 });
  const title = r.title ?? { it: r.name, en: r.name };
  return {
    type,
    id: r.id,
    organization: org,
    visibility: 'public',
    title,
    summary: title,
    fields,
    sectors: [],
    filiere: [],
    s3: [],
  };
}

/** Sentences cut into pieces of at most `PIECE_WORDS` words. */
function pieces(text: string): string[] {
  const out: string[] = [];
  for (const sentence of text.split(/(?<=[.!?;:])\s+|\n+/)) {
    const words = sentence.split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length; i += PIECE_WORDS) out.push(words.slice(i, i + PIECE_WORDS).join(' '));
  }
  return out.filter((p) => /\p{L}{3}/u.test(p));
}

/** Prose of a Markdown file: no code, no quoted text, no links' targets, no table rules. */
function prose(md: string): string {
  return md
    .replace(/```[\s\S]*?```/g, '\n')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/"[^"\n]*"|“[^”\n]*”|«[^»\n]*»/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/^\s*\|?[-:| ]+\|?\s*$/gm, '\n')
    .replace(/[|#*_>[\]]/g, ' ');
}

function markdownFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return markdownFiles(p);
    return e.name.endsWith('.md') ? [p] : [];
  });
}

function corpus(extra: string[]): { pieces: Piece[]; docs: DocInput[][] } {
  const bundle = JSON.parse(fs.readFileSync(BUNDLE, 'utf8')) as Record<string, BundleRecord[]>;
  const orgs = (bundle.organizations ?? []).map((o) => o.id);
  const half = (org: string): 0 | 1 => (orgs.indexOf(org) % 2 === 0 ? 0 : 1);
  const docs: DocInput[][] = [[], []];
  const out: Piece[] = [];
  const kinds: [string, DocInput['type']][] = [
    ['organizations', 'organization'],
    ['competences', 'competence'],
    ['services', 'service'],
    ['equipment', 'equipment'],
    ['experts', 'expert'],
  ];
  for (const [key, type] of kinds)
    for (const r of bundle[key] ?? []) {
      const org = r.organization ?? r.id;
      docs[half(org)]!.push(docOf(type, r, org));
      // Checked against the other half's index.
      const other = half(org) === 0 ? 1 : 0;
      for (const loc of [r.title, r.description, r.role, r.expertise])
        for (const lang of ['it', 'en'] as const)
          for (const text of pieces(loc?.[lang] ?? '')) out.push({ source: `bundle:${r.id}`, text, lang, fold: other });
    }
  // String literals of the demo seed (news, events, requests…) with at least four words.
  for (const file of fs.readdirSync(SEED_DIR)) {
    if (!file.endsWith('.ts') || file.includes('.test.')) continue;
    const src = fs.readFileSync(path.join(SEED_DIR, file), 'utf8');
    for (const m of src.matchAll(/(['`])((?:\\.|(?!\1)[^\\\n])*)\1/g)) {
      const s = m[2]!.replace(/\$\{[^}]*\}/g, ' ');
      if (s.split(/\s+/).length < 4) continue;
      for (const text of pieces(s)) out.push({ source: `seed:${file}`, text, lang: guessLanguage(s), fold: null });
    }
  }
  const files = [
    path.join(ROOT, 'README.md'),
    path.join(ROOT, 'ARCHITECTURE.md'),
    // The quality log quotes the labelled sets' texts (typos on purpose): left out.
    ...markdownFiles(path.join(ROOT, 'docs')).filter((f) => !f.endsWith('matching-quality.md')),
    ...extra,
  ];
  for (const file of files) {
    const text = prose(fs.readFileSync(file, 'utf8'));
    for (const p of pieces(text))
      out.push({ source: path.relative(ROOT, file), text: p, lang: guessLanguage(p) ?? 'en', fold: null });
  }
  return { pieces: out, docs };
}

function main() {
  const args = process.argv.slice(2);
  const offAt = args.indexOf('--off');
  const off = offAt >= 0 ? (args[offAt + 1] ?? '').split(',').filter(Boolean) : [];
  const extra = args.filter((a, i) => !a.startsWith('--') && (offAt < 0 || i !== offAt + 1));
  const overrides: Record<string, unknown> = {};
  for (const k of off) overrides[k] = (LEGACY_ANALYSIS as Record<string, unknown>)[k];
  if (off.length) configureAnalysis(overrides);

  const glossary = Glossary.load();
  const translator = Translator.load();
  const { pieces: all, docs } = corpus(extra);
  const whole = new SearchIndex(glossary, translator);
  const halves = [new SearchIndex(glossary, translator), new SearchIndex(glossary, translator)];
  docs.forEach((list, i) => {
    for (const d of list) {
      whole.upsert(d);
      halves[i]!.upsert(d);
    }
  });
  const bySource = new Map<string, { words: number; fixes: number }>();
  const fixes = new Map<string, { to: string; count: number; source: string }>();
  let words = 0;
  for (const p of all) {
    const ix = p.fold === null ? whole : halves[p.fold]!;
    const parsed = ix.parse(p.text, p.lang);
    const group = p.source.startsWith('bundle:')
      ? 'demo catalogue'
      : p.source.startsWith('seed:')
        ? 'demo seed'
        : p.source;
    const g = bySource.get(group) ?? { words: 0, fixes: 0 };
    const n = p.text.split(/\s+/).length;
    g.words += n;
    words += n;
    g.fixes += parsed.corrections.length;
    bySource.set(group, g);
    for (const c of parsed.corrections) {
      const key = `${c.from}→${c.to}`;
      const f = fixes.get(key) ?? { to: c.to, count: 0, source: p.source };
      f.count++;
      fixes.set(key, f);
    }
  }
  const total = [...bySource.values()].reduce((s, g) => s + g.fixes, 0);
  console.log(`Real words "corrected" in a clean corpus${off.length ? ` (off: ${off.join(', ')})` : ''}`);
  for (const [source, g] of [...bySource].sort((a, b) => b[1].words - a[1].words))
    console.log(`  ${source.padEnd(44)} ${String(g.words).padStart(7)} words ${String(g.fixes).padStart(5)} corrected`);
  console.log(
    `  ${'total'.padEnd(44)} ${String(words).padStart(7)} words ${String(total).padStart(5)} corrected (${fixes.size} distinct)`,
  );
  for (const [key, f] of [...fixes].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0])))
    console.log(`    ${key} ×${f.count} (${f.source})`);
}

main();
