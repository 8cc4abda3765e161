import { Link, useParams } from 'react-router';
import { actionPossibleIn } from '@clock/contracts/values';
import { useApi } from '../lib/use-api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { PendingPage } from '../components/ui/pending-page.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { requestEndpoints, requestHref, type RequestView } from '../features/requests/request-api.ts';
import { StateBadge } from '../features/requests/request-bits.tsx';
import { RequestForm } from '../features/requests/request-form.tsx';
import { NotFoundContent } from './not-found-page.tsx';

function RequestEdit() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const loaded = useApi<RequestView>(requestEndpoints.one(id), { fresh: true });
  const crumbs = [
    { key: 'home', label: t('nav.home'), to: '/' },
    { key: 'requests', label: t('nav.requests'), to: '/richieste' },
  ];

  if (loaded.error?.status === 404) return <NotFoundContent what={t('request.not_found')} />;
  if (!loaded.data) return <PendingPage state={loaded} crumbs={crumbs} heading={t('request.edit.title')} />;
  const request = loaded.data;
  const heading = t('request.edit.title');
  return (
    <>
      <Breadcrumbs
        items={[
          ...crumbs,
          { key: 'request', label: request.ref, to: requestHref(request.id) },
          { key: 'edit', label: heading },
        ]}
      />
      <p className="record-kicker request-kicker">
        <span className="request-ref">{request.ref}</span> <StateBadge state={request.state} />
      </p>
      <PageHeading documentTitle={`${heading}: ${request.ref}`}>{heading}</PageHeading>
      {request.actions.includes('edit') ? (
        <>
          <p className="lead">{t('request.edit.lead')}</p>
          <RequestForm key={request.id} request={request} />
        </>
      ) : (
        <div className="notice-panel">
          <p>
            {t(
              request.access === 'full' && actionPossibleIn('edit', request.state)
                ? 'request.edit.not_allowed'
                : 'request.edit.not_editable',
            )}
          </p>
          <p className="mb-0">
            <Link to={requestHref(request.id)}>{t('request.edit.back')}</Link>
          </p>
        </div>
      )}
    </>
  );
}

/** Correcting a request before the nucleus opens it to the centres: /richieste/:id/modifica. */
export function RequestEditPage() {
  return (
    <RequireSignIn>
      <RequestEdit />
    </RequireSignIn>
  );
}
