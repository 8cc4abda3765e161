import type { Me, MembershipRole } from '../../lib/api.ts';

const CENTRE_ROLES: readonly MembershipRole[] = ['nucleus', 'centre-manager', 'centre-staff'];

/** The centres whose bookings this account handles (approval queue, usage, qualifications). */
export function centresOf(user: Pick<Me, 'memberships'> | null | undefined): string[] {
  return [
    ...new Set((user?.memberships ?? []).filter((m) => CENTRE_ROLES.includes(m.role)).map((m) => m.organization)),
  ];
}
