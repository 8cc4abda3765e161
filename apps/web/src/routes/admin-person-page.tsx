import { useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useApi } from '../lib/use-api.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { PendingPage } from '../components/ui/pending-page.tsx';
import { RequireAdministrator } from '../features/admin/require-administrator.tsx';
import { adminEndpoints, type PersonDetail } from '../features/admin/admin-api.ts';
import { PersonView } from '../features/admin/person-view.tsx';
import { NotFoundContent } from './not-found-page.tsx';

function Person() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const person = useApi<PersonDetail>(adminEndpoints.person(id), { fresh: true });
  const crumbs = [
    { key: 'home', label: t('nav.home'), to: '/' },
    { key: 'admin', label: t('admin.title'), to: '/amministrazione' },
    { key: 'people', label: t('admin.people.title'), to: '/amministrazione/persone' },
  ];
  if (person.error?.status === 404) return <NotFoundContent what={t('admin.person.not_found')} />;
  if (!person.data) return <PendingPage state={person} crumbs={crumbs} heading={t('state.loading')} />;
  const name = person.data.name || person.data.email;
  return (
    <>
      <Breadcrumbs items={[...crumbs, { key: 'person', label: name }]} />
      <PageHeading documentTitle={name}>{name}</PageHeading>
      <PersonView key={person.data.id} initial={person.data} />
    </>
  );
}

/** /amministrazione/persone/<id>: one person's account, roles and history. */
export function AdminPersonPage() {
  return (
    <RequireAdministrator>
      <Person />
    </RequireAdministrator>
  );
}
