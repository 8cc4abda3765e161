import { Link, useRouteError } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';

/** A page that failed to render or whose code could not load: say so, offer a reload. Never a blank page. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  const chunkFailed = error instanceof TypeError && /import|module/i.test(error.message);
  if (import.meta.env.DEV) console.error(error);
  return (
    <>
      <PageHeading documentTitle={t('error.page_title')}>{t('error.page_title')}</PageHeading>
      <div className="alert alert-danger" role="alert">
        <p>{chunkFailed ? t('error.chunk') : t('error.page_text')}</p>
        <button type="button" className="btn btn-outline-danger btn-sm me-3" onClick={() => window.location.reload()}>
          {t('action.reload')}
        </button>
        <Link to="/">{t('not_found.home')}</Link>
      </div>
    </>
  );
}
