import { useI18n } from '../../lib/i18n.tsx';
import { useOrganizationName } from '../catalogue/organization-name.tsx';

export interface TeamMember {
  organization: string;
  role: 'lead' | 'partner';
  covers: string[];
}

/** The members of a suggested team: each organisation with its role (lead or partner) and the aspects it covers. */
export function TeamMembers({ members }: { members: TeamMember[] }) {
  const { t } = useI18n();
  const orgName = useOrganizationName();
  return (
    <ul className="team-members">
      {members.map((m) => (
        <li key={m.organization}>
          <strong>{orgName(m.organization)}</strong>{' '}
          <span className="team-member-role">
            ({t(m.role === 'lead' ? 'request.role.lead' : 'request.role.partner')})
          </span>
          {m.covers.length ? `: ${t('proposal.member_covers', { aspects: m.covers.join(', ') })}` : null}
        </li>
      ))}
    </ul>
  );
}
