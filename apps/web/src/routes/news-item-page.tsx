import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useApi } from '../lib/use-api.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { PendingPage } from '../components/ui/pending-page.tsx';
import { FlashNotice } from '../components/ui/flash-notice.tsx';
import { FallbackNote } from '../components/ui/localized-text.tsx';
import { describe, StructuredData, useSiteOrigin } from '../lib/page-head.tsx';
import { useReferenceData } from '../features/catalogue/reference-data.tsx';
import { newsDate, newsEndpoints, type NewsItem } from '../features/news/news-api.ts';
import { NewsActions } from '../features/news/news-actions.tsx';
import { newsJsonLd } from '../features/news/news-structured-data.ts';
import { NotFoundContent } from './not-found-page.tsx';
import '../features/news/news-messages.ts';

/** /notizie/:id: one news item, readable without the app's scripts; its publishers can edit, publish or withdraw it. */
export function NewsItemPage() {
  const { id = '' } = useParams();
  const { t, pick, lang } = useI18n();
  const origin = useSiteOrigin();
  const { term } = useReferenceData();
  const news = useApi<NewsItem>(newsEndpoints.one(id));
  const [notice, setNotice] = useState<string | null>(null);
  const crumbs = [
    { key: 'home', label: t('nav.home'), to: '/' },
    { key: 'news', label: t('news.title'), to: '/notizie' },
  ];
  if (news.error?.status === 404) return <NotFoundContent what={t('news.not_found')} />;
  if (!news.data) return <PendingPage state={news} crumbs={crumbs} heading={t('news.title')} />;
  const item = news.data;
  const title = pick(item.title);
  const summary = pick(item.summary);
  const body = pick(item.body);
  return (
    <>
      <StructuredData data={newsJsonLd(item, origin, pick, lang)} />
      <Breadcrumbs items={[...crumbs, { key: 'current', label: title?.text ?? '' }]} />
      <article className="news-article">
        <PageHeading
          pageType="ItemPage"
          kind="article"
          documentTitle={title?.text ?? t('news.title')}
          description={describe(summary?.text)}
          lang={title?.isFallback ? title.lang : undefined}
        >
          {title?.text}
          {title ? <FallbackNote picked={title} /> : null}
        </PageHeading>
        <FlashNotice />
        {notice ? (
          <div className="alert alert-success" role="status">
            {notice}
          </div>
        ) : null}
        <p className="news-meta">
          {item.publishedAt ? (
            <time dateTime={item.publishedAt}>
              {t('news.published_on', { date: newsDate(item.publishedAt, lang) })}
            </time>
          ) : (
            <span className="badge bg-secondary">{t(`news.state.${item.state}`)}</span>
          )}
          {' · '}
          {item.organizations.map((o, i) => (
            <span key={o.id}>
              {i > 0 ? ', ' : ''}
              <Link to={`/organizzazioni/${encodeURIComponent(o.id)}`}>{o.name}</Link>
            </span>
          ))}
        </p>
        <NewsActions
          item={item}
          onChanged={(message) => {
            setNotice(message);
            news.reload();
          }}
        />
        {summary ? (
          <p className="lead" lang={summary.isFallback ? summary.lang : undefined}>
            {summary.text}
          </p>
        ) : null}
        {body
          ? body.text.split(/\n{2,}/).map((paragraph, i) => (
              <p key={i} lang={body.isFallback ? body.lang : undefined}>
                {paragraph}
              </p>
            ))
          : null}
        {item.filiere.length ? (
          <p>
            <span className="fw-semibold">{t('news.topics')}: </span>
            {item.filiere.map((code) => (
              <Link
                key={code}
                className="badge bg-primary-subtle text-primary-emphasis me-1"
                to={`/notizie?filiera=${encodeURIComponent(code)}`}
              >
                {pick(term('filiera', code)?.label)?.text ?? code}
              </Link>
            ))}
          </p>
        ) : null}
      </article>
      <p className="mt-4">
        <Link to="/newsletter">{t('news.subscribe_cta')}</Link>
      </p>
    </>
  );
}
