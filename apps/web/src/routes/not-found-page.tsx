import { Link } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { SearchBox } from '../features/search/search-box.tsx';

/** "Not found", for unknown addresses and for records that do not exist. */
export function NotFoundContent({ what }: { what?: string }) {
  const { t } = useI18n();
  return (
    <div className="not-found">
      <PageHeading documentTitle={what ?? t('not_found.title')}>{what ?? t('not_found.title')}</PageHeading>
      <p className="lead">{t('not_found.text')}</p>
      <ul className="not-found-links">
        <li>
          <Link to="/">{t('not_found.home')}</Link>
        </li>
        <li>
          <Link to="/organizzazioni">{t('nav.organizations')}</Link>
        </li>
      </ul>
      <SearchBox variant="page" />
    </div>
  );
}

export function NotFoundPage() {
  return <NotFoundContent />;
}
