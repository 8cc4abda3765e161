import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache, useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { useSession } from '../identity/session.tsx';
import { canSteer, halfYears, reportEndpoints, type Paged, type Report, type ReportSummary } from './report-api.ts';
import { ReportProblem, ScrollTable } from './report-bits.tsx';
import { PeriodFields, periodChecks } from './form-parts.tsx';
import './report-messages.ts';

const FIELDS = ['from', 'to'];
const todayInRome = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });

/** The verification reports, newest first, and (for the nucleus) the form that prepares a new one from live data. */
export function ReportListView() {
  const { t, formatDate, formatDateTime, formatNumber } = useI18n();
  const { user } = useSession();
  const list = useApi<Paged<ReportSummary>>(reportEndpoints.reports(), { fresh: true });
  if (list.error?.status === 403) return <p className="alert alert-info">{t('report.list.forbidden')}</p>;
  return (
    <>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <LoadingState /> : null}
      {list.data?.items.length === 0 ? <p>{t('report.list.none')}</p> : null}
      {list.data?.items.length ? (
        <ScrollTable label={t('report.list.caption')}>
          <table className="table">
            <caption className="visually-hidden">{t('report.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.col.report')}</th>
                <th scope="col">{t('report.col.period')}</th>
                <th scope="col">{t('report.col.revision')}</th>
                <th scope="col">{t('report.col.state')}</th>
                <th scope="col">{t('report.col.signatures')}</th>
                <th scope="col">{t('report.col.signed')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/verifiche/${r.id}`}>{r.reference}</Link>
                  </th>
                  <td>{t('report.period', { from: formatDate(r.from), to: formatDate(r.to) })}</td>
                  <td>{r.revision}</td>
                  <td>
                    <span className={`badge ${r.state === 'signed' ? 'bg-success' : 'bg-secondary'}`}>
                      {t(`report.state.${r.state}`)}
                    </span>
                  </td>
                  <td>
                    {t('report.signatures_of', {
                      given: formatNumber(r.signatures.given),
                      of: formatNumber(r.signatures.of),
                    })}
                  </td>
                  <td>
                    {r.signedAt ? formatDateTime(r.signedAt) : '—'}
                    {r.contentHash ? (
                      <span className="d-block small text-break font-monospace" title={r.contentHash}>
                        <span className="visually-hidden">{t('report.hash')}: </span>
                        {r.contentHash.slice(0, 16)}…
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      {canSteer(user) && list.data ? (
        <NewReportForm taken={new Set(list.data.items.map((r) => `${r.from}/${r.to}`))} />
      ) : null}
    </>
  );
}

/** Half-year presets (the default: the latest ended half-year without a report) or any period. */
function NewReportForm({ taken }: { taken: Set<string> }) {
  const { t, formatDate } = useI18n();
  const navigate = useNavigate();
  const presets = halfYears(todayInRome(), 5);
  const free = presets.slice(1).find((p) => !taken.has(`${p.from}/${p.to}`)) ?? presets[0]!;
  const [preset, setPreset] = useState(`${free.from}/${free.to}`);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const submit = useSubmit(FIELDS);
  const custom = preset === 'custom';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const [pf, pt] = custom ? [from, to] : preset.split('/');
    void submit.run(
      async () => {
        const created = await sendJson<Report>('POST', reportEndpoints.create(), { from: pf, to: pt });
        clearApiCache();
        navigate(`/verifiche/${created.id}`, { state: { said: t('report.created', { ref: created.reference }) } });
      },
      custom ? localErrors(periodChecks(t, from, to), FIELDS) : undefined,
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="report-new-title" className="mt-5">
      <h2 id="report-new-title" className="h4">
        {t('report.new.title')}
      </h2>
      <p>{t('report.new.lead')}</p>
      <ErrorSummary
        items={submit.errors.items}
        attempt={submit.attempt}
        fields={{
          from: { id: 'report-from', label: t('report.new.from') },
          to: { id: 'report-to', label: t('report.new.to') },
        }}
      />
      {submit.failure ? <ReportProblem error={submit.failure} /> : null}
      <fieldset className="mb-3">
        <legend className="h6">{t('report.new.period')}</legend>
        {presets.map((p) => {
          const value = `${p.from}/${p.to}`;
          return (
            <div className="form-check" key={value}>
              <input
                className="form-check-input"
                type="radio"
                name="report-period"
                id={`report-period-${value}`}
                value={value}
                checked={preset === value}
                onChange={() => setPreset(value)}
              />
              <label className="form-check-label" htmlFor={`report-period-${value}`}>
                {t(p.half === 1 ? 'report.new.first_half' : 'report.new.second_half', { year: String(p.year) })} (
                {formatDate(p.from)} – {formatDate(p.to)}){taken.has(value) ? ` — ${t('report.new.taken')}` : ''}
              </label>
            </div>
          );
        })}
        <div className="form-check">
          <input
            className="form-check-input"
            type="radio"
            name="report-period"
            id="report-period-custom"
            value="custom"
            checked={custom}
            onChange={() => setPreset('custom')}
          />
          <label className="form-check-label" htmlFor="report-period-custom">
            {t('report.new.custom')}
          </label>
        </div>
      </fieldset>
      {custom ? (
        <PeriodFields
          prefix="report"
          from={from}
          to={to}
          setFrom={setFrom}
          setTo={setTo}
          errors={submit.errors.byField}
        />
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        {submit.busy ? t('report.new.assembling') : t('report.new.create')}
      </button>
    </form>
  );
}
