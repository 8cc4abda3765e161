import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { newsDate, type NewsItem } from './news-api.ts';
import './news-messages.ts';

/** One news item in a list: its title (a link), day, publishers and summary. */
export function NewsCard({ item, headingLevel = 3 }: { item: NewsItem; headingLevel?: 2 | 3 }) {
  const { t, pick, lang } = useI18n();
  const title = pick(item.title);
  const summary = pick(item.summary);
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="card card-bg news-card h-100">
      <div className="card-body">
        <p className="news-meta small mb-2">
          {item.publishedAt ? (
            <time dateTime={item.publishedAt}>{newsDate(item.publishedAt, lang)}</time>
          ) : (
            <span className="badge bg-secondary">{t(`news.state.${item.state}`)}</span>
          )}
          {item.state === 'withdrawn' ? (
            <span className="badge bg-secondary ms-2">{t('news.state.withdrawn')}</span>
          ) : null}
          <span className="ms-2">{t('news.by', { names: item.organizations.map((o) => o.name).join(', ') })}</span>
        </p>
        <Heading className="card-title h5">
          <Link to={`/notizie/${item.id}`} lang={title?.isFallback ? title.lang : undefined}>
            {title?.text}
          </Link>
        </Heading>
        {summary ? (
          <p className="card-text" lang={summary.isFallback ? summary.lang : undefined}>
            {summary.text}
          </p>
        ) : null}
      </div>
    </article>
  );
}
