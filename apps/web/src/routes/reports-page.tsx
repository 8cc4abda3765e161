import { Link } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { ReportListView } from '../features/governance-reports/report-list.tsx';
import '../features/governance-reports/report-messages.ts';

/** /verifiche: the periodic verification reports (the nucleus, the Region, administrators). */
export function ReportsPage() {
  const { t } = useI18n();
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'reports', label: t('report.list.title') },
        ]}
      />
      <PageHeading documentTitle={t('report.list.title')}>{t('report.list.title')}</PageHeading>
      <p className="lead">{t('report.list.lead')}</p>
      <p>
        <Link to="/obiettivi">{t('report.list.objectives_link')}</Link>
      </p>
      <ReportListView />
    </RequireSignIn>
  );
}
