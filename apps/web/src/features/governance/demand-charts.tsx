import { PROVINCES } from '@clock/contracts/values';
import { useI18n } from '../../lib/i18n.tsx';
import { useApi } from '../../lib/use-api.ts';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { governanceEndpoints, type DemandBreakdown } from './governance-api.ts';
import { topGroups } from './governance-series.ts';
import type { DashboardPeriod } from './use-dashboard-period.ts';
import { ChartFrame, HBarChart } from './charts.tsx';
import './governance-messages.ts';

type Group = DemandBreakdown['byFiliera'][number];
const PROVINCE = new Map(PROVINCES.map(([code, name]) => [code, name]));
const SHOWN = 10;
/** A code the taxonomy does not name (free codes on older requests), readable: "legno-arredo" → "Legno arredo". */
const readableCode = (code: string) => {
  const words = code.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Demand from requests over the period: three charts (filiera, sector, province), each with its table. */
export function DemandCharts({ period }: { period: DashboardPeriod }) {
  const { t, pick, formatNumber } = useI18n();
  const { term } = useReferenceData();
  const demand = useApi<DemandBreakdown>(governanceEndpoints.demand(period), { fresh: true });
  if (demand.error) return <ProblemAlert error={demand.error} onRetry={demand.reload} />;
  if (!demand.data) return <LoadingState />;
  const d = demand.data;
  if (!d.total) return <p>{t('gov.demand.empty')}</p>;
  const label = (facet: 'filiera' | 'sector' | 'province', key: string | null) => {
    if (key === null) return t('gov.demand.unspecified');
    if (facet === 'province') return PROVINCE.get(key) ?? key;
    return pick(term(facet, key)?.label)?.text ?? readableCode(key);
  };
  const charts = [
    { facet: 'filiera' as const, title: t('gov.demand.by_filiera'), groups: d.byFiliera },
    { facet: 'sector' as const, title: t('gov.demand.by_sector'), groups: d.bySector },
    { facet: 'province' as const, title: t('gov.demand.by_province'), groups: d.byProvince },
  ];
  return (
    <>
      <p>{t('gov.demand.total', { count: formatNumber(d.total) })}</p>
      <div className="row g-4">
        {charts.map((c) => (
          <div className="col-12 col-lg-6" key={c.facet}>
            <DemandChart
              title={c.title}
              total={d.total}
              groups={c.groups}
              label={(g) => label(c.facet, g)}
              confidential={d.scope === 'full'}
            />
          </div>
        ))}
      </div>
    </>
  );
}

function DemandChart({
  title,
  total,
  groups,
  label,
  confidential,
}: {
  title: string;
  total: number;
  groups: Group[];
  label: (key: string | null) => string;
  confidential: boolean;
}) {
  const { t, formatNumber } = useI18n();
  const shown = topGroups(groups, SHOWN).map((g, i) => ({
    key: `${i}:${g.key}`,
    label: g.other ? t('gov.demand.other') : label(g.key),
    value: g.requests,
  }));
  const top = shown[0];
  return (
    <ChartFrame
      title={title}
      summary={t('gov.demand.summary', {
        title,
        count: formatNumber(groups.length),
        top: top?.label ?? '',
        n: formatNumber(top?.value ?? 0),
        total: formatNumber(total),
      })}
      table={
        <table className="table table-sm">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('gov.demand.group')}</th>
              <th scope="col" className="text-end">
                {t('gov.demand.requests')}
              </th>
              {confidential && (
                <th scope="col" className="text-end">
                  {t('gov.demand.confidential')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.key ?? ''}>
                <th scope="row" className="fw-normal">
                  {label(g.key)}
                </th>
                <td className="text-end">{formatNumber(g.requests)}</td>
                {confidential && <td className="text-end">{formatNumber(g.confidential)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {(ids) => <HBarChart data={shown} ids={ids} />}
    </ChartFrame>
  );
}
