import { Link } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { useSession } from '../features/identity/session.tsx';
import { canCoordinate, isCentreMember } from '../features/requests/request-roles.ts';
import { ActionListView } from '../features/actions/action-list.tsx';
import '../features/actions/action-messages.ts';

/** /azioni: the joint actions the visitor may see (the public ones for anyone), with progress and lateness. */
export function ActionsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'actions', label: t('action.list.title') },
        ]}
      />
      <PageHeading documentTitle={t('action.list.title')}>{t('action.list.title')}</PageHeading>
      <p className="lead">{t('action.list.lead')}</p>
      <p className="d-flex flex-wrap gap-3 align-items-center">
        {isCentreMember(user) || user?.platformRole === 'admin' ? (
          <Link className="btn btn-primary" to="/azioni/nuova">
            {t('action.list.new')}
          </Link>
        ) : null}
        {canCoordinate(user) ? <Link to="/nucleo">{t('nav.nucleus_meetings')}</Link> : null}
      </p>
      <ActionListView />
    </>
  );
}
