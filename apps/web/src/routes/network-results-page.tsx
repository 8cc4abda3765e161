import { Link } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { apiUrl } from '../lib/api.ts';
import { useApi } from '../lib/use-api.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { useSession } from '../features/identity/session.tsx';
import { canCoordinate } from '../features/requests/request-roles.ts';
import {
  governanceEndpoints,
  type KpiDefinitionList,
  type KpiList,
  type ProtocolList,
  type S3Coverage,
} from '../features/governance/governance-api.ts';
import { romeToday } from '../features/governance/governance-series.ts';
import { useKpiFormat } from '../features/governance/kpi-bits.tsx';
import { KpiHistory, KpiTable } from '../features/governance/kpi-overview.tsx';
import { ChartFrame, HBarChart } from '../features/governance/charts.tsx';
import '../features/governance/governance-messages.ts';

/** The headline figures, in this order, when the public summary has them. */
const HEADLINE = ['requests.received', 'requests.closed', 'events.held', 'events.participants', 'introductions.made'];
const YEARS = 3;

/**
 * /rete/risultati: what the network achieved, for anyone — the public KPIs over the last twelve months and year by
 * year, the joint actions, the S3 coverage. Rendered on the server for visitors (decision 016): every number is in the
 * HTML, charts are SVG with a table beside them, so it reads without scripts.
 */
export function NetworkResultsPage() {
  const { t, lang, formatDate } = useI18n();
  const { user } = useSession();
  const today = romeToday();
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const year = Number(today.slice(0, 4));
  const years = Array.from({ length: YEARS }, (_, i) => year - YEARS + 1 + i).map((y) => ({
    label: String(y),
    from: `${y}-01-01`,
    to: y === year ? today : `${y}-12-31`,
  }));
  const last12 = useApi<KpiList>(governanceEndpoints.kpis({ from: nextDay(yearAgo), to: today, lang }));
  // One call per year, a fixed number of them (hooks in a fixed order; the server renders the same calls).
  const y0 = useApi<KpiList>(governanceEndpoints.kpis({ ...years[0]!, lang }));
  const y1 = useApi<KpiList>(governanceEndpoints.kpis({ ...years[1]!, lang }));
  const y2 = useApi<KpiList>(governanceEndpoints.kpis({ ...years[2]!, lang }));
  const definitions = useApi<KpiDefinitionList>(governanceEndpoints.definitions());
  const protocols = useApi<ProtocolList>(governanceEndpoints.protocols());
  const coverage = useApi<S3Coverage>(governanceEndpoints.coverage());
  const actions = useApi<{ total: number }>(apiUrl('/actions', { limit: 1 }));
  const error = last12.error ?? definitions.error ?? coverage.error;
  const ready = !!(last12.data && definitions.data && coverage.data);
  // Public figures only, whoever reads: a signed-in reader of the full scope sees the public KPIs here too.
  const isPublic = new Set(definitions.data?.items.filter((d) => d.public).map((d) => d.code));
  const publicOf = (list: KpiList | undefined) => list?.items.filter((k) => isPublic.has(k.code)) ?? [];
  const protocol = protocols.data?.items[0];
  const history = [y0.data, y1.data, y2.data];
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'about', label: t('nav.about'), to: '/chi-siamo' },
          { key: 'results', label: t('results.title') },
        ]}
      />
      <PageHeading documentTitle={t('results.title')} description={t('results.description')} ready={ready}>
        {t('results.title')}
      </PageHeading>
      <p className="lead">{t('results.lead')}</p>
      {protocol && (
        <p>
          {t('results.protocol', {
            date: formatDate(protocol.signedOn),
            place: protocol.place ?? '—',
            end: formatDate(protocol.endsOn),
          })}
        </p>
      )}
      {error && <ProblemAlert error={error} />}
      {!ready && !error && <LoadingState />}
      {ready && (
        <>
          <section aria-labelledby="results-figures" className="mt-4">
            <h2 id="results-figures">{t('results.figures')}</h2>
            <p>
              {t('results.period', {
                period: t('gov.period_label', { from: formatDate(last12.data!.from), to: formatDate(last12.data!.to) }),
              })}
            </p>
            <Headline kpis={publicOf(last12.data)} actions={actions.data?.total} coverage={coverage.data!} />
            <KpiTable list={{ ...last12.data!, items: publicOf(last12.data) }} />
          </section>
          <section aria-labelledby="results-history" className="mt-5">
            <h2 id="results-history">{t('results.history')}</h2>
            <div className="row g-4">
              {publicOf(last12.data).map((k) => (
                <div className="col-12 col-lg-6" key={k.code}>
                  <KpiHistory
                    kpi={k}
                    headingLevel={3}
                    points={years.map((span, i) => ({
                      span,
                      kpi: history[i]?.items.find((x) => x.code === k.code),
                    }))}
                  />
                </div>
              ))}
            </div>
          </section>
          <section aria-labelledby="results-coverage" className="mt-5">
            <h2 id="results-coverage">{t('results.coverage')}</h2>
            <CoverageSummary coverage={coverage.data!} />
          </section>
          <p className="small text-muted mt-4">{t('results.note')}</p>
          <ul className="list-inline">
            <li className="list-inline-item">
              <Link to="/azioni">{t('results.actions_link')}</Link>
            </li>
            <li className="list-inline-item">
              <Link to="/eventi">{t('results.events_link')}</Link>
            </li>
            {canCoordinate(user) && (
              <li className="list-inline-item">
                <Link to="/governo">{t('results.dashboard_link')}</Link>
              </li>
            )}
          </ul>
        </>
      )}
    </>
  );
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function Headline({
  kpis,
  actions,
  coverage,
}: {
  kpis: KpiList['items'];
  actions: number | undefined;
  coverage: S3Coverage;
}) {
  const { t, formatNumber } = useI18n();
  const format = useKpiFormat();
  const cells = coverage.priorities.length * coverage.areas.length;
  const figures = [
    ...HEADLINE.flatMap((code) => {
      const k = kpis.find((x) => x.code === code);
      return k ? [{ key: code, value: format(k.value, k.unit), label: k.label }] : [];
    }),
    ...(actions === undefined
      ? []
      : [{ key: 'actions', value: formatNumber(actions), label: t('results.actions_count') }]),
    {
      key: 's3',
      value: `${formatNumber(cells - coverage.gaps.length)}/${formatNumber(cells)}`,
      label: t('results.cells_covered'),
    },
  ];
  return (
    <ul className="gov-figures list-unstyled">
      {figures.map((f) => (
        <li key={f.key} className="gov-figure">
          <span className="gov-figure-value">{f.value}</span>
          <span className="gov-figure-label">{f.label}</span>
        </li>
      ))}
    </ul>
  );
}

function CoverageSummary({ coverage }: { coverage: S3Coverage }) {
  const { t, pick, formatNumber } = useI18n();
  const cells = coverage.priorities.length * coverage.areas.length;
  const rows = coverage.priorities.map((p) => {
    const gaps = coverage.gaps.filter((g) => g.priority === p.code).length;
    return {
      key: p.code,
      label: pick(p.label)?.text ?? p.code,
      value: coverage.areas.length - gaps,
      total: coverage.areas.length,
    };
  });
  const title = t('results.coverage_by_priority');
  return (
    <>
      <p>
        {t('results.coverage_text', {
          covered: formatNumber(cells - coverage.gaps.length),
          cells: formatNumber(cells),
        })}
      </p>
      <ChartFrame
        title={title}
        summary={rows.map((r) => `${r.label}: ${formatNumber(r.value)}/${formatNumber(r.total)}`).join('; ')}
        table={
          <table className="table table-sm">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gov.coverage.cell')}</th>
                <th scope="col" className="text-end">
                  {t('results.cells_covered')}
                </th>
                <th scope="col" className="text-end">
                  {t('results.cells_total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row" className="fw-normal">
                    {r.label}
                  </th>
                  <td className="text-end">{formatNumber(r.value)}</td>
                  <td className="text-end">{formatNumber(r.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        {(ids) => <HBarChart data={rows} ids={ids} />}
      </ChartFrame>
    </>
  );
}
