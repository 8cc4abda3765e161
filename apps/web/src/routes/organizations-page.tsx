import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { OrganizationListView } from '../features/catalogue/organization-list-view.tsx';

export function OrganizationsPage() {
  const { t } = useI18n();
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'orgs', label: t('nav.organizations') },
        ]}
      />
      <PageHeading pageType="CollectionPage" documentTitle={t('nav.organizations')}>
        {t('nav.organizations')}
      </PageHeading>
      <p className="lead">{t('organizations.lead')}</p>
      <OrganizationListView />
    </>
  );
}
