import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { governanceEndpoints, type Kpi, type KpiList } from './governance-api.ts';
import { periodSpans } from './governance-series.ts';
import { useApiAll } from './use-api-all.ts';
import { periodQuery, type DashboardPeriod } from './use-dashboard-period.ts';
import { ScrollBox, StatusBadge, useKpiFormat, useUnitLabel } from './kpi-bits.tsx';
import { ChartFrame, SeriesChart, YesNoChart } from './charts.tsx';
import './governance-messages.ts';

/**
 * The dashboard's KPIs: a table of every KPI over the chosen period (value, target, status in words, the records it
 * counted), then each KPI's history per half-year with its targets as a chart and the same numbers as a table.
 */
export function KpiOverview({ period }: { period: DashboardPeriod }) {
  const { t, lang } = useI18n();
  const spans = periodSpans(period.from, period.to);
  const urls = [period, ...spans].map((s) =>
    governanceEndpoints.kpis({ from: s.from, to: s.to, organization: period.organization, lang }),
  );
  const all = useApiAll<KpiList>(urls);
  if (all.error) return <ProblemAlert error={all.error} onRetry={all.reload} />;
  if (!all.data) return <LoadingState />;
  const [whole, ...history] = all.data;
  if (!whole?.items.length) return <EmptyState>{t('gov.kpis.empty')}</EmptyState>;
  return (
    <>
      <KpiTable list={whole} period={period} />
      <h3 className="h4 mt-5">{t('gov.kpis.history_title')}</h3>
      <div className="row g-4">
        {whole.items.map((k) => (
          <div className="col-12 col-lg-6" key={k.code}>
            <KpiHistory
              kpi={k}
              points={spans.map((s, i) => ({ span: s, kpi: history[i]?.items.find((x) => x.code === k.code) }))}
            />
          </div>
        ))}
      </div>
    </>
  );
}

/**
 * Every KPI of a period: value, target and status in words; with `period` (the dashboard), the records each computed
 * KPI counted, linked. The public summary shows it without them.
 */
export function KpiTable({ list, period }: { list: KpiList; period?: DashboardPeriod }) {
  const { t, formatNumber, formatDate } = useI18n();
  const format = useKpiFormat();
  const unitLabel = useUnitLabel();
  return (
    <ScrollBox label={t('gov.kpis.title')}>
      <table className="table gov-kpi-table">
        <caption>
          {t('gov.kpis.title')} — {t('gov.period_label', { from: formatDate(list.from), to: formatDate(list.to) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('gov.kpi.name')}</th>
            <th scope="col" className="text-end">
              {t('gov.kpi.value')}
            </th>
            <th scope="col" className="text-end">
              {t('gov.kpi.target')}
            </th>
            <th scope="col">{t('gov.kpi.status')}</th>
            {period && <th scope="col">{t('gov.kpi.records')}</th>}
          </tr>
        </thead>
        <tbody>
          {list.items.map((k) => (
            <tr key={k.code} data-kpi={k.code}>
              <th scope="row">
                {k.label}
                <span className="d-block small text-muted">
                  {unitLabel(k.unit)}
                  {k.direction === 'down' ? ` · ${t('gov.kpi.direction.down')}` : ''}
                </span>
              </th>
              <td className="text-end text-nowrap">{format(k.value, k.unit)}</td>
              <td className="text-end text-nowrap">{format(k.target, k.unit)}</td>
              <td>
                <StatusBadge status={k.status} />
              </td>
              {period && (
                <td>
                  {k.source === 'computed' && !k.records ? (
                    t('gov.kpi.no_records')
                  ) : k.source === 'computed' ? (
                    <Link to={`/governo/indicatori/${encodeURIComponent(k.code)}${periodQuery(period)}`}>
                      {t('gov.kpi.records_link', { count: formatNumber(k.records ?? 0) })}
                    </Link>
                  ) : (
                    <EvidenceLinks urls={k.evidence ?? []} />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** One KPI per period: the chart (values, targets) and its table (with the status of each period in words). */
export function KpiHistory({
  kpi,
  points,
  headingLevel = 4,
}: {
  kpi: Kpi;
  points: { span: { label: string }; kpi: Kpi | undefined }[];
  headingLevel?: 3 | 4;
}) {
  const { t } = useI18n();
  const format = useKpiFormat();
  const series = points.map((p) => ({
    label: p.span.label,
    value: p.kpi?.value ?? null,
    target: p.kpi?.target ?? null,
  }));
  const last = points.at(-1)?.kpi;
  const summary = t('gov.kpi.history_summary', {
    label: kpi.label,
    count: points.length,
    last: format(last?.value, kpi.unit),
    target: last?.target != null ? t('gov.kpi.history_target', { target: format(last.target, kpi.unit) }) : '',
    withData: series.filter((s) => s.value !== null).length,
  });
  return (
    <ChartFrame
      title={kpi.label}
      summary={summary}
      headingLevel={headingLevel}
      table={
        <table className="table table-sm">
          <caption className="visually-hidden">{t('gov.kpi.history', { label: kpi.label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('gov.kpi.period')}</th>
              <th scope="col" className="text-end">
                {t('gov.kpi.value')}
              </th>
              <th scope="col" className="text-end">
                {t('gov.kpi.target')}
              </th>
              <th scope="col">{t('gov.kpi.status')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.span.label}>
                <th scope="row">{p.span.label}</th>
                <td className="text-end text-nowrap">{format(p.kpi?.value, kpi.unit)}</td>
                <td className="text-end text-nowrap">{format(p.kpi?.target, kpi.unit)}</td>
                <td>
                  <StatusBadge status={p.kpi?.status ?? 'none'} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {(ids) =>
        kpi.kind === 'boolean' ? (
          <YesNoChart points={series} ids={ids} />
        ) : (
          <SeriesChart points={series} ids={ids} format={(n) => format(n, kpi.unit)} />
        )
      }
    </ChartFrame>
  );
}

/**
 * A manual KPI's evidence: one link inline; several folded under one line (a period's quarters each have theirs, and
 * seven links side by side made the row as tall as a screen on a phone).
 */
function EvidenceLinks({ urls }: { urls: string[] }) {
  const { t, formatNumber } = useI18n();
  const links = urls.map((url, i) => (
    <a key={url} href={url} rel="noopener noreferrer">
      {t('gov.kpi.evidence')} {i + 1}
    </a>
  ));
  if (urls.length < 2)
    return (
      <span className="small">
        {t('gov.kpi.manual')} {links}
      </span>
    );
  return (
    <details className="small gov-evidence">
      <summary>{t('gov.kpi.manual_many', { count: formatNumber(urls.length) })}</summary>
      <ul className="list-unstyled mb-0">
        {links.map((a) => (
          <li key={a.key}>{a}</li>
        ))}
      </ul>
    </details>
  );
}
