import { isProvince, normalizeVatNumber, vatNumberProblem } from '@clock/contracts';
import type { Actor } from '../../core/actor.ts';
import type { FieldProblem } from '../../core/errors.ts';

const CENTRE_ROLES = ['nucleus', 'centre-manager', 'centre-staff'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i;

/** Who verifies a claim: a member of any centre (staff, manager, nucleus) or an administrator. */
export function canReviewClaims(actor: Actor): boolean {
  if (actor.kind !== 'member' || !actor.userId) return false;
  return actor.platformRole === 'admin' || actor.memberships.some((m) => CENTRE_ROLES.includes(m.role));
}

/** The centre a reviewer decides for (recorded on the claim), or null for an administrator. */
export function reviewerOrganization(actor: Actor): string | null {
  if (actor.kind !== 'member') return null;
  const m =
    actor.memberships.find((x) => x.role === 'nucleus') ?? actor.memberships.find((x) => CENTRE_ROLES.includes(x.role));
  return m?.organization ?? null;
}

/** Who sees a company's member list: its members, centre members, the Region and administrators. */
export function canSeeMembers(actor: Actor, company: string): boolean {
  if (actor.kind !== 'member') return false;
  return (
    !!actor.platformRole || actor.memberships.some((m) => m.organization === company || CENTRE_ROLES.includes(m.role))
  );
}

/** Who edits the profile: the company's members and administrators (as for any organisation's profile). */
export function canEditCompany(actor: Actor, company: string): boolean {
  if (actor.kind !== 'member') return false;
  return (
    actor.platformRole === 'admin' || actor.memberships.some((m) => m.organization === company && m.role === 'company')
  );
}

/**
 * Who invites colleagues: the company's administrators — the people a centre verified as acting for it — and
 * platform administrators.
 */
export function canInviteToCompany(actor: Actor, company: string, verifiedClaimants: string[]): boolean {
  if (actor.kind !== 'member' || !actor.userId) return false;
  if (actor.platformRole === 'admin') return true;
  return (
    actor.memberships.some((m) => m.organization === company && m.role === 'company') &&
    verifiedClaimants.includes(actor.userId)
  );
}

export const VAT_MESSAGES = {
  format: 'must be 11 digits (an Italian partita IVA)',
  office: 'is not a valid partita IVA: digits 8 to 10 name no tax office',
  check: 'is not a valid partita IVA: the check digit does not match (check for a typo)',
} as const;

/** The VAT number as stored (digits only), or the problem with it. */
export function checkVatNumber(input: string, pointer: string): { value: string } | { problem: FieldProblem } {
  const problem = vatNumberProblem(input);
  return problem ? { problem: { pointer, message: VAT_MESSAGES[problem] } } : { value: normalizeVatNumber(input) };
}

/** Checks of a company's own words and codes that the schema cannot express; `sectors` must be known ATECO codes. */
export function profileProblems(
  body: { province?: string; website?: string | null; sectors?: string[]; filiere?: string[] },
  known: { sectors: Set<string>; filiere: Set<string> },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (body.province !== undefined && !isProvince(body.province))
    problems.push({ pointer: '/body/province', message: 'must be the two-letter code of an Italian province' });
  if (body.website && !URL_RE.test(body.website))
    problems.push({ pointer: '/body/website', message: 'must be a web address starting with http:// or https://' });
  body.sectors?.forEach((s, i) => {
    if (!known.sectors.has(s))
      problems.push({ pointer: `/body/sectors/${i}`, message: `"${s}" is not an ATECO code of the taxonomy` });
  });
  body.filiere?.forEach((f, i) => {
    if (!known.filiere.has(f))
      problems.push({ pointer: `/body/filiere/${i}`, message: `"${f}" is not a supply chain of the taxonomy` });
  });
  return problems;
}

/** Checks of contact details: e-mail and PEC addresses, a phone number of digits, spaces and a leading +. */
export function contactProblems(
  c: { email?: string | null; pec?: string | null; phone?: string | null },
  base = '/body',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const key of ['email', 'pec'] as const) {
    const v = c[key];
    if (v && !EMAIL.test(v.trim())) problems.push({ pointer: `${base}/${key}`, message: 'must be an e-mail address' });
  }
  if (c.phone && !/^\+?[0-9][0-9 ./-]{5,30}$/.test(c.phone.trim()))
    problems.push({ pointer: `${base}/phone`, message: 'must be a phone number (digits, spaces, a leading +)' });
  return problems;
}

/** An organisation id for a newly registered company: its name as a slug and a short random tail. */
export function companyId(name: string, random: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(s\.?r\.?l\.?s?|s\.?p\.?a\.?|s\.?n\.?c\.?|s\.?a\.?s\.?|soc(ieta)?\.? ?coop(erativa)?)\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return `${slug || 'impresa'}-${random}`;
}
