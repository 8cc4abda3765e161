import { Link, useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useApi } from '../lib/use-api.ts';
import { ApiError } from '../lib/api.ts';
import type { MessageKey } from '../lib/messages.it.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { useSession } from '../features/identity/session.tsx';
import { canCoordinate } from '../features/requests/request-roles.ts';
import {
  governanceEndpoints,
  kpiRecordHref,
  type KpiList,
  type KpiRecords,
} from '../features/governance/governance-api.ts';
import { periodQuery, useDashboardPeriod } from '../features/governance/use-dashboard-period.ts';
import { StatusBadge, useKpiFormat } from '../features/governance/kpi-bits.tsx';
import '../features/governance/governance-messages.ts';

const SHOWN = 500;

/** /governo/indicatori/:code — the records a computed KPI counted over the dashboard's period (traceability). */
export function GovernanceKpiPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const period = useDashboardPeriod();
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'governance', label: t('gov.title'), to: `/governo${periodQuery(period)}` },
          { key: 'kpi', label: t('gov.kpi.records') },
        ]}
      />
      {canCoordinate(user) ? (
        <KpiRecordsView />
      ) : (
        <>
          <PageHeading documentTitle={t('gov.title')}>{t('gov.title')}</PageHeading>
          <div className="notice-panel" data-testid="gov-forbidden">
            <p>{t('gov.not_allowed')}</p>
          </div>
        </>
      )}
    </RequireSignIn>
  );
}

function KpiRecordsView() {
  const { t, lang, formatDate, formatNumber } = useI18n();
  const code = useParams().code ?? '';
  const period = useDashboardPeriod();
  const format = useKpiFormat();
  const kpis = useApi<KpiList>(governanceEndpoints.kpis({ ...period, lang }), { fresh: true });
  const kpi = kpis.data?.items.find((k) => k.code === code);
  const computed = kpi?.source === 'computed';
  const records = useApi<KpiRecords>(computed ? governanceEndpoints.kpiRecords(code, period) : null, { fresh: true });
  const label = kpi?.label ?? code;
  const span = t('gov.period_label', { from: formatDate(period.from), to: formatDate(period.to) });
  return (
    <>
      <PageHeading documentTitle={t('gov.records.title', { label })} ready={!!kpis.data}>
        {t('gov.records.title', { label })}
      </PageHeading>
      {kpis.error && <ProblemAlert error={kpis.error} onRetry={kpis.reload} />}
      {!kpis.data && !kpis.error && <LoadingState />}
      {kpis.data && !kpi && <ProblemAlert error={new ApiError('problem', 404)} />}
      {kpi && (
        <>
          <p className="lead">{t('gov.records.lead', { period: span })}</p>
          <dl className="gov-kpi-facts">
            <div>
              <dt>{t('gov.kpi.value')}</dt>
              <dd>{format(kpi.value, kpi.unit)}</dd>
            </div>
            <div>
              <dt>{t('gov.kpi.target')}</dt>
              <dd>{format(kpi.target, kpi.unit)}</dd>
            </div>
            <div>
              <dt>{t('gov.kpi.status')}</dt>
              <dd>
                <StatusBadge status={kpi.status} />
              </dd>
            </div>
            <div>
              <dt>{t('gov.kpi.records')}</dt>
              <dd>{computed ? formatNumber(kpi.records ?? 0) : '—'}</dd>
            </div>
          </dl>
          {!computed && <p>{t('gov.records.not_computed')}</p>}
          {records.error && <ProblemAlert error={records.error} onRetry={records.reload} />}
          {computed && !records.data && !records.error && <LoadingState />}
          {records.data && <RecordTable records={records.data} />}
        </>
      )}
      <p className="mt-4">
        <Link to={`/governo${periodQuery(period)}`}>{t('gov.records.back')}</Link>
      </p>
    </>
  );
}

function RecordTable({ records }: { records: KpiRecords }) {
  const { t, formatNumber, formatDate, pick } = useI18n();
  if (!records.total) return <p>{t('gov.records.empty')}</p>;
  const known = ['request', 'action', 'event', 'booking', 'company', 'introduction', 'event-registration'];
  const type = known.includes(records.recordType)
    ? t(`gov.records.kind.${records.recordType}` as MessageKey)
    : records.recordType;
  const shown = records.items.slice(0, SHOWN);
  // Registrations are read by event: one line per event with how many of its registrations were counted.
  const rows: { id: string; count: number }[] = [];
  for (const id of shown) {
    const page = records.labels[id]?.page;
    const last = rows.at(-1);
    if (page && last && records.labels[last.id]?.page === page) last.count++;
    else rows.push({ id, count: 1 });
  }
  return (
    <>
      <p>{t('gov.records.type', { type })}</p>
      {shown.length < records.total && (
        <p>{t('gov.records.shown', { shown: formatNumber(shown.length), total: formatNumber(records.total) })}</p>
      )}
      <ol className="gov-records">
        {rows.map(({ id, count }) => {
          const label = records.labels[id];
          const title = label?.title ? pick(label.title)?.text : undefined;
          // A confidential request the reader may not open: its number, no link.
          const hidden = records.recordType === 'request' && !!label && !title;
          const href = hidden ? null : kpiRecordHref(records.recordType, label?.page ?? id);
          const name = label
            ? [label.ref, title].filter(Boolean).join(' — ')
            : id.startsWith('name:')
              ? id.slice(5)
              : id;
          return (
            <li key={id}>
              {href ? <Link to={href}>{name}</Link> : <code>{name}</code>}
              {label?.day && <span className="small text-muted text-nowrap"> · {formatDate(label.day)}</span>}
              {label?.page && (
                <span className="small text-nowrap">
                  {' '}
                  · {t('gov.records.registrations', { count: formatNumber(count) })}
                </span>
              )}
              {!href && (
                <span className="small text-muted">
                  {' '}
                  ({t(hidden ? 'gov.records.confidential' : 'gov.records.no_page')})
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
