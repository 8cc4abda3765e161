import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';

export interface Crumb {
  label: ReactNode;
  to?: string;
  key: string;
}

/** Where the page sits; the last crumb is the page itself. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useI18n();
  return (
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
  );
}
