import { Link } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useApi } from '../lib/use-api.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { useSession } from '../features/identity/session.tsx';
import { canCoordinate } from '../features/requests/request-roles.ts';
import { governanceEndpoints, type S3Coverage } from '../features/governance/governance-api.ts';
import { useDashboardPeriod } from '../features/governance/use-dashboard-period.ts';
import { DashboardFilters } from '../features/governance/dashboard-filters.tsx';
import { KpiOverview } from '../features/governance/kpi-overview.tsx';
import { CoverageGaps, CoverageMap, CoverageOverlaps } from '../features/governance/coverage-map.tsx';
import { DemandCharts } from '../features/governance/demand-charts.tsx';
import '../features/governance/governance-messages.ts';

/**
 * /governo: the protocol's dashboard for the Region, the nucleus and administrators — KPIs against targets over
 * time, the S3 coverage heat map with gaps and overlaps, demand by filiera, sector and province. Everyone else is
 * told it is not for them and pointed to the public results.
 */
export function GovernancePage() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'governance', label: t('gov.title') },
        ]}
      />
      <PageHeading documentTitle={t('gov.title')}>{t('gov.title')}</PageHeading>
      {canCoordinate(user) ? (
        <Dashboard />
      ) : (
        <div className="notice-panel" data-testid="gov-forbidden">
          <p>{t('gov.not_allowed')}</p>
          <p>
            <Link to="/rete/risultati">{t('gov.public_link')}</Link>
          </p>
        </div>
      )}
    </RequireSignIn>
  );
}

function Dashboard() {
  const { t } = useI18n();
  const period = useDashboardPeriod();
  return (
    <>
      <p className="lead">{t('gov.lead')}</p>
      <nav aria-label={t('gov.sections')} className="mb-3">
        <ul className="list-inline gov-sections">
          <li className="list-inline-item">
            <a href="#indicatori">{t('gov.kpis.title')}</a>
          </li>
          <li className="list-inline-item">
            <a href="#copertura">{t('gov.coverage.title')}</a>
          </li>
          <li className="list-inline-item">
            <a href="#domanda">{t('gov.demand.title')}</a>
          </li>
          <li className="list-inline-item">
            <Link to="/rete/risultati">{t('gov.public_link')}</Link>
          </li>
        </ul>
      </nav>
      <DashboardFilters period={period} />
      <p className="small text-muted mt-2">{t('gov.scope_full')}</p>
      <section id="indicatori" aria-labelledby="gov-kpis" className="mt-4">
        <h2 id="gov-kpis">{t('gov.kpis.title')}</h2>
        <p>{t('gov.kpis.lead')}</p>
        <KpiOverview period={period} />
      </section>
      <section id="copertura" aria-labelledby="gov-coverage" className="mt-5">
        <h2 id="gov-coverage">{t('gov.coverage.title')}</h2>
        <p>{t('gov.coverage.lead')}</p>
        <Coverage />
      </section>
      <section id="domanda" aria-labelledby="gov-demand" className="mt-5">
        <h2 id="gov-demand">{t('gov.demand.title')}</h2>
        <p>{t('gov.demand.lead')}</p>
        <DemandCharts period={period} />
      </section>
    </>
  );
}

function Coverage() {
  const { t, formatNumber } = useI18n();
  const coverage = useApi<S3Coverage>(governanceEndpoints.coverage());
  if (coverage.error) return <ProblemAlert error={coverage.error} onRetry={coverage.reload} />;
  if (!coverage.data) return <LoadingState />;
  const c = coverage.data;
  const cells = c.priorities.length * c.areas.length;
  return (
    <>
      <p className="fw-semibold">
        {t('gov.coverage.summary', {
          covered: formatNumber(cells - c.gaps.length),
          cells: formatNumber(cells),
          gaps: formatNumber(c.gaps.length),
          overlaps: formatNumber(c.overlaps.length),
        })}
      </p>
      <CoverageMap coverage={c} />
      <div className="row g-4 mt-2">
        <div className="col-12 col-lg-5">
          <h3 className="h4">{t('gov.gaps.title')}</h3>
          <p className="small">{t('gov.gaps.lead')}</p>
          <CoverageGaps coverage={c} />
        </div>
        <div className="col-12 col-lg-7">
          <h3 className="h4">{t('gov.overlaps.title')}</h3>
          <p className="small">{t('gov.overlaps.lead', { threshold: formatNumber(c.measure.threshold) })}</p>
          <CoverageOverlaps coverage={c} />
        </div>
      </div>
    </>
  );
}
