import { vatNumberProblem } from '@clock/contracts';
import type { FieldProblem } from '../../core/errors.ts';

/**
 * What an anonymous opportunity's text may not say: anything that tells who the company is. Pure, so every case —
 * the leaks and the ordinary numbers that must pass (ISO 9001, years, "200.000 cicli") — is tested without a database.
 */
export interface Identity {
  /** The company's name as registered (legal forms such as "S.r.l." are ignored when looking for it). */
  name: string;
  /** Its web site, if known: its domain and the domain's name are refused too. */
  website?: string | null;
}

export type Leak = 'email' | 'url' | 'vat' | 'phone' | 'name';

export const LEAK_MESSAGES: Record<Leak, string> = {
  email: 'contains an e-mail address, which would reveal who the company is: remove it (the centre passes on messages)',
  url: 'contains a web address, which would reveal who the company is: remove it',
  vat: 'contains a VAT number (partita IVA), which would reveal who the company is: remove it',
  phone: 'contains a phone number, which would reveal who the company is: remove it',
  name: "contains the company's own name or web domain: remove it, or publish the opportunity with the company's name",
};

/** Lower case, accents removed, so "CARTIÈRA" and "cartiera" compare equal. */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const EMAIL =
  /[a-z0-9._%+-]+\s*(?:@|\(at\)|\[at\]|\(chiocciola\))\s*[a-z0-9-]+(?:\s*(?:\.|\(dot\)|\[dot\])\s*[a-z0-9-]+)+/i;
const TLDS =
  'it|com|eu|net|org|info|biz|io|co|de|fr|es|uk|ch|at|nl|be|us|shop|store|online|site|tech|app|cloud|email|toscana|tuscany|srl|studio|design';
const URL = new RegExp(
  `(?:\\b(?:https?|ftp)://\\S+|\\bwww\\d?\\.\\S+|\\b[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:${TLDS})\\b(?![.-]?[a-z0-9]))`,
  'i',
);
/** Digits with the separators people write numbers with. */
const DIGIT_RUN = /(?:\+|\b00)?\d[\d .\-/()]*\d/g;
/** A quantity follows: "200.000 cicli", "30 000 000 euro", "2.500 kg". */
const UNIT_AFTER =
  /^\s*(?:€|euro|eur|k?€|%|cicli|cycles|pezzi|pieces|pcs|units?|unita|kg|g|t|tonn\w*|tons?|m|mm|cm|km|m2|m3|mq|l|litri|liters?|litres?|ore|hours?|h|anni|years?|mesi|months?|giorni|days?|kw|mw|kwh|mwh|v|w|bar|rpm|°|c\b|dipendenti|employees|addetti|clienti|customers)/i;
const VAT_PREFIX = /\b(?:it|p\.?\s?iva|partita\s+iva|vat(?:\s+(?:no|number|n)\.?)?|c\.?\s?f\.?)\s*[:.]?\s*$/i;
const PHONE_PREFIX = /\b(?:tel|telefono|phone|cell|mobile|fax|whatsapp|chiamare|call)\.?\s*[:.]?\s*$/i;

/** Whether a run of digits (as written) is a phone number rather than a quantity, a code or a year. */
function phoneLike(run: string, before: string, after: string): boolean {
  const digits = run.replace(/\D/g, '');
  if (PHONE_PREFIX.test(before)) return digits.length >= 6;
  if (/^(\+|00)/.test(run)) return digits.length >= 8 && digits.length <= 15;
  if (digits.length < 8 || digits.length > 12) return false;
  if (UNIT_AFTER.test(after)) return false;
  // Thousands written the Italian or English way ("1.000.000", "12,500,000").
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(run)) return false;
  // Ranges and dates: "2019-2024", "01/02/2025".
  if (/^\d{4}\s*[-/]\s*\d{4}$/.test(run) || /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(run)) return false;
  // Italian numbers: landlines begin with 0, mobiles with 3.
  return /^[03]/.test(digits);
}

function vatLike(run: string, before: string): boolean {
  const digits = run.replace(/\D/g, '');
  if (digits.length !== 11) return false;
  return VAT_PREFIX.test(before) || vatNumberProblem(digits) === null;
}

/** The words of a company name that identify it: without legal forms and punctuation. */
export function nameCore(name: string): string {
  return fold(name)
    .replace(
      /\b(s\.?\s?r\.?\s?l\.?\s?s?|s\.?\s?p\.?\s?a\.?|s\.?\s?n\.?\s?c\.?|s\.?\s?a\.?\s?s\.?|soc(?:ieta)?\.?\s?coop(?:erativa)?|coop|societa|agricola|ltd|inc|gmbh|unipersonale|a\.?\s?r\.?\s?l\.?)(?=\W|$)/g,
      ' ',
    )
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function domainOf(website: string | null | undefined): { domain: string; label: string } | null {
  if (!website) return null;
  const host = fold(website.trim())
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/^www\d?\./, '');
  if (!host.includes('.')) return null;
  const label = host.split('.').slice(-2, -1)[0] ?? '';
  return { domain: host, label };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phrase = (words: string) =>
  new RegExp(`(?:^|[^a-z0-9])${words.split(' ').map(escapeRe).join('[^a-z0-9]+')}(?:$|[^a-z0-9])`);

/** Which kinds of identifying detail a text contains (each at most once). */
export function leaksIn(text: string, who: Identity): Leak[] {
  const found = new Set<Leak>();
  if (EMAIL.test(text)) found.add('email');
  if (URL.test(text.replace(EMAIL, ' '))) found.add('url');
  for (const m of text.matchAll(DIGIT_RUN)) {
    const run = m[0].replace(/[\s.\-/(]+$/, '');
    const before = text.slice(Math.max(0, m.index! - 24), m.index!);
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 16);
    if (vatLike(run, before)) found.add('vat');
    else if (phoneLike(run, before, after)) found.add('phone');
  }
  const folded = fold(text);
  const core = nameCore(who.name);
  if (core.length >= 3 && phrase(core).test(folded)) found.add('name');
  const site = domainOf(who.website);
  if (site) {
    if (folded.includes(site.domain)) found.add('name');
    // The domain's own name, when it is a distinctive word ("cartierarossi"), not a common one.
    if (site.label.length >= 5 && phrase(site.label).test(folded)) found.add('name');
  }
  return [...found];
}

export interface TextFields {
  [field: string]: { it?: string; en?: string } | null | undefined;
}

/**
 * Every field (and language) of an anonymous opportunity that would reveal the company, one problem per field and
 * kind of detail, pointed at as `/body/<field>/<lang>`.
 */
export function anonymityProblems(fields: TextFields, who: Identity, base = '/body'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (!value) continue;
    for (const lang of ['it', 'en'] as const) {
      const text = value[lang];
      if (!text) continue;
      for (const leak of leaksIn(text, who))
        problems.push({ pointer: `${base}/${field}/${lang}`, message: LEAK_MESSAGES[leak] });
    }
  }
  return problems;
}
