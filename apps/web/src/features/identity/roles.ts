import type { MessageKey } from '../../lib/messages.it.ts';

const ROLE_LABELS: Record<string, MessageKey> = {
  admin: 'role.admin',
  region: 'role.region',
  nucleus: 'role.nucleus',
  'centre-manager': 'role.centre-manager',
  'centre-staff': 'role.centre-staff',
  company: 'role.company',
};

/** The label of a role code (an unknown code shows as "Altro ruolo"). */
export function roleLabel(role: string): MessageKey {
  return ROLE_LABELS[role] ?? 'role.other';
}

/** A backslash or a control character (C0 or DEL): never part of a path we send people to. */
const hasControlOrBackslash = (v: string) =>
  [...v].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * Where to go after signing in: a relative path of this site only — never `//host`, `/\\host`, a full URL, a path
 * with control characters, nor the sign-in page itself.
 */
export function safeReturnPath(value: string | null | undefined, fallback: string): string {
  if (!value?.startsWith('/') || /^\/[/\\]/.test(value) || hasControlOrBackslash(value)) return fallback;
  if (/^\/accedi(?:[/?#]|$)/.test(value)) return fallback;
  return value;
}

/** The sign-in address that comes back here afterwards (the home page included). */
export function signInHref(returnTo: string): string {
  return /^\/accedi(?:[/?#]|$)/.test(returnTo) ? '/accedi' : `/accedi?torna=${encodeURIComponent(returnTo)}`;
}

/**
 * Where a person who came straight to the sign-in page lands: their role's work — the coordination board for the
 * nucleus, the Region and administrators, the requests for centres and companies, else the home page.
 */
export function landingPath(user: { platformRole: string | null; memberships: { role: string }[] }): string {
  if (user.platformRole || user.memberships.some((m) => m.role === 'nucleus')) return '/richieste/coordinamento';
  if (user.memberships.length) return '/richieste';
  return '/';
}
