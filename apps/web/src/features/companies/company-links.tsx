import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { useSession } from '../identity/session.tsx';

/** Where a person links their company, and where centres verify companies and see demand per record. */
export function CompanyLinks() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user) return null;
  const centre = user.memberships.some((m) => m.role !== 'company');
  const admin = user.platformRole === 'admin';
  return (
    <section aria-labelledby="account-company" className="account-section">
      <h2 id="account-company" className="h4">
        {t('nav.my_company')}
      </h2>
      <ul className="list-unstyled">
        <li>
          <Link to="/imprese/nuova">{t('request.form.register_company')}</Link>
        </li>
        {centre || admin ? (
          <li>
            <Link to="/imprese/verifiche">{t('nav.company_claims')}</Link>
          </li>
        ) : null}
        {centre || user.platformRole ? (
          <li>
            <Link to="/richieste/domanda">{t('nav.demand')}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
