import { Link } from 'react-router';
import type { Organization } from '@clock/contracts';
import { useI18n, type PluralBase } from '../../lib/i18n.tsx';
import { RECORD_KINDS, RECORD_TYPES, type RecordType } from './record-kinds.ts';

const COUNT_KEY: Record<RecordType, PluralBase> = {
  competence: 'count.competence',
  service: 'count.service',
  equipment: 'count.equipment',
  expert: 'count.expert',
};

/** How many records of each type an organisation offers, each linking to the filtered list. */
export function OrganizationCounts({ organization, links = true }: { organization: Organization; links?: boolean }) {
  const { t, tp } = useI18n();
  const counts = organization.counts;
  if (!counts) return null;
  // Zero counts are noise on a card; an organisation with nothing listed says so once.
  const present = RECORD_TYPES.filter((type) => counts[type] > 0);
  if (present.length === 0) return <p className="organization-counts-none">{t('organization.no_records')}</p>;
  return (
    <ul className="organization-counts">
      {present.map((type) => {
        const text = tp(COUNT_KEY[type], counts[type]);
        return (
          <li key={type}>
            {links ? (
              <Link to={`${RECORD_KINDS[type].path}?organization=${encodeURIComponent(organization.id)}`}>{text}</Link>
            ) : (
              <span>{text}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
