/**
 * Loads the demo catalogue (apps/server/src/db/seed/demo/bundle.json) and the labelled problems
 * (bench/matching/problems.json), and checks the labels against the catalogue so a typo in an id fails loudly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bm25Document } from './bm25.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
export const BUNDLE_FILE = path.join(ROOT, 'apps/server/src/db/seed/demo/bundle.json');
export const PROBLEMS_FILE = path.join(HERE, 'problems.json');

export const KINDS = [
  'cross-language',
  'synonym',
  'multi-aspect',
  'symptom',
  'acronym',
  'typo',
  'equipment',
  'plain',
] as const;
export type Kind = (typeof KINDS)[number];
export type Lang = 'it' | 'en';

export interface Problem {
  id: string;
  lang: Lang;
  kind: Kind;
  text: string;
  sector?: string;
  filiera?: string;
  aspects: { label: string; relevant: string[] }[];
  records: Record<string, number>;
  organizations: Record<string, number>;
}

export type RecordType = 'competence' | 'service' | 'equipment' | 'expert';

export interface CatalogueRecord {
  id: string;
  type: RecordType;
  organization: string;
  /** Languages of the title/description (role/expertise for experts): what a cross-language problem must bridge. */
  languages: Lang[];
  title: string;
  /** Its title and description (role and expertise for experts) by language, for the bridge rate. */
  texts: Partial<Record<Lang, string>>;
}

export interface Catalogue {
  organizations: Map<string, string>;
  records: Map<string, CatalogueRecord>;
  documents: Bm25Document[];
}

type Text = Partial<Record<Lang, string>> | undefined;
interface RawRecord {
  id: string;
  organization: string;
  title?: Text;
  description?: Text;
  keywords?: string[];
  name?: string;
  role?: Text;
  expertise?: Text;
}
interface RawBundle {
  organizations: { id: string; name: string }[];
  competences?: RawRecord[];
  services?: RawRecord[];
  equipment?: RawRecord[];
  experts?: RawRecord[];
}

const texts = (t: Text) => Object.values(t ?? {}).filter((v): v is string => typeof v === 'string');
const langs = (...ts: Text[]) =>
  (['it', 'en'] as const).filter((l) => ts.some((t) => typeof t?.[l] === 'string' && t[l] !== ''));

export function loadCatalogue(file = BUNDLE_FILE): Catalogue {
  const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as RawBundle;
  const organizations = new Map(bundle.organizations.map((o) => [o.id, o.name]));
  const records = new Map<string, CatalogueRecord>();
  const documents: Bm25Document[] = [];
  const groups: [RecordType, RawRecord[] | undefined][] = [
    ['competence', bundle.competences],
    ['service', bundle.services],
    ['equipment', bundle.equipment],
    ['expert', bundle.experts],
  ];
  for (const [type, list] of groups) {
    for (const r of list ?? []) {
      const isExpert = type === 'expert';
      const head = isExpert ? r.role : r.title;
      const body = isExpert ? r.expertise : r.description;
      records.set(r.id, {
        id: r.id,
        type,
        organization: r.organization,
        languages: langs(head, body),
        title: isExpert ? `${r.name ?? r.id} (${head?.en ?? head?.it ?? ''})` : (r.title?.en ?? r.title?.it ?? r.id),
        texts: Object.fromEntries(
          (['it', 'en'] as const)
            .map((l) => [l, [head?.[l], body?.[l]].filter(Boolean).join('. ')] as const)
            .filter(([, t]) => t),
        ),
      });
      const words = [...(isExpert && r.name ? [r.name] : []), ...texts(head), ...texts(body), ...(r.keywords ?? [])];
      documents.push({ id: r.id, organization: r.organization, text: words.join(' \n ') });
    }
  }
  return { organizations, records, documents };
}

/** Reads problems.json and returns it with a list of labelling errors (empty when the set is consistent). */
export function loadProblems(catalogue: Catalogue, file = PROBLEMS_FILE): { problems: Problem[]; errors: string[] } {
  const problems = JSON.parse(fs.readFileSync(file, 'utf8')) as Problem[];
  const errors: string[] = [];
  const ids = new Set<string>();
  for (const p of problems) {
    const at = `${p.id ?? '?'}:`;
    if (!p.id || ids.has(p.id)) errors.push(`${at} missing or repeated id`);
    ids.add(p.id);
    if (p.lang !== 'it' && p.lang !== 'en') errors.push(`${at} lang must be "it" or "en"`);
    if (!KINDS.includes(p.kind)) errors.push(`${at} unknown kind "${p.kind}"`);
    if (typeof p.text !== 'string' || p.text.trim().length < 20) errors.push(`${at} text too short`);
    if (!Array.isArray(p.aspects) || p.aspects.length === 0) errors.push(`${at} needs at least one aspect`);
    if (p.kind === 'multi-aspect' && (p.aspects.length < 2 || p.aspects.length > 4))
      errors.push(`${at} multi-aspect problems have 2-4 aspects`);
    for (const [id, g] of Object.entries(p.records ?? {})) {
      if (!catalogue.records.has(id)) errors.push(`${at} unknown record "${id}"`);
      if (![1, 2, 3].includes(g)) errors.push(`${at} record "${id}" has grade ${g} (1, 2 or 3)`);
    }
    if (!Object.values(p.records ?? {}).includes(3)) errors.push(`${at} no record with grade 3`);
    for (const [id, g] of Object.entries(p.organizations ?? {})) {
      if (!catalogue.organizations.has(id)) errors.push(`${at} unknown organisation "${id}"`);
      if (![1, 2, 3].includes(g)) errors.push(`${at} organisation "${id}" has grade ${g} (1, 2 or 3)`);
    }
    for (const a of p.aspects ?? []) {
      if (!a.label || !Array.isArray(a.relevant) || a.relevant.length === 0)
        errors.push(`${at} aspect "${a.label}" needs a label and relevant records`);
      for (const id of a.relevant ?? []) {
        if (!(id in (p.records ?? {})))
          errors.push(`${at} aspect "${a.label}" lists "${id}", which is not graded in records`);
      }
    }
    if (p.kind === 'cross-language') {
      const other = (Object.entries(p.records ?? {}) as [string, number][]).filter(
        ([id, g]) => g === 3 && !catalogue.records.get(id)?.languages.includes(p.lang),
      );
      if (other.length === 0)
        errors.push(`${at} cross-language problem without a grade-3 record lacking the "${p.lang}" text`);
    }
  }
  return { problems, errors };
}
