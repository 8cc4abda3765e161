import { Link } from 'react-router';
import { addMessages, useI18n } from '../../lib/i18n.tsx';
import { useSession } from '../identity/session.tsx';
import { centresOf, companiesOf } from './brokerage-roles.ts';
import { brokerageLinksEn, brokerageLinksIt } from './brokerage-links-messages.ts';

addMessages({ it: brokerageLinksIt, en: brokerageLinksEn });

/** Where a person goes in the brokerage: a company publishes and follows its own, a centre reviews, both introduce. */
function useBrokerageLinks(): {
  to: string;
  label:
    | 'brokerage.links.publish'
    | 'brokerage.links.mine'
    | 'brokerage.links.review'
    | 'brokerage.links.introductions';
}[] {
  const { user } = useSession();
  const company = companiesOf(user).length > 0;
  const centre = centresOf(user).length > 0;
  return [
    ...(company
      ? [
          { to: '/opportunita/nuova', label: 'brokerage.links.publish' as const },
          { to: '/opportunita/mie', label: 'brokerage.links.mine' as const },
        ]
      : []),
    ...(centre ? [{ to: '/opportunita/revisione', label: 'brokerage.links.review' as const }] : []),
    ...(company || centre ? [{ to: '/introduzioni', label: 'brokerage.links.introductions' as const }] : []),
  ];
}

/** The links as items of the header's account menu. */
export function BrokerageMenuItems() {
  const { t } = useI18n();
  return (
    <>
      {useBrokerageLinks().map((l) => (
        <li key={l.to}>
          <Link to={l.to}>{t(l.label)}</Link>
        </li>
      ))}
    </>
  );
}

/** The links above the list of opportunities (nothing for a visitor or a person of neither a company nor a centre). */
export function BrokerageLinks() {
  const { t } = useI18n();
  const links = useBrokerageLinks();
  if (!links.length) return null;
  return (
    <nav aria-label={t('brokerage.links.label')} className="mb-4">
      <ul className="list-inline mb-0 d-flex flex-wrap gap-2">
        {links.map((l, i) => (
          <li key={l.to} className="list-inline-item m-0">
            <Link className={`btn btn-sm ${i === 0 ? 'btn-primary' : 'btn-outline-primary'}`} to={l.to}>
              {t(l.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
