import type { Me, Organization } from '../../lib/api.ts';

type Account = Pick<Me, 'platformRole' | 'memberships'> | null | undefined;
const WRITERS = ['nucleus', 'centre-manager', 'centre-staff'];

/**
 * The organisations in whose name this person may publish news (the server's rule, modules/news/news.rules.ts): their
 * own centres, the Region for its officers, any for administrators. Only to show the forms; the server decides.
 */
export function newsOrganizations(user: Account, all: Organization[]): Organization[] {
  if (!user) return [];
  return all.filter((o) => {
    if (user.platformRole === 'admin') return o.kind !== 'company';
    if (user.platformRole === 'region' && o.kind === 'region') return true;
    if (o.kind === 'company') return false;
    const role = user.memberships.find((m) => m.organization === o.id)?.role;
    return !!role && WRITERS.includes(role);
  });
}
