import { useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useApi } from '../lib/use-api.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { PendingPage } from '../components/ui/pending-page.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { useSession } from '../features/identity/session.tsx';
import { useReferenceData } from '../features/catalogue/reference-data.tsx';
import { newsEndpoints, type NewsItem } from '../features/news/news-api.ts';
import { NewsForm } from '../features/news/news-form.tsx';
import { newsOrganizations } from '../features/news/news-roles.ts';
import { NotFoundContent } from './not-found-page.tsx';
import '../features/news/news-messages.ts';

/** /notizie/nuova and /notizie/:id/modifica: a centre writes or changes a news item. */
export function NewsEditPage() {
  const { id } = useParams();
  return <RequireSignIn>{id ? <EditNews id={id} /> : <CreateNews />}</RequireSignIn>;
}

function crumbs(t: ReturnType<typeof useI18n>['t']) {
  return [
    { key: 'home', label: t('nav.home'), to: '/' },
    { key: 'news', label: t('news.title'), to: '/notizie' },
  ];
}

function CreateNews() {
  const { t } = useI18n();
  const { user } = useSession();
  const { organizations } = useReferenceData();
  const allowed = newsOrganizations(user, organizations).length > 0;
  return (
    <>
      <Breadcrumbs items={[...crumbs(t), { key: 'new', label: t('news.form.create_title') }]} />
      <PageHeading documentTitle={t('news.form.create_title')}>{t('news.form.create_title')}</PageHeading>
      <p className="lead">{t('news.form.lead')}</p>
      {allowed || organizations.length === 0 ? (
        <NewsForm />
      ) : (
        <p className="alert alert-warning">{t('news.not_allowed')}</p>
      )}
    </>
  );
}

function EditNews({ id }: { id: string }) {
  const { t } = useI18n();
  const news = useApi<NewsItem>(newsEndpoints.one(id), { fresh: true });
  if (news.error?.status === 404) return <NotFoundContent what={t('news.not_found')} />;
  if (!news.data) return <PendingPage state={news} crumbs={crumbs(t)} heading={t('news.form.edit_title')} />;
  return (
    <>
      <Breadcrumbs items={[...crumbs(t), { key: 'edit', label: t('news.form.edit_title') }]} />
      <PageHeading documentTitle={t('news.form.edit_title')}>{t('news.form.edit_title')}</PageHeading>
      <p className="lead">{t('news.form.lead')}</p>
      {news.data.allowedActions.includes('edit') ? (
        <NewsForm item={news.data} />
      ) : (
        <p className="alert alert-warning">{t('news.not_allowed')}</p>
      )}
    </>
  );
}
