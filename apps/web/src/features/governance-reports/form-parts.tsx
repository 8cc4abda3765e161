import { useState, type ReactNode } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import type { Submit } from '../../lib/use-submit.ts';
import { SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { StatusLine } from '../../components/ui/status-line.tsx';
import { ErrorSummary, type SummaryField } from '../../components/ui/error-summary.tsx';
import { useSession } from '../identity/session.tsx';
import { nucleusCentresOf, type KpiDefinition, type Protocol } from './report-api.ts';
import { ReportProblem } from './report-bits.tsx';
import './report-messages.ts';

/** The parts the objectives and KPI forms share: a period, a scope, a KPI, the heading with its status line. */
export type Parties = Protocol['parties'];
export const NETWORK = '';
type Errors = Submit['errors']['byField'];
type T = ReturnType<typeof useI18n>['t'];

/** The scopes this person may steer: the network and, for the Region and administrators, every centre; a nucleus member their own. */
export function useScopes(parties: Parties) {
  const { t } = useI18n();
  const { user } = useSession();
  const mine = nucleusCentresOf(user);
  const centres = parties.filter((p) => p.role === 'centre' && (!!user?.platformRole || mine.includes(p.organization)));
  return [
    { value: NETWORK, label: t('report.network') },
    ...centres.map((p) => ({ value: p.organization, label: p.name })),
  ];
}
export const labelOf = (d: KpiDefinition, lang: 'it' | 'en') => d.label[lang] ?? d.label.it ?? d.label.en ?? d.code;

/** First and last day of a period (both required). */
export function PeriodFields({
  prefix,
  from,
  to,
  setFrom,
  setTo,
  errors,
}: {
  prefix: string;
  from: string;
  to: string;
  setFrom: (v: string) => void;
  setTo: (v: string) => void;
  errors: Errors;
}) {
  const { t } = useI18n();
  return (
    <div className="row">
      <div className="col-sm-6">
        <TextField
          id={`${prefix}-from`}
          type="date"
          label={t('report.new.from')}
          value={from}
          onChange={setFrom}
          error={errors.from}
          required
        />
      </div>
      <div className="col-sm-6">
        <TextField
          id={`${prefix}-to`}
          type="date"
          label={t('report.new.to')}
          value={to}
          onChange={setTo}
          error={errors.to}
          required
        />
      </div>
    </div>
  );
}
/** What is checked before sending a period. */
export const periodChecks = (t: T, from: string, to: string): [string, boolean, string][] => [
  ['from', !from, t('report.new.from_required')],
  ['to', !to, t('report.new.to_required')],
  ['to', !!from && !!to && to < from, t('report.new.to_before_from')],
];

/** A form's heading, the sentence announcing success, the error summary and a failure that belongs to no field. */
export function FormHead({
  id,
  title,
  said,
  submit,
  fields,
  children,
}: {
  id: string;
  title: string;
  said: string;
  submit: Submit;
  fields: Partial<Record<string, SummaryField>>;
  children?: ReactNode;
}) {
  return (
    <>
      <h2 id={id} className="h4" tabIndex={-1}>
        {title}
      </h2>
      {children}
      <StatusLine said={said} />
      <ErrorSummary items={submit.errors.items} attempt={submit.attempt} fields={fields} />
      {submit.failure ? <ReportProblem error={submit.failure} /> : null}
    </>
  );
}

/** The KPI, the period and the scope a target or a manual value is for. */
export function useKpiEntry(prefix: string) {
  const { t } = useI18n();
  const [kpi, setKpi] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [scope, setScope] = useState(NETWORK);
  return {
    prefix,
    kpi,
    setKpi,
    from,
    setFrom,
    to,
    setTo,
    scope,
    setScope,
    body: () => ({ kpi, from, to, organization: scope || null }),
    checks: (): [string, boolean, string][] => [
      ['kpi', !kpi, t('objectives.value.kpi_required')],
      ...periodChecks(t, from, to),
    ],
    summary: {
      kpi: { id: `${prefix}-kpi`, label: t('report.col.kpi') },
      from: { id: `${prefix}-from`, label: t('report.new.from') },
      to: { id: `${prefix}-to`, label: t('report.new.to') },
      organization: { id: `${prefix}-scope`, label: t('objectives.form.scope') },
    },
  };
}
export function KpiEntryFields({
  entry,
  definitions,
  parties,
  errors,
}: {
  entry: ReturnType<typeof useKpiEntry>;
  definitions: KpiDefinition[];
  parties: Parties;
  errors: Errors;
}) {
  const { t, lang } = useI18n();
  const scopes = useScopes(parties);
  return (
    <>
      <SelectField
        id={`${entry.prefix}-kpi`}
        label={t('report.col.kpi')}
        value={entry.kpi}
        onChange={entry.setKpi}
        emptyLabel={t('objectives.value.choose')}
        options={definitions.map((d) => ({ value: d.code, label: labelOf(d, lang) }))}
        error={errors.kpi}
        required
      />
      <PeriodFields
        prefix={entry.prefix}
        from={entry.from}
        to={entry.to}
        setFrom={entry.setFrom}
        setTo={entry.setTo}
        errors={errors}
      />
      <SelectField
        id={`${entry.prefix}-scope`}
        label={t('objectives.form.scope')}
        value={entry.scope}
        onChange={entry.setScope}
        options={scopes}
        error={errors.organization}
      />
    </>
  );
}
