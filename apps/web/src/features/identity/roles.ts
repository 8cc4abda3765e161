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

/** Where to go after signing in: a path of this site only (never `//host` or a full URL). */
export function safeReturnPath(value: string | null | undefined, fallback = '/account'): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}

/** The sign-in address that comes back here afterwards. */
export function signInHref(returnTo: string): string {
  return returnTo === '/' || returnTo.startsWith('/accedi') ? '/accedi' : `/accedi?torna=${encodeURIComponent(returnTo)}`;
}
