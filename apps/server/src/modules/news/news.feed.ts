import { Feed } from 'feed';
import type { Db } from '../../db/client.ts';
import * as repo from './news.repo.ts';
import { newsUrl } from './news.service.ts';

/**
 * The news as an RSS 2.0 feed (the `feed` library writes it): the 50 newest published items, all organisations or
 * one, in the reader's language with the other as a fallback; links absolute from the public address.
 */
export async function newsFeed(
  db: Db,
  o: { publicUrl: string; lang: 'it' | 'en'; organization?: string; filiera?: string },
): Promise<string> {
  const items = await repo.publishedNews(db, { limit: 50, organization: o.organization, filiera: o.filiera });
  const pick = (t: { it?: string; en?: string } | null | undefined) => (t ? (t[o.lang] ?? t.it ?? t.en ?? '') : '');
  const self = `${o.publicUrl}/feeds/news.xml`;
  const feed = new Feed({
    title: o.lang === 'en' ? 'CL.O.C.K. — news of the network' : 'CL.O.C.K. — notizie della rete',
    description:
      o.lang === 'en'
        ? 'News from Regione Toscana and its technology-transfer centres'
        : 'Le notizie di Regione Toscana e dei suoi centri di trasferimento tecnologico',
    id: `${o.publicUrl}/notizie`,
    link: `${o.publicUrl}/notizie`,
    language: o.lang,
    copyright: 'CC BY 4.0',
    updated: items[0]?.publishedAt ?? new Date(0),
    generator: 'CL.O.C.K.',
    feedLinks: { rss: self },
  });
  for (const item of items) {
    feed.addItem({
      title: pick(item.title),
      id: newsUrl(o.publicUrl, item.id),
      link: newsUrl(o.publicUrl, item.id),
      description: pick(item.summary),
      content: item.body ? pick(item.body) : undefined,
      date: item.publishedAt!,
      author: item.organizations.map((org) => ({ name: org.name, link: `${o.publicUrl}/organizzazioni/${org.id}` })),
      category: item.filiere.map((f) => ({ name: f })),
    });
  }
  return feed.rss2();
}
