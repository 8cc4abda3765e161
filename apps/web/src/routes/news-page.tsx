import { Link } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { FlashNotice } from '../components/ui/flash-notice.tsx';
import { useSession } from '../features/identity/session.tsx';
import { useReferenceData } from '../features/catalogue/reference-data.tsx';
import { NewsListView } from '../features/news/news-list-view.tsx';
import { NEWS_FEED } from '../features/news/news-api.ts';
import { newsOrganizations } from '../features/news/news-roles.ts';
import '../features/news/news-messages.ts';

/** /notizie: the network's news, filterable; the publishers also see their drafts and can write a new item. */
export function NewsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { organizations } = useReferenceData();
  const writer = newsOrganizations(user, organizations).length > 0;
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'news', label: t('news.title') },
        ]}
      />
      <PageHeading pageType="CollectionPage" documentTitle={t('news.title')} description={t('news.lead')}>
        {t('news.title')}
      </PageHeading>
      <FlashNotice />
      <p className="lead">{t('news.lead')}</p>
      <p className="d-flex flex-wrap gap-3">
        <Link to="/newsletter">{t('news.subscribe_cta')}</Link>
        <a href={NEWS_FEED} type="application/rss+xml">
          {t('news.feed')}
        </a>
        {writer ? (
          <Link className="btn btn-primary btn-sm" to="/notizie/nuova">
            {t('news.write')}
          </Link>
        ) : null}
      </p>
      <NewsListView />
      {writer ? (
        <section aria-labelledby="news-drafts-title" className="mt-5">
          <h2 id="news-drafts-title" className="h4">
            {t('news.drafts')}
          </h2>
          <NewsListView state="draft" />
          <NewsListView state="withdrawn" />
        </section>
      ) : null}
    </>
  );
}
