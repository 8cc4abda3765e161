import type { Me, Organization } from '../../lib/api.ts';
import { newsOrganizations } from '../news/news-roles.ts';

type Account = Pick<Me, 'platformRole' | 'memberships'> | null | undefined;

/**
 * The centres in whose name this person may organise a matchmaking day (the server's rule, brokerage `staffOf` and
 * an organiser that is a centre): their own centres as nucleus, manager or staff; any centre for administrators.
 * Only to show the form; the server decides.
 */
export function matchmakingOrganizers(user: Account, all: Organization[]): Organization[] {
  return newsOrganizations(user, all).filter((o) => o.kind === 'centre');
}
