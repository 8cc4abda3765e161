import { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useApi } from '../lib/use-api.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { reportEndpoints, type Report } from '../features/governance-reports/report-api.ts';
import { ReportView } from '../features/governance-reports/report-view.tsx';
import '../features/governance-reports/report-messages.ts';

/** /verifiche/:id: one verification report. */
export function ReportPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const location = useLocation();
  const loaded = useApi<Report>(reportEndpoints.report(id), { fresh: true });
  const [report, setReport] = useState<Report | undefined>(undefined);
  const [said, setSaid] = useState((location.state as { said?: string } | null)?.said ?? '');
  useEffect(() => setReport(loaded.data), [loaded.data]);
  // Reopening moves to the new revision on the same page: its sentence comes with the navigation.
  useEffect(() => {
    const next = (location.state as { said?: string } | null)?.said;
    if (next) setSaid(next);
  }, [location.state]);
  const shown = report?.id === id ? report : loaded.data;
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
      <div role="status" className={said ? 'alert alert-success' : 'visually-hidden'}>
        {said}
      </div>
      {loaded.error ? <ProblemAlert error={loaded.error} onRetry={loaded.reload} /> : null}
      {!shown && !loaded.error ? <LoadingState /> : null}
      {shown ? (
        <ReportView
          report={shown}
          onChange={(next, message) => {
            setReport(next);
            setSaid(message);
          }}
        />
      ) : null}
    </RequireSignIn>
  );
}
