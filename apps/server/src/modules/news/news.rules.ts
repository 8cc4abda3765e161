import type { NewsState, Taxonomies } from '@clock/contracts';
import type { FieldProblem } from '../../core/errors.ts';
import type { Actor } from '../../core/actor.ts';
import type { MembershipRole } from '../../db/schema/index.ts';

/**
 * The news desk's rules, pure: who may publish for an organisation, what can be done to an item in each state, what a
 * reader may see, and which subscriptions an item concerns.
 */

const WRITERS: MembershipRole[] = ['nucleus', 'centre-manager', 'centre-staff'];

/**
 * May this actor publish news in the name of this organisation? Administrators for any; a centre's nucleus
 * representative, managers and staff for their own organisation; Region officers for the Region (an organisation of
 * kind `region`). Companies publish opportunities, not news.
 */
export function canWriteNews(actor: Actor, organization: { id: string; kind: string }): boolean {
  if (actor.kind !== 'member') return false;
  if (actor.platformRole === 'admin') return true;
  if (actor.platformRole === 'region' && organization.kind === 'region') return true;
  if (organization.kind === 'company') return false;
  const role = actor.memberships.find((m) => m.organization === organization.id)?.role;
  return role !== undefined && WRITERS.includes(role);
}

export type NewsAction = 'edit' | 'publish' | 'withdraw';

/** What can happen to an item in each state (by someone who may write it). */
export const NEWS_TRANSITIONS: Record<NewsState, NewsAction[]> = {
  draft: ['edit', 'publish'],
  published: ['edit', 'withdraw'],
  withdrawn: ['edit', 'publish'],
};

/** The item's actions for this actor: none unless they may write for one of its organisations. */
export function allowedNewsActions(
  actor: Actor,
  item: { state: NewsState; organizations: { id: string; kind: string }[] },
): NewsAction[] {
  return item.organizations.some((o) => canWriteNews(actor, o)) ? NEWS_TRANSITIONS[item.state] : [];
}

/** Published items are public; drafts and withdrawn ones only reach those who may write them. */
export function canReadNews(
  actor: Actor,
  item: { state: NewsState; organizations: { id: string; kind: string }[] },
): boolean {
  return item.state === 'published' || item.organizations.some((o) => canWriteNews(actor, o));
}

export interface Topics {
  filiere: string[];
  sectors: string[];
  s3: string[];
  organizations: string[];
}

/**
 * Does an item concern a subscriber who follows these topics? Following nothing means everything; otherwise one shared
 * filiera, sector, S3 code (a priority follows its cells: `tp.x` matches `tp.x×aa.y`) or organisation is enough.
 */
export function concerns(topics: Topics, item: Topics): boolean {
  const none = !topics.filiere.length && !topics.sectors.length && !topics.s3.length && !topics.organizations.length;
  if (none) return true;
  const shares = (a: string[], b: string[]) => a.some((x) => b.includes(x));
  const s3 = topics.s3.some((code) => item.s3.some((c) => c === code || c.startsWith(`${code}×`)));
  return (
    shares(topics.filiere, item.filiere) ||
    shares(topics.sectors, item.sectors) ||
    shares(topics.organizations, item.organizations) ||
    s3
  );
}

/** An address shown through a link that may have been forwarded: the first letter of the local part and the domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** Unknown filiera, sector and S3 codes of a body (under `prefix`, e.g. `/topics`), one problem each. */
export function codeProblems(
  taxonomies: Taxonomies,
  body: { filiere?: string[]; sectors?: string[]; s3?: string[] },
  prefix = '',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, scheme] of [
    ['filiere', 'filiera'],
    ['sectors', 'sector'],
    ['s3', 's3'],
  ] as const) {
    const known = new Set(taxonomies[scheme].map((t) => t.code));
    (body[field] ?? []).forEach((code, i) => {
      if (!known.has(code))
        problems.push({ pointer: `${prefix}/${field}/${i}`, message: `Unknown ${scheme} code "${code}"` });
    });
  }
  return problems;
}
