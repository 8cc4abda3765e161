import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { RequireAdministrator } from '../features/admin/require-administrator.tsx';
import { OrganizationAdminList } from '../features/admin/organization-admin-list.tsx';
import { OrganizationCreateForm } from '../features/admin/organization-create-form.tsx';

const adminCrumbs = (t: ReturnType<typeof useI18n>['t']) => [
  { key: 'home', label: t('nav.home'), to: '/' },
  { key: 'admin', label: t('admin.title'), to: '/amministrazione' },
];

/** /amministrazione/organizzazioni: the register of organisations. */
export function AdminOrganizationsPage() {
  const { t } = useI18n();
  return (
    <RequireAdministrator>
      <Breadcrumbs items={[...adminCrumbs(t), { key: 'orgs', label: t('admin.org.title') }]} />
      <PageHeading documentTitle={t('admin.org.title')}>{t('admin.org.title')}</PageHeading>
      <OrganizationAdminList />
    </RequireAdministrator>
  );
}

/** /amministrazione/organizzazioni/nuova: add an organisation. */
export function AdminOrganizationCreatePage() {
  const { t } = useI18n();
  return (
    <RequireAdministrator>
      <Breadcrumbs
        items={[
          ...adminCrumbs(t),
          { key: 'orgs', label: t('admin.org.title'), to: '/amministrazione/organizzazioni' },
          { key: 'new', label: t('admin.org.add') },
        ]}
      />
      <PageHeading documentTitle={t('admin.org.add')}>{t('admin.org.add')}</PageHeading>
      <OrganizationCreateForm />
    </RequireAdministrator>
  );
}
