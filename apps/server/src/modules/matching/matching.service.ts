import { canSeeNetworkContent, type Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { DocInput, ParsedQuery } from '../search/search.index.ts';
import type { SearchService } from '../search/search.service.ts';
import { guessLanguage, type Lang } from '../search/text.rules.ts';
import { composeTeams, splitIntoAspects, type Aspect, type OrgCoverage } from './matching.rules.ts';

export interface MatchInput { text: string; lang?: Lang; sector?: string; filiera?: string; limit?: number }

const COVER_THRESHOLD = 0.35;
const EQUIPMENT_WORDS = /\b(strument\w*|macchin\w*|attrezzatur\w*|apparecchi\w*|banco prova|prenot\w*|equipment|instrument\w*|machine\w*|apparatus|facility|book(ing)?)\b/i;
const EXPERT_WORDS = /\b(espert\w*|consulent\w*|ricercator\w*|expert\w*|consultant\w*|researcher\w*|specialist\w*)\b/i;

const marks = (html: string) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"'));

/**
 * Matches a company's problem to the network: aspects, ranked records and organisations, and teams of at most four
 * organisations covering the aspects, each result explaining which words and concepts matched where.
 */
export async function matchProblem(search: SearchService, actor: Actor, input: MatchInput) {
  const text = input.text.trim();
  if (!text) throw new AppError('VALIDATION_FAILED', 'Describe the problem', [{ pointer: '/body/text', message: 'must not be empty' }]);
  await search.refresh();
  const index = search.index;
  const lang: Lang = input.lang ?? guessLanguage(text) ?? 'it';
  const limit = input.limit ?? 10;
  const network = canSeeNetworkContent(actor);
  const visible = (d: DocInput) => (network || d.visibility === 'public') && d.type !== 'organization';
  const parsed = index.parse(text, input.lang ?? null);
  const aspects = splitIntoAspects(parsed, index.glossary, lang);

  const rank = (q: ParsedQuery) => {
    const r = index.search(q, {}, visible, 0, 200);
    const max = r.hits[0]?.score ?? 1;
    return new Map(r.hits.map((h) => [`${h.doc.type}:${h.doc.id}`, { doc: h.doc, score: h.score / max }]));
  };
  // The whole problem, plus each aspect on its own so secondary aspects keep their best records near the top.
  const full = rank({ ...parsed, units: aspects.length > 1 ? parsed.units.map((u, i) => ({ ...u, alts: [...u.alts, ...aspects.flatMap((a) => a.query.units.filter((x) => x.label === parsed.units[i]!.label).flatMap((x) => x.alts))] })) : aspects[0]!.query.units });
  const perAspect = aspects.map((a) => ({ aspect: a, ranked: rank(a.query) }));

  const wantsEquipment = EQUIPMENT_WORDS.test(text);
  const wantsExpert = EXPERT_WORDS.test(text);
  const combined = new Map<string, { doc: DocInput; score: number; aspects: Record<string, number> }>();
  const consider = (key: string, doc: DocInput) => {
    let c = combined.get(key);
    if (!c) { c = { doc, score: 0, aspects: {} }; combined.set(key, c); }
    return c;
  };
  for (const [key, { doc, score }] of full) consider(key, doc).score = score;
  for (const { aspect, ranked } of perAspect) {
    for (const [key, { doc, score }] of ranked) {
      const c = consider(key, doc);
      c.aspects[aspect.label] = score;
      c.score = Math.max(c.score, (aspects.length > 1 ? 0.95 : 1) * score);
    }
  }
  for (const c of combined.values()) {
    let boost = 1;
    if (wantsEquipment && c.doc.type === 'equipment') boost *= 1.15;
    if (wantsExpert && c.doc.type === 'expert') boost *= 1.15;
    if (input.filiera && c.doc.filiere.includes(input.filiera)) boost *= 1.1;
    if (input.sector && c.doc.sectors.some((s) => s.startsWith(input.sector!) || input.sector!.startsWith(s))) boost *= 1.05;
    c.score *= boost;
  }
  const ranked = [...combined.values()].sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id));

  // Organisations: best record plus decaying weight of the next ones, and which aspects they cover.
  const byOrg = new Map<string, typeof ranked>();
  for (const r of ranked) {
    const list = byOrg.get(r.doc.organization) ?? [];
    list.push(r);
    byOrg.set(r.doc.organization, list);
  }
  const orgs: OrgCoverage[] = [...byOrg].map(([id, list]) => {
    const strength: Record<string, number> = {};
    for (const a of aspects) strength[a.label] = Math.max(0, ...list.map((r) => r.aspects[a.label] ?? 0));
    const covers = aspects.filter((a) => strength[a.label]! >= COVER_THRESHOLD).map((a) => a.label);
    const score = list.slice(0, 5).reduce((s, r, i) => s + r.score * 0.5 ** i, 0) + 0.25 * covers.length;
    return { id, score: Math.round(score * 1000) / 1000, covers, strength };
  }).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));

  const teams = composeTeams(aspects.map((a) => a.label), orgs);
  return {
    lang,
    aspects: aspects.map((a) => ({
      label: a.label, concepts: a.concepts, words: a.words,
      best: perAspect.find((p) => p.aspect === a)!.ranked.size ? [...perAspect.find((p) => p.aspect === a)!.ranked.values()].slice(0, 3).map((r) => r.doc.id) : [],
    })),
    results: ranked.slice(0, limit).map((r) => ({
      id: r.doc.id, type: r.doc.type, organization: r.doc.organization,
      title: r.doc.title[lang] ?? r.doc.title[lang === 'it' ? 'en' : 'it'] ?? r.doc.id,
      score: Math.round(r.score * 1000) / 1000,
      aspects: Object.entries(r.aspects).filter(([, s]) => s >= COVER_THRESHOLD).map(([label]) => label),
      why: explain(search, r.doc, aspects, parsed),
    })),
    organizations: orgs.slice(0, 20).map(({ id, score, covers }) => ({ id, score, covers })),
    teams,
  };
}

/** Which words and concepts of the problem matched which part of the record. */
function explain(search: SearchService, doc: DocInput, aspects: Aspect[], parsed: ParsedQuery) {
  const out: { aspect: string | null; field: string; matched: string[] }[] = [];
  const fields: [string, 'it' | 'en', string][] = [];
  for (const l of ['it', 'en'] as const) {
    if (doc.title[l]) fields.push(['title', l, doc.title[l]!]);
    if (doc.summary[l] && doc.summary[l] !== doc.title[l]) fields.push(['description', l, doc.summary[l]!]);
  }
  const queries = aspects.length ? aspects.map((a) => ({ aspect: a.label as string | null, q: a.query })) : [{ aspect: null, q: parsed }];
  for (const { aspect, q } of queries) {
    for (const [field, l, text] of fields) {
      const matched = [...new Set(marks(search.highlight(text, l, q, 400)))];
      if (matched.length) out.push({ aspect, field: `${field}.${l}`, matched });
    }
  }
  return out;
}
