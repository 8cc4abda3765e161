import type { Me } from '../../lib/api.ts';
import { useSession } from '../identity/session.tsx';

type Account = Pick<Me, 'memberships'> | null | undefined;

/**
 * Who is who for the brokerage, used only to choose what to show: the server decides every step (each opportunity
 * carries the `actions` the caller may take).
 */
export const CENTRE_ROLES = ['nucleus', 'centre-manager', 'centre-staff'];

/** The companies the account acts for. */
export function companiesOf(user: Account): string[] {
  return (user?.memberships ?? []).filter((m) => m.role === 'company').map((m) => m.organization);
}
/** The centres whose staff the account is. */
export function centresOf(user: Account): string[] {
  return (user?.memberships ?? []).filter((m) => CENTRE_ROLES.includes(m.role)).map((m) => m.organization);
}

/** Whether the signed-in person is staff of the centre handling the opportunity. */
export function useIsHandler(o: { centre: { id: string } }): boolean {
  const { user } = useSession();
  return centresOf(user).includes(o.centre.id);
}
