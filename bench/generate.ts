/**
 * Deterministic generator of large clock-bundle/1 catalogues for benchmarks: the same options give byte-identical output.
 *
 *   tsx bench/generate.ts --records 100000 --seed 1 --out /tmp/catalogue.json
 *
 * `records` is the number of offer records (competences, services, equipment); the bundle also holds about one expert
 * per 20 offers and one organisation per 100. Text is composed from bilingual domain vocabularies (bench/vocabulary.ts):
 * ~30% of records are in Italian only, ~15% in English only, ~55% in both. Records are written one at a time to a
 * stream, so a 100,000-record bundle never exists as one string in memory.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  AUDIENCES,
  DOMAINS,
  EQUIPMENT_SENTENCES,
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  LONG_QUERIES,
  ORG_PATTERNS,
  QUALIFIERS,
  ROLES,
  SENTENCES,
  SPECS,
  STREETS,
  SURNAMES,
  TOWNS,
  type Domain,
  type Pair,
} from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------------------------------
// Random numbers

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    if (!list.length) throw new Error('pick from an empty list');
    return list[Math.floor(this.next() * list.length)]!;
  }
  /** `n` distinct items (fewer when the list is shorter), in random order. */
  sample<T>(list: readonly T[], n: number): T[] {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!);
    return out;
  }
  weighted<T extends string>(weights: Record<T, number>): T {
    const entries = Object.entries(weights) as [T, number][];
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1]![0];
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Text helpers

type Langs = 'it' | 'en' | 'both';
type Localized = { it?: string; en?: string };

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const PREPOSITIONS = new Set(['su', 'di', 'per', 'in', 'da', 'of', 'for', 'on', 'in', 'from', 'with']);
/** "prove di trazione su" → "prove di trazione". */
export const stripPrep = (s: string) => {
  const parts = s.split(' ');
  return PREPOSITIONS.has(parts[parts.length - 1]!) ? parts.slice(0, -1).join(' ') : s;
};
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
const localized = (langs: Langs, it: string, en: string): Localized =>
  langs === 'it' ? { it } : langs === 'en' ? { en } : { it, en };

/** Replaces {X} placeholders: a Pair takes the side of the language, a string is used as is. */
function fill(template: Pair, ctx: Record<string, Pair | string>): Pair {
  const one = (t: string, side: 0 | 1) =>
    t.replace(/\{([A-Z0-9]+)\}/g, (_, k: string) => {
      const v = ctx[k];
      if (v === undefined) throw new Error(`no value for {${k}} in "${t}"`);
      return typeof v === 'string' ? v : v[side];
    });
  return [one(template[0], 0), one(template[1], 1)];
}

// ---------------------------------------------------------------------------------------------------------------------
// Records

const KINDS = { company: 55, centre: 15, university: 10, research_body: 10, association: 10 } as const;
type OrgKind = keyof typeof KINDS;
const SERVICE_KINDS = [
  'testing',
  'analysis',
  'consulting',
  'training',
  'certification',
  'incubation',
  'prototyping',
  'funding_support',
  'technology_scouting',
  'other',
] as const;
const ACCESS = ['internal', 'network', 'public'] as const;

interface OrgInfo {
  id: string;
  short: string;
  town: string;
  province: string;
  domain: Domain;
  second: Domain | null;
}

export interface GenerateOptions {
  /** Number of offer records (competences + services + equipment). */
  records: number;
  seed: number;
}

export interface BundleShape {
  organizations: number;
  competences: number;
  services: number;
  equipment: number;
  experts: number;
}

/** How many records of each collection a bundle of `records` offers holds. */
export function bundleShape(records: number): BundleShape {
  const competences = Math.round(records * 0.35);
  const services = Math.round(records * 0.4);
  return {
    organizations: Math.max(1, Math.ceil(records / 100)),
    competences,
    services,
    equipment: records - competences - services,
    experts: Math.ceil(records / 20),
  };
}

export interface BundleSummary extends BundleShape {
  total: number;
  bytes: number;
  organizationIds: string[];
}

class Generator {
  readonly rng: Rng;
  readonly orgs: OrgInfo[] = [];
  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  langs(): Langs {
    return this.rng.weighted({ it: 30, en: 15, both: 55 });
  }

  /** Larger organisations get more records: a mild skew towards the first ones. */
  org(): OrgInfo {
    return this.orgs[Math.floor(this.rng.next() ** 1.6 * this.orgs.length)]!;
  }

  domainFor(o: OrgInfo): Domain {
    const r = this.rng.next();
    if (r < 0.8) return o.domain;
    if (r < 0.95) return o.second ?? o.domain;
    return this.rng.pick(DOMAINS);
  }

  organization(i: number): Record<string, unknown> {
    const { rng } = this;
    const kind = rng.weighted(KINDS) as OrgKind;
    const domain = rng.pick(DOMAINS);
    const second = rng.chance(0.4) ? rng.pick(DOMAINS.filter((d) => d !== domain)) : null;
    const place = rng.pick(TOWNS);
    const s1 = rng.pick(SURNAMES);
    const s2 = rng.pick(SURNAMES.filter((s) => s !== s1));
    const [name] = fill(rng.pick(ORG_PATTERNS[kind]), {
      D: cap(domain.label[0].replace(/^(dei|delle|della|del|dell')\s*/, '')),
      W: rng.pick(domain.companyWords),
      T: place.town,
      S: s1,
      S2: s2,
    });
    const initials = name
      .split(/[\s–&-]+/)
      .filter((w) => /^[A-Z]/.test(w) && !/^(S\.r\.l\.|S\.p\.A\.)$/.test(w))
      .map((w) => w[0])
      .join('');
    const short =
      kind === 'company' ? name.replace(/ S\.(r\.l|p\.A)\.$/, '') : initials.length >= 2 ? initials : name.slice(0, 40);
    const id = `${slug(short).slice(0, 60)}-${i + 1}`;
    const info: OrgInfo = { id, short, town: place.town, province: place.province, domain, second };
    this.orgs.push(info);
    const m = rng.pick(domain.methods),
      s = rng.pick(domain.subjects),
      a = rng.pick(AUDIENCES),
      g = rng.pick(domain.goals);
    const [dit, den] = fill(
      [
        '{NAME} opera nel settore {L} a {T} e offre {M} {S} alle imprese della rete. Aiuta {A} a {G}.',
        '{NAME} works in the {L} sector in {T} and offers {M} {S} to network companies. It helps {A} {G}.',
      ],
      { NAME: name, L: domain.label, T: place.town, M: m, S: s, A: a, G: g },
    );
    const doms = second ? [domain, second] : [domain];
    const org: Record<string, unknown> = { id, kind, name };
    if (short !== name) org.shortName = short.slice(0, 60);
    org.town = place.town;
    org.province = place.province;
    if (rng.chance(0.8)) org.website = `https://www.${slug(short).slice(0, 40) || 'org'}-${i + 1}.example.it`;
    org.description = localized(this.langs(), dit, den);
    org.sectors = [...new Set(doms.flatMap((d) => rng.sample(d.sectors, rng.int(1, 2))))];
    org.filiere = [...new Set(doms.flatMap((d) => rng.sample(d.filiere, rng.int(1, 2))))];
    org.s3 = [...new Set(doms.flatMap((d) => rng.sample(d.s3, 1)))];
    return org;
  }

  /** A description of 20-60 words (in both languages) from the sentence pool. */
  description(first: Pair[], pool: Pair[], ctx: Record<string, Pair | string>): Pair {
    const { rng } = this;
    let it = '',
      en = '';
    const order = [...rng.sample(first, 1), ...rng.sample(pool, pool.length)];
    for (const tpl of order) {
      const [si, se] = fill(tpl, ctx);
      if (words(it) + words(si) > 60 || words(en) + words(se) > 60) continue;
      it = it ? `${it} ${si}` : si;
      en = en ? `${en} ${se}` : se;
      if (words(it) >= 20 && words(en) >= 20 && (words(it) >= 40 || rng.chance(0.45))) break;
    }
    return [it, en];
  }

  context(domain: Domain, o: OrgInfo): Record<string, Pair | string> {
    const { rng } = this;
    const [s, s2, s3] = rng.sample(domain.subjects, 3) as [Pair, Pair, Pair];
    return {
      M: rng.pick(domain.methods),
      S: s,
      S2: s2,
      S3: s3,
      E: rng.pick(domain.equipment),
      STD: rng.pick(domain.standards),
      G: rng.pick(domain.goals),
      P: rng.pick(domain.problems),
      A: rng.pick(AUDIENCES),
      N: String(rng.int(3, 15)),
      N0: String(rng.int(2, 30) * 10),
      L: domain.label,
      ORG: o.short,
      LAB: rng.pick(domain.labs),
      Q: rng.pick(QUALIFIERS),
      SPEC: rng.pick(SPECS),
    };
  }

  keywords(domain: Domain, ctx: Record<string, Pair | string>, langs: Langs): string[] {
    const { rng } = this;
    const pairs = [
      ctx.S as Pair,
      [stripPrep((ctx.M as Pair)[0]), stripPrep((ctx.M as Pair)[1])] as Pair,
      ctx.S2 as Pair,
    ];
    const out: string[] = [];
    for (const p of pairs.slice(0, rng.int(1, 3))) {
      if (langs !== 'en') out.push(p[0].toLowerCase());
      if (langs !== 'it') out.push(p[1].toLowerCase());
    }
    if (rng.chance(0.3)) out.push(rng.pick(domain.acronyms).toLowerCase());
    if (rng.chance(0.3)) out.push(rng.pick(domain.standards).toLowerCase());
    return [...new Set(out)].slice(0, 6);
  }

  offer(type: 'competence' | 'service' | 'equipment', n: number): Record<string, unknown> {
    const { rng } = this;
    const o = this.org();
    const domain = this.domainFor(o);
    const ctx = this.context(domain, o);
    const langs = this.langs();
    const M = ctx.M as Pair,
      S = ctx.S as Pair,
      Q = ctx.Q as Pair,
      E = ctx.E as Pair,
      SPEC = ctx.SPEC as Pair;
    let title: Pair;
    if (type === 'equipment') {
      title = rng.chance(0.5)
        ? [`${E[0]} ${SPEC[0]} per ${S[0]}`, `${E[1]} (${SPEC[1]}) for ${S[1]}`]
        : [`${E[0]} per ${S[0]}`, `${E[1]} for ${S[1]}`];
    } else {
      const r = rng.next();
      if (r < 0.45) title = [`${M[0]} ${S[0]}`, `${M[1]} ${S[1]}`];
      else if (r < 0.85) title = [`${M[0]} ${S[0]} ${Q[0]}`, `${M[1]} ${S[1]} ${Q[1]}`];
      else if (type === 'service') title = [`servizio di ${M[0]} ${S[0]}`, `service: ${M[1]} ${S[1]}`];
      else title = [`competenze in ${M[0]} ${S[0]}`, `expertise in ${M[1]} ${S[1]}`];
    }
    // 4-10 words in both languages: add a qualifier when short, drop trailing words when long.
    if (words(title[0]) < 4 || words(title[1]) < 4) title = [`${title[0]} ${Q[0]}`, `${title[1]} ${Q[1]}`];
    const clip = (t: string) =>
      t
        .split(' ')
        .slice(0, 10)
        .join(' ')
        .replace(/[\s(]+$|\s+(di|per|su|in|of|for|on|a|e|and|the|to|with)$/g, '');
    title = [cap(clip(title[0])), cap(clip(title[1]))];
    const desc =
      type === 'equipment'
        ? this.description(EQUIPMENT_SENTENCES, SENTENCES, ctx)
        : this.description(SENTENCES.slice(0, 2), SENTENCES, ctx);
    const prefix = type === 'competence' ? 'cmp' : type === 'service' ? 'srv' : 'eqp';
    const rec: Record<string, unknown> = {
      id: `${prefix}-${String(n + 1).padStart(7, '0')}`,
      organization: o.id,
      title: localized(langs, title[0], title[1]),
      description: localized(langs, desc[0], desc[1]),
      keywords: this.keywords(domain, ctx, langs),
      technologyAreas: rng.sample(domain.technologyAreas, rng.int(1, 2)),
    };
    if (rng.chance(0.6)) rec.sectors = rng.sample(domain.sectors, rng.int(1, 3));
    if (rng.chance(0.7)) rec.filiere = rng.sample(domain.filiere, 1);
    if (type === 'competence' && rng.chance(0.7)) rec.trl = rng.int(2, 9);
    if (type === 'service') rec.kind = rng.pick(SERVICE_KINDS);
    if (type === 'equipment') {
      rec.lab = `${ctx.LAB as string} – ${o.short}`.slice(0, 300);
      rec.location = `${o.town}, ${rng.pick(STREETS)} ${rng.int(1, 120)}${rng.chance(0.3) ? ` – edificio ${rng.int(1, 6)}` : ''}`;
      rec.bookable = rng.chance(0.7);
      rec.access = rng.pick(ACCESS);
    }
    return rec;
  }

  expert(n: number): Record<string, unknown> {
    const { rng } = this;
    const o = this.org();
    const domain = this.domainFor(o);
    const female = rng.chance(0.5);
    const name = `${rng.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M)} ${rng.pick(SURNAMES)}`;
    const [rm, rf, ren] = rng.pick(ROLES);
    const lab = rng.pick(domain.labs);
    const withLab = rng.chance(0.5);
    const role: Pair = [`${female ? rf : rm}${withLab ? `, ${lab}` : ''}`, `${ren}${withLab ? `, ${lab}` : ''}`];
    const ctx = this.context(domain, o);
    const m2 = rng.pick(domain.methods);
    const [eit, een] = fill(
      [
        'Esperienza in {M} {S} e {M2} {S2}; supporta {A} che vogliono {G}.',
        'Experience in {M} {S} and {M2} {S2}; supports {A} who want to {G}.',
      ],
      { ...ctx, M2: m2 },
    );
    const langs = this.langs();
    const rec: Record<string, unknown> = {
      id: `${slug(name)}-${n + 1}`,
      organization: o.id,
      name,
      role: localized(langs, role[0], role[1]),
      expertise: localized(langs, eit, een),
      keywords: this.keywords(domain, ctx, langs),
      publicProfile: rng.chance(0.8),
    };
    return rec;
  }
}

/** Buffers small strings and writes them in ~64 KiB chunks, honouring back-pressure. */
class ChunkWriter {
  private parts: string[] = [];
  private size = 0;
  bytes = 0;
  constructor(private readonly out: Writable) {}
  async push(s: string) {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= 65536) await this.flush();
  }
  async flush() {
    if (!this.parts.length) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.bytes += Buffer.byteLength(chunk);
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}

/** Writes a clock-bundle/1 document to `out` (which is left open). */
export async function generateBundle(opts: GenerateOptions, out: Writable): Promise<BundleSummary> {
  if (!Number.isInteger(opts.records) || opts.records < 1) throw new Error('records must be a positive integer');
  const shape = bundleShape(opts.records);
  const g = new Generator(opts.seed);
  const w = new ChunkWriter(out);
  await w.push('{\n  "format": "clock-bundle/1"');
  const section = async (name: string, n: number, make: (i: number) => Record<string, unknown>) => {
    await w.push(`,\n  "${name}": [`);
    for (let i = 0; i < n; i++) await w.push(`${i ? ',' : ''}\n    ${JSON.stringify(make(i))}`);
    await w.push(n ? '\n  ]' : ']');
  };
  await section('organizations', shape.organizations, (i) => g.organization(i));
  await section('competences', shape.competences, (i) => g.offer('competence', i));
  await section('services', shape.services, (i) => g.offer('service', i));
  await section('equipment', shape.equipment, (i) => g.offer('equipment', i));
  await section('experts', shape.experts, (i) => g.expert(i));
  await w.push('\n}\n');
  await w.flush();
  const total = shape.organizations + shape.competences + shape.services + shape.equipment + shape.experts;
  return { ...shape, total, bytes: w.bytes, organizationIds: g.orgs.map((o) => o.id) };
}

/** Writes a bundle to a file and waits until it is on disk. */
export async function generateBundleFile(file: string, opts: GenerateOptions): Promise<BundleSummary> {
  const out = fs.createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {}); // observed through the races below
  const summary = await Promise.race([generateBundle(opts, out), failed]);
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  return summary;
}

// ---------------------------------------------------------------------------------------------------------------------
// Search queries drawn from the same vocabularies

export type QueryCategory =
  | 'word'
  | 'phrase'
  | 'long'
  | 'typo'
  | 'no-accent'
  | 'acronym'
  | 'facet'
  | 'page2'
  | 'browse';
export interface BenchQuery {
  category: QueryCategory;
  params: Record<string, string>;
}

const ALL_PAIRS = (): Pair[] =>
  DOMAINS.flatMap((d) => [
    ...d.subjects,
    ...d.methods.map((m): Pair => [stripPrep(m[0]), stripPrep(m[1])]),
    ...d.equipment,
  ]);
const STOP = new Set([
  'di',
  'del',
  'della',
  'delle',
  'dei',
  'degli',
  'per',
  'su',
  'in',
  'a',
  'da',
  'e',
  'con',
  'il',
  'la',
  'le',
  'lo',
  'gli',
  'of',
  'for',
  'the',
  'and',
  'on',
  'to',
  'with',
  'from',
  'a',
  'an',
  'in',
]);

/** One typing mistake in the longest word of six letters or more: swapped, dropped or replaced letter. */
function typo(rng: Rng, q: string): string | null {
  const parts = q.split(' ');
  let best = -1;
  parts.forEach((p, i) => {
    if (/^[a-zàèéìòù]{6,}$/.test(p) && (best < 0 || p.length > parts[best]!.length)) best = i;
  });
  if (best < 0) return null;
  const w = parts[best]!;
  const i = rng.int(1, w.length - 2);
  const kind = rng.int(0, 2);
  const changed =
    kind === 0
      ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2)
      : kind === 1
        ? w.slice(0, i) + w.slice(i + 1)
        : w.slice(0, i) + (w[i] === 'e' ? 'a' : 'e') + w.slice(i + 1);
  if (changed === w) return null;
  parts[best] = changed;
  return parts.join(' ');
}
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/**
 * A deterministic mix of realistic search requests: single words, 2-4 word phrases, 10-20 word problem descriptions,
 * typos, missing accents, acronyms, facet filters, second pages and filtered browsing, in Italian and English.
 */
export function generateQueries({
  seed,
  count,
  organizationIds,
}: {
  seed: number;
  count: number;
  organizationIds: string[];
}): BenchQuery[] {
  const rng = new Rng((seed ^ 0x9e3779b9) >>> 0);
  const pairs = ALL_PAIRS();
  const accented = pairs.map((p) => p[0]).filter((s) => fold(s) !== s && words(s) <= 4);
  const acronyms = [...new Set(DOMAINS.flatMap((d) => d.acronyms))];
  const divisions = [...new Set(DOMAINS.flatMap((d) => d.sectors.map((s) => s.slice(0, 3))))];
  const filiere = [...new Set(DOMAINS.flatMap((d) => d.filiere))];
  const out: BenchQuery[] = [];
  const word = (): [string, 'it' | 'en'] => {
    const side = rng.chance(0.6) ? 0 : 1;
    const content = rng
      .pick(pairs)
      [side].split(' ')
      .filter((w) => !STOP.has(w) && w.length > 3);
    return [content.length ? rng.pick(content) : rng.pick(pairs)[side], side ? 'en' : 'it'];
  };
  const phrase = (): [string, 'it' | 'en'] => {
    const side = rng.chance(0.6) ? 0 : 1;
    const d = rng.pick(DOMAINS);
    const r = rng.next();
    const s = rng.pick(d.subjects)[side];
    const m = rng.pick(d.methods)[side];
    let q = r < 0.4 ? s : r < 0.75 ? `${stripPrep(m)} ${s}` : rng.pick(d.equipment)[side];
    q = q.split(' ').slice(0, 4).join(' ');
    if (words(q) < 2) q = `${q} ${rng.pick(d.subjects)[side].split(' ')[0]}`;
    return [q.replace(/\s+(di|per|su|in|of|for|on|and|e|the|a)$/, ''), side ? 'en' : 'it'];
  };
  const long = (): [string, 'it' | 'en'] => {
    const side = rng.chance(0.6) ? 0 : 1;
    const d = rng.pick(DOMAINS);
    for (;;) {
      const m = rng.pick(d.methods);
      const q = fill(rng.pick(LONG_QUERIES), {
        P: rng.pick(d.problems),
        M: m,
        S: rng.pick(d.subjects),
        G: rng.pick(d.goals),
        T: rng.pick(TOWNS).town,
        STD: rng.pick(d.standards),
      })[side];
      const n = words(q);
      if (n >= 10 && n <= 20) return [q, side ? 'en' : 'it'];
      if (n > 20) return [q.split(' ').slice(0, 20).join(' '), side ? 'en' : 'it'];
    }
  };
  const withLang = (params: Record<string, string>, lang: 'it' | 'en') =>
    rng.chance(0.8) ? { ...params, lang } : params;
  while (out.length < count) {
    const category = rng.weighted<QueryCategory>({
      word: 18,
      phrase: 27,
      long: 12,
      typo: 10,
      'no-accent': 5,
      acronym: 5,
      facet: 13,
      page2: 5,
      browse: 3,
    });
    switch (category) {
      case 'word': {
        const [q, l] = word();
        out.push({ category, params: withLang({ q }, l) });
        break;
      }
      case 'phrase': {
        const [q, l] = phrase();
        out.push({ category, params: withLang({ q }, l) });
        break;
      }
      case 'long': {
        const [q, l] = long();
        out.push({ category, params: withLang({ q }, l) });
        break;
      }
      case 'typo': {
        const [q, l] = rng.chance(0.5) ? word() : phrase();
        const t = typo(rng, q);
        if (t) out.push({ category, params: withLang({ q: t }, l) });
        break;
      }
      case 'no-accent':
        out.push({ category, params: withLang({ q: fold(rng.pick(accented)) }, 'it') });
        break;
      case 'acronym': {
        const a = rng.pick(acronyms);
        const q = rng.chance(0.5) ? a : `${rng.chance(0.5) ? a.toLowerCase() : a} ${word()[0]}`;
        out.push({ category, params: withLang({ q }, rng.chance(0.5) ? 'it' : 'en') });
        break;
      }
      case 'facet': {
        const [q, l] = rng.chance(0.5) ? word() : phrase();
        const f = rng.weighted({ type: 40, filiera: 30, sector: 15, organization: 15 });
        const value =
          f === 'type'
            ? rng.pick(['competence', 'service', 'equipment', 'expert', 'organization'])
            : f === 'filiera'
              ? rng.pick(filiere)
              : f === 'sector'
                ? rng.pick(divisions)
                : rng.pick(organizationIds);
        out.push({ category, params: withLang({ q, [f]: value }, l) });
        break;
      }
      case 'page2': {
        const [q, l] = rng.chance(0.5) ? word() : phrase();
        out.push({ category, params: withLang({ q, page: '2' }, l) });
        break;
      }
      case 'browse': {
        const params: Record<string, string> = rng.chance(0.6)
          ? { filiera: rng.pick(filiere) }
          : { type: rng.pick(['equipment', 'expert', 'service']) };
        out.push({ category, params: withLang(params, rng.chance(0.5) ? 'it' : 'en') });
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// CLI

async function cli(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      records: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Usage: tsx bench/generate.ts --records N --seed S [--out FILE]   (standard output without --out)');
    return;
  }
  const records = Number(values.records);
  const seed = Number(values.seed);
  if (!Number.isInteger(records) || records < 1 || !Number.isInteger(seed))
    throw new Error('--records and --seed must be integers (records >= 1)');
  const started = performance.now();
  const summary = values.out
    ? await generateBundleFile(values.out, { records, seed })
    : await generateBundle({ records, seed }, process.stdout);
  const { organizationIds: _ids, ...counts } = summary;
  console.error(
    `Generated ${summary.total} records (${JSON.stringify(counts)}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
