import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { StructuredData, useSiteOrigin } from '../../lib/page-head.tsx';

export interface Crumb {
  label: ReactNode;
  to?: string;
  key: string;
}

/** Where the page sits; the last crumb is the page itself. Described for search engines as a schema.org BreadcrumbList. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useI18n();
  const origin = useSiteOrigin();
  const named = items.filter((item) => typeof item.label === 'string' || typeof item.label === 'number');
  return (
    <>
      {named.length === items.length && items.length > 1 ? (
        <StructuredData
          data={{
            '@type': 'BreadcrumbList',
            itemListElement: items.map((item, i) => ({
              '@type': 'ListItem',
              position: i + 1,
              name: String(item.label),
              ...(item.to ? { item: { '@id': `${origin}${item.to}` } } : {}),
            })),
          }}
        />
      ) : null}
      <nav className="breadcrumb-container" aria-label={t('breadcrumbs.label')}>
        <ol className="breadcrumb">
          {items.map((item, i) => {
            const last = i === items.length - 1;
            return last || !item.to ? (
              <li key={item.key} className="breadcrumb-item active" aria-current={last ? 'page' : undefined}>
                {item.label}
              </li>
            ) : (
              <li key={item.key} className="breadcrumb-item">
                <Link to={item.to}>{item.label}</Link>
                <span className="separator" aria-hidden="true">
                  /
                </span>
              </li>
            );
          })}
        </ol>
      </nav>
    </>
  );
}
