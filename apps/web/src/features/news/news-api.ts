import type { NewsItem, NewsPage, SubscriptionView } from '@clock/contracts';
import { apiUrl } from '../../lib/api.ts';

export type { NewsItem, NewsPage, SubscriptionView };

export const newsEndpoints = {
  list: (params: {
    q?: string;
    organization?: string;
    filiera?: string;
    state?: string;
    page?: number;
    limit?: number;
  }) => apiUrl('/news', params),
  one: (id: string) => apiUrl(`/news/${encodeURIComponent(id)}`),
  create: () => apiUrl('/news'),
  act: (id: string, action: 'publish' | 'withdraw') => apiUrl(`/news/${encodeURIComponent(id)}/${action}`),
  subscribe: () => apiUrl('/newsletter/subscriptions'),
  confirm: () => apiUrl('/newsletter/confirm'),
  subscription: (token: string) => apiUrl('/newsletter/subscription', { token }),
  unsubscribe: (token: string) => apiUrl('/newsletter/unsubscribe', { token }),
};

/** The news feed's address (outside the API). */
export const NEWS_FEED = '/feeds/news.xml';

/** A publication day in the reader's language ("4 dicembre 2026"), Italian time. */
export function newsDate(iso: string, lang: 'it' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Rome',
  }).format(new Date(iso));
}
