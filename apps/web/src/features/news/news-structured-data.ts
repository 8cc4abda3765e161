import type { NewsItem } from './news-api.ts';

type Pick = (text: { it?: string; en?: string } | undefined | null) => { text: string } | undefined;

/** A news item as a schema.org NewsArticle: headline, dates, the publishing organisations as authors and publisher. */
export function newsJsonLd(item: NewsItem, origin: string, pick: Pick, lang: 'it' | 'en'): Record<string, unknown> {
  const url = `${origin}/notizie/${item.id}`;
  const organizations = item.organizations.map((o) => ({
    '@type': 'Organization',
    '@id': `${origin}/organizzazioni/${encodeURIComponent(o.id)}`,
    name: o.name,
  }));
  const body = pick(item.body)?.text;
  return {
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: url,
    headline: (pick(item.title)?.text ?? '').slice(0, 110),
    description: pick(item.summary)?.text,
    ...(body ? { articleBody: body } : {}),
    inLanguage: lang,
    ...(item.publishedAt ? { datePublished: item.publishedAt } : {}),
    dateModified: item.updatedAt,
    author: organizations,
    publisher: organizations[0],
  };
}
