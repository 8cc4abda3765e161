import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { MeetingListView } from '../features/actions/meeting-list.tsx';
import '../features/actions/action-messages.ts';
import '../features/governance-reports/report-messages.ts';
import { Link } from 'react-router';

/** /nucleo: the coordination nucleus's meetings (its members, the Region, administrators). */
export function NucleusPage() {
  const { t } = useI18n();
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'nucleus', label: t('meeting.list.title') },
        ]}
      />
      <PageHeading documentTitle={t('meeting.list.title')}>{t('meeting.list.title')}</PageHeading>
      <p className="lead">{t('meeting.list.lead')}</p>
      <ul className="list-inline">
        <li className="list-inline-item">
          <Link to="/verifiche">{t('report.list.title')}</Link>
        </li>
        <li className="list-inline-item">
          <Link to="/obiettivi">{t('objectives.title')}</Link>
        </li>
        <li className="list-inline-item">
          <Link to="/azioni">{t('action.list.title')}</Link>
        </li>
      </ul>
      <MeetingListView />
    </RequireSignIn>
  );
}
