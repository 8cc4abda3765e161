import { Link } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { Icon } from '../components/ui/icon.tsx';
import { useSession } from '../features/identity/session.tsx';
import { signInHref } from '../features/identity/roles.ts';
import { RequestListView } from '../features/requests/request-list-view.tsx';
import { canCoordinate } from '../features/requests/request-roles.ts';

/** The network's requests: /richieste. */
export function RequestsPage() {
  const { t } = useI18n();
  const { status, user } = useSession();
  const signedIn = status === 'signed-in';
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'requests', label: t('nav.requests') },
        ]}
      />
      <PageHeading documentTitle={t('requests.title')}>{t('requests.title')}</PageHeading>
      <p className="lead">{t(signedIn ? 'requests.lead' : 'requests.lead_public')}</p>
      <div className="request-cta">
        <Link className="btn btn-primary" to={signedIn ? '/richieste/nuova' : signInHref('/richieste/nuova')}>
          <Icon name="plus-circle" className="icon-sm icon-white" />
          <span>{t('requests.submit_cta')}</span>
        </Link>
        {!signedIn ? <p className="request-cta-note">{t('requests.submit_cta_note')}</p> : null}
        {canCoordinate(user) ? (
          <Link className="btn btn-outline-primary" to="/richieste/coordinamento">
            {t('nav.coordination')}
          </Link>
        ) : null}
      </div>
      <RequestListView />
    </>
  );
}
