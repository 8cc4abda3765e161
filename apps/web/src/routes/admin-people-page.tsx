import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { RequireAdministrator } from '../features/admin/require-administrator.tsx';
import { PeopleListView } from '../features/admin/people-list-view.tsx';
import { PendingInvitations } from '../features/admin/pending-invitations.tsx';

/** /amministrazione/persone: find people. */
export function AdminPeoplePage() {
  const { t } = useI18n();
  return (
    <RequireAdministrator>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'admin', label: t('admin.title'), to: '/amministrazione' },
          { key: 'people', label: t('admin.people.title') },
        ]}
      />
      <PageHeading documentTitle={t('admin.people.title')}>{t('admin.people.title')}</PageHeading>
      <PeopleListView />
      <PendingInvitations />
    </RequireAdministrator>
  );
}
