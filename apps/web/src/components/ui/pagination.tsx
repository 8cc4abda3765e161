import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { Icon } from './icon.tsx';

interface PaginationProps {
  page: number;
  total: number;
  limit: number;
  /** The link target of a page (usually the same path with ?page=n). */
  hrefFor: (page: number) => string;
  label?: string;
}

/** Page numbers around the current one, with the first and last, and gaps as "…". */
export function pageWindow(page: number, pages: number): (number | 'gap')[] {
  const wanted = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  for (const p of sorted) {
    const prev = out[out.length - 1];
    if (typeof prev === 'number' && p - prev > 1) out.push(p - prev === 2 ? prev + 1 : 'gap');
    out.push(p);
  }
  return out;
}

export function Pagination({ page, total, limit, hrefFor, label }: PaginationProps) {
  const { t, formatNumber } = useI18n();
  const pages = Math.max(1, Math.ceil(total / limit));
  if (pages <= 1) return null;
  const items = pageWindow(page, pages);
  return (
    <nav className="pagination-wrapper justify-content-center" aria-label={label ?? t('pagination.label')}>
      <ul className="pagination flex-wrap">
        <li className={page <= 1 ? 'page-item disabled' : 'page-item'}>
          {page <= 1 ? (
            <span className="page-link">
              <Icon name="chevron-left" className="icon-primary" />
              <span className="visually-hidden">{t('pagination.previous')}</span>
            </span>
          ) : (
            <Link className="page-link" to={hrefFor(page - 1)}>
              <Icon name="chevron-left" className="icon-primary" />
              <span className="visually-hidden">{t('pagination.previous')}</span>
            </Link>
          )}
        </li>
        {items.map((item, i) =>
          item === 'gap' ? (
            <li key={`gap-${i}`} className="page-item">
              <span className="page-link" aria-hidden="true">
                …
              </span>
            </li>
          ) : (
            <li key={item} className="page-item">
              <Link className="page-link" to={hrefFor(item)} aria-current={item === page ? 'page' : undefined}>
                <span className="visually-hidden">{t('pagination.page')} </span>
                {formatNumber(item)}
              </Link>
            </li>
          ),
        )}
        <li className={page >= pages ? 'page-item disabled' : 'page-item'}>
          {page >= pages ? (
            <span className="page-link">
              <span className="visually-hidden">{t('pagination.next')}</span>
              <Icon name="chevron-right" className="icon-primary" />
            </span>
          ) : (
            <Link className="page-link" to={hrefFor(page + 1)}>
              <span className="visually-hidden">{t('pagination.next')}</span>
              <Icon name="chevron-right" className="icon-primary" />
            </Link>
          )}
        </li>
      </ul>
    </nav>
  );
}
