import { Link } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { useSession } from '../features/identity/session.tsx';
import { canSteer } from '../features/governance-reports/report-api.ts';
import { ObjectivesView } from '../features/governance-reports/objectives-view.tsx';
import '../features/governance-reports/report-messages.ts';

/** /obiettivi: the protocol and the objectives agreed per period with their KPIs, baselines and targets. */
export function ObjectivesPage() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'objectives', label: t('objectives.title') },
        ]}
      />
      <PageHeading documentTitle={t('objectives.title')}>{t('objectives.title')}</PageHeading>
      <p className="lead">{t('objectives.lead')}</p>
      {canSteer(user) ? (
        <p>
          <Link to="/verifiche">{t('report.list.title')}</Link>
        </p>
      ) : null}
      <ObjectivesView />
    </>
  );
}
