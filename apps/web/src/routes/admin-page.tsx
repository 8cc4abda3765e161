import { Link } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { RequireAdministrator } from '../features/admin/require-administrator.tsx';

/** /amministrazione: the administration area's entry, for admins and Region officers. */
export function AdminPage() {
  const { t } = useI18n();
  return (
    <RequireAdministrator>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'admin', label: t('admin.title') },
        ]}
      />
      <PageHeading documentTitle={t('admin.title')}>{t('admin.title')}</PageHeading>
      <p className="lead">{t('admin.lead')}</p>
      <ul className="admin-sections list-unstyled">
        <li>
          <h2 className="h4">
            <Link to="/amministrazione/persone">{t('admin.people.title')}</Link>
          </h2>
          <p>{t('admin.people.lead')}</p>
        </li>
        <li>
          <h2 className="h4">
            <Link to="/amministrazione/organizzazioni">{t('admin.org.title')}</Link>
          </h2>
          <p>{t('admin.org.lead')}</p>
        </li>
      </ul>
    </RequireAdministrator>
  );
}
