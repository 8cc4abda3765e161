import { useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useEditedRecord } from '../lib/use-edited-record.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { StatusLine } from '../components/ui/status-line.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { reportEndpoints, type Report } from '../features/governance-reports/report-api.ts';
import { ReportView } from '../features/governance-reports/report-view.tsx';
import '../features/governance-reports/report-messages.ts';

/** /verifiche/:id: one verification report. */
export function ReportPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  // Reopening moves to the new revision on this same page; its sentence comes with the navigation.
  const { loaded, shown, said, changed } = useEditedRecord<Report>(reportEndpoints.report(id), id);
  const title = shown ? t('report.title', { ref: shown.reference }) : t('report.list.title');
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'reports', label: t('report.list.title'), to: '/verifiche' },
          { key: 'one', label: shown?.reference ?? '…' },
        ]}
      />
      <PageHeading documentTitle={title} ready={!!shown || !!loaded.error}>
        {title}
      </PageHeading>
      <StatusLine said={said} />
      {loaded.error ? <ProblemAlert error={loaded.error} onRetry={loaded.reload} /> : null}
      {!shown && !loaded.error ? <LoadingState /> : null}
      {shown ? <ReportView report={shown} onChange={changed} /> : null}
    </RequireSignIn>
  );
}
