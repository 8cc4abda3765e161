import { Link } from 'react-router';
import type { NetworkOverview } from '@clock/contracts';
import { useI18n, type PluralBase } from '../../lib/i18n.tsx';

const TOTALS: { key: keyof NetworkOverview['totals']; label: PluralBase; to: string }[] = [
  { key: 'organization', label: 'total.organization', to: '/organizzazioni' },
  { key: 'competence', label: 'total.competence', to: '/competenze' },
  { key: 'service', label: 'total.service', to: '/servizi' },
  { key: 'equipment', label: 'total.equipment', to: '/attrezzature' },
  { key: 'expert', label: 'total.expert', to: '/esperti' },
];

/** The size of the shared catalogue, each figure leading to its list. */
export function NetworkTotals({ totals }: { totals: NetworkOverview['totals'] }) {
  const { tp, formatNumber } = useI18n();
  return (
    <ul className="network-totals">
      {TOTALS.map(({ key, label, to }) => (
        <li key={key}>
          <Link to={to} className="network-total">
            <span className="network-total-figure">{formatNumber(totals[key])}</span>{' '}
            {/* The label messages carry no {count}: the figure is shown apart, bigger. */}
            <span className="network-total-label">{tp(label, totals[key])}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
