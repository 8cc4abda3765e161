import { Link } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { useSession } from '../features/identity/session.tsx';
import { canCoordinate, canSetTargets } from '../features/requests/request-roles.ts';
import { TriageBoard } from '../features/requests/triage-board.tsx';
import { ResponseTargetsForm } from '../features/requests/response-targets-form.tsx';

function Board() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'requests', label: t('nav.requests'), to: '/richieste' },
          { key: 'board', label: t('nav.coordination') },
        ]}
      />
      <PageHeading documentTitle={t('board.page_title')}>{t('board.page_title')}</PageHeading>
      {canCoordinate(user) ? (
        <>
          <p className="lead">{t('board.lead')}</p>
          <TriageBoard />
          <ResponseTargetsForm editable={canSetTargets(user)} />
          <p className="d-flex flex-wrap gap-3 mt-4">
            <Link to="/richieste/domanda">{t('nav.demand')}</Link>
            <Link to="/imprese/verifiche">{t('nav.company_claims')}</Link>
          </p>
        </>
      ) : (
        <div className="notice-panel">
          <p>{t('board.not_allowed')}</p>
          <p>
            <Link to="/richieste">{t('board.back_to_requests')}</Link>
          </p>
        </div>
      )}
    </>
  );
}

/** The coordination nucleus's triage board: /richieste/coordinamento. */
export function TriageBoardPage() {
  return (
    <RequireSignIn>
      <Board />
    </RequireSignIn>
  );
}
