import type { Me, Organization } from '../../lib/api.ts';
import { newsOrganizations } from '../news/news-roles.ts';

type Account = Pick<Me, 'platformRole' | 'memberships'> | null | undefined;

/**
 * The organisations in whose name this person may organise an event (the server's rule, modules/events/events.rules.ts
 * `isOrganizer`): their own centres (nucleus, centre manager, centre staff), the Region for its officers, any but a
 * company for administrators. The same people who write news, so the same rule. Only to show the forms; the server
 * decides.
 */
export function eventOrganizations(user: Account, all: Organization[]): Organization[] {
  return newsOrganizations(user, all);
}
