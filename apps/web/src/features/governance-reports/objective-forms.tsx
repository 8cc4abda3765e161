import { useState, type FormEvent } from 'react';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { CheckboxGroup, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { useSession } from '../identity/session.tsx';
import { nucleusCentresOf, reportEndpoints, type KpiDefinition, type Objective, type Protocol } from './report-api.ts';
import { ReportProblem } from './report-bits.tsx';
import { parseKpiNumber } from './kpi-input.ts';
import './report-messages.ts';

type Parties = Protocol['parties'];
const NETWORK = '';

/** The scopes this person may steer: the network and, for the Region and administrators, every centre; a nucleus member their own. */
function useScopes(parties: Parties) {
  const { t } = useI18n();
  const { user } = useSession();
  const mine = nucleusCentresOf(user);
  const centres = parties.filter((p) => p.role === 'centre' && (!!user?.platformRole || mine.includes(p.organization)));
  return [
    { value: NETWORK, label: t('report.network') },
    ...centres.map((p) => ({ value: p.organization, label: p.name })),
  ];
}
const labelOf = (d: KpiDefinition, lang: 'it' | 'en') => d.label[lang] ?? d.label.it ?? d.label.en ?? d.code;

function PeriodFields({
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
  errors: Record<string, { text: string } | undefined>;
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
const periodChecks = (
  t: (k: 'report.new.from_required' | 'report.new.to_required' | 'report.new.to_before_from') => string,
  from: string,
  to: string,
): [string, boolean, string][] => [
  ['from', !from, t('report.new.from_required')],
  ['to', !to, t('report.new.to_required')],
  ['to', !!from && !!to && to < from, t('report.new.to_before_from')],
];

const OBJECTIVE_FIELDS = ['from', 'to', 'organization', 'text', 'text.it', 'text.en', 'kpis'];
/** Creates an objective, or edits the one given. */
export function ObjectiveForm({
  editing,
  definitions,
  parties,
  onDone,
}: {
  editing: Objective | null;
  definitions: KpiDefinition[];
  parties: Parties;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const scopes = useScopes(parties);
  const [from, setFrom] = useState(editing?.from ?? '');
  const [to, setTo] = useState(editing?.to ?? '');
  const [scope, setScope] = useState(editing?.organization ?? NETWORK);
  const [it, setIt] = useState(editing?.text.it ?? '');
  const [en, setEn] = useState(editing?.text.en ?? '');
  const [kpis, setKpis] = useState<string[]>(editing?.kpis ?? []);
  const [said, setSaid] = useState('');
  const submit = useSubmit(OBJECTIVE_FIELDS);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      from,
      to,
      organization: scope || null,
      text: { ...(it.trim() ? { it: it.trim() } : {}), ...(en.trim() ? { en: en.trim() } : {}) },
      kpis,
    };
    void submit.run(
      async () => {
        const saved = await sendJson<Objective>(
          editing ? 'PATCH' : 'POST',
          editing ? reportEndpoints.objective(editing.id) : reportEndpoints.createObjective(),
          body,
        );
        clearApiCache();
        setSaid(t(editing ? 'objectives.form.updated' : 'objectives.form.created', { ref: saved.reference }));
        onDone();
      },
      localErrors(
        [...periodChecks(t, from, to), ['text.it', !it.trim() && !en.trim(), t('objectives.form.text_required')]],
        OBJECTIVE_FIELDS,
      ),
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="objective-form-title" className="mt-5 border-top pt-4">
      <h2 id="objective-form-title" className="h4" tabIndex={-1}>
        {editing ? t('objectives.form.edit_title', { ref: editing.reference }) : t('objectives.form.new_title')}
      </h2>
      <div role="status" className={said ? 'alert alert-success' : 'visually-hidden'}>
        {said}
      </div>
      <ErrorSummary
        items={submit.errors.items}
        attempt={submit.attempt}
        fields={{
          from: { id: 'objective-from', label: t('report.new.from') },
          to: { id: 'objective-to', label: t('report.new.to') },
          organization: { id: 'objective-scope', label: t('objectives.form.scope') },
          text: { id: 'objective-it', label: t('objectives.form.text_it') },
          'text.it': { id: 'objective-it', label: t('objectives.form.text_it') },
          'text.en': { id: 'objective-en', label: t('objectives.form.text_en') },
          kpis: { id: 'objective-kpis', label: t('objectives.form.kpis') },
        }}
      />
      {submit.failure ? <ReportProblem error={submit.failure} /> : null}
      <PeriodFields
        prefix="objective"
        from={from}
        to={to}
        setFrom={setFrom}
        setTo={setTo}
        errors={submit.errors.byField}
      />
      <SelectField
        id="objective-scope"
        label={t('objectives.form.scope')}
        value={scope}
        onChange={setScope}
        options={scopes}
        error={submit.errors.byField.organization}
      />
      <TextField
        id="objective-it"
        label={t('objectives.form.text_it')}
        value={it}
        onChange={setIt}
        multiline
        rows={3}
        lang="it"
        error={submit.errors.byField['text.it'] ?? submit.errors.byField.text}
      />
      <TextField
        id="objective-en"
        label={t('objectives.form.text_en')}
        value={en}
        onChange={setEn}
        multiline
        rows={3}
        lang="en"
        error={submit.errors.byField['text.en']}
        markOptional
      />
      <CheckboxGroup
        id="objective-kpis"
        legend={t('objectives.form.kpis')}
        options={definitions.map((d) => ({ value: d.code, label: labelOf(d, lang) }))}
        values={kpis}
        onChange={setKpis}
        error={submit.errors.byField.kpis}
        markOptional
      />
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        {editing ? t('objectives.form.save') : t('objectives.form.create')}
      </button>
    </form>
  );
}

const TARGET_FIELDS = ['kpi', 'from', 'to', 'organization', 'baseline', 'target'];
/** Sets the baseline and target of a KPI for a period and scope (replacing the one there was). */
export function TargetForm({
  definitions,
  parties,
  onDone,
}: {
  definitions: KpiDefinition[];
  parties: Parties;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const scopes = useScopes(parties);
  const [kpi, setKpi] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [scope, setScope] = useState(NETWORK);
  const [baseline, setBaseline] = useState('');
  const [target, setTarget] = useState('');
  const [said, setSaid] = useState('');
  const submit = useSubmit(TARGET_FIELDS);
  const def = definitions.find((d) => d.code === kpi);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const b = parseKpiNumber(baseline);
    const tg = parseKpiNumber(target);
    void submit.run(
      async () => {
        await sendJson('PUT', reportEndpoints.targets(), {
          kpi,
          from,
          to,
          organization: scope || null,
          baseline: baseline.trim() ? b : null,
          target: tg,
        });
        clearApiCache();
        setSaid(t('objectives.target.saved'));
        onDone();
      },
      localErrors(
        [
          ['kpi', !kpi, t('objectives.value.kpi_required')],
          ...periodChecks(t, from, to),
          ['baseline', !!baseline.trim() && b === null, t('objectives.value.number_only')],
          ['target', tg === null, t('objectives.value.number_only')],
        ],
        TARGET_FIELDS,
      ),
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="target-form-title" className="mt-5 border-top pt-4">
      <h2 id="target-form-title" className="h4">
        {t('objectives.target.title')}
      </h2>
      <div role="status" className={said ? 'alert alert-success' : 'visually-hidden'}>
        {said}
      </div>
      <ErrorSummary
        items={submit.errors.items}
        attempt={submit.attempt}
        fields={{
          kpi: { id: 'target-kpi', label: t('report.col.kpi') },
          from: { id: 'target-from', label: t('report.new.from') },
          to: { id: 'target-to', label: t('report.new.to') },
          organization: { id: 'target-scope', label: t('objectives.form.scope') },
          baseline: { id: 'target-baseline', label: t('objectives.col.baseline') },
          target: { id: 'target-target', label: t('objectives.col.target') },
        }}
      />
      {submit.failure ? <ReportProblem error={submit.failure} /> : null}
      <SelectField
        id="target-kpi"
        label={t('report.col.kpi')}
        value={kpi}
        onChange={setKpi}
        emptyLabel={t('objectives.value.choose')}
        options={definitions.map((d) => ({ value: d.code, label: labelOf(d, lang) }))}
        error={submit.errors.byField.kpi}
        required
      />
      <PeriodFields
        prefix="target"
        from={from}
        to={to}
        setFrom={setFrom}
        setTo={setTo}
        errors={submit.errors.byField}
      />
      <SelectField
        id="target-scope"
        label={t('objectives.form.scope')}
        value={scope}
        onChange={setScope}
        options={scopes}
        error={submit.errors.byField.organization}
      />
      <div className="row">
        <div className="col-sm-6">
          <TextField
            id="target-baseline"
            label={t('objectives.col.baseline')}
            hint={def ? t('objectives.value.unit', { unit: def.unit }) : undefined}
            value={baseline}
            onChange={setBaseline}
            inputMode="numeric"
            error={submit.errors.byField.baseline}
            markOptional
          />
        </div>
        <div className="col-sm-6">
          <TextField
            id="target-target"
            label={t('objectives.col.target')}
            hint={def ? t('objectives.value.unit', { unit: def.unit }) : undefined}
            value={target}
            onChange={setTarget}
            inputMode="numeric"
            error={submit.errors.byField.target}
            required
          />
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        {t('objectives.target.save')}
      </button>
    </form>
  );
}

const VALUE_FIELDS = ['kpi', 'from', 'to', 'organization', 'value', 'numerator', 'denominator', 'evidenceUrl', 'note'];
/** A manual KPI's value for a period, typed by its kind, with the evidence (a link) it rests on. */
export function ValueForm({
  definitions,
  parties,
  onDone,
}: {
  definitions: KpiDefinition[];
  parties: Parties;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const manual = definitions.filter((d) => d.source === 'manual');
  const scopes = useScopes(parties);
  const [kpi, setKpi] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [scope, setScope] = useState(NETWORK);
  const [value, setValue] = useState('');
  const [numerator, setNumerator] = useState('');
  const [denominator, setDenominator] = useState('');
  const [yes, setYes] = useState('');
  const [evidence, setEvidence] = useState('');
  const [note, setNote] = useState('');
  const [said, setSaid] = useState('');
  const submit = useSubmit(VALUE_FIELDS);
  const def = manual.find((d) => d.code === kpi);
  if (!manual.length) return null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const n = parseKpiNumber(value);
    const num = parseKpiNumber(numerator);
    const den = parseKpiNumber(denominator);
    const typed =
      def?.kind === 'boolean'
        ? { value: yes === 'yes' }
        : def?.kind === 'percentage'
          ? { numerator: num, denominator: den }
          : { value: n };
    void submit.run(
      async () => {
        await sendJson('PUT', reportEndpoints.values(), {
          kpi,
          from,
          to,
          organization: scope || null,
          ...typed,
          evidenceUrl: evidence.trim(),
          ...(note.trim() ? { note: note.trim() } : {}),
        });
        clearApiCache();
        setSaid(t('objectives.value.saved'));
        onDone();
      },
      localErrors(
        [
          ['kpi', !kpi, t('objectives.value.kpi_required')],
          ...periodChecks(t, from, to),
          ['value', def?.kind === 'boolean' && !yes, t('objectives.value.yes_no')],
          ['value', (def?.kind === 'count' || def?.kind === 'amount') && n === null, t('objectives.value.number_only')],
          ['numerator', def?.kind === 'percentage' && num === null, t('objectives.value.number_only')],
          ['denominator', def?.kind === 'percentage' && (den === null || den <= 0), t('objectives.value.denominator')],
          ['evidenceUrl', !/^https?:\/\/\S{3,}$/.test(evidence.trim()), t('objectives.value.evidence_required')],
        ],
        VALUE_FIELDS,
      ),
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="value-form-title" className="mt-5 border-top pt-4">
      <h2 id="value-form-title" className="h4">
        {t('objectives.value.title')}
      </h2>
      <p>{t('objectives.value.lead')}</p>
      <div role="status" className={said ? 'alert alert-success' : 'visually-hidden'}>
        {said}
      </div>
      <ErrorSummary
        items={submit.errors.items}
        attempt={submit.attempt}
        fields={{
          kpi: { id: 'value-kpi', label: t('report.col.kpi') },
          from: { id: 'value-from', label: t('report.new.from') },
          to: { id: 'value-to', label: t('report.new.to') },
          organization: { id: 'value-scope', label: t('objectives.form.scope') },
          value: { id: def?.kind === 'boolean' ? 'value-yes' : 'value-value', label: t('report.col.value') },
          numerator: { id: 'value-numerator', label: t('objectives.value.numerator') },
          denominator: { id: 'value-denominator', label: t('objectives.value.denominator_label') },
          evidenceUrl: { id: 'value-evidence', label: t('objectives.value.evidence') },
          note: { id: 'value-note', label: t('objectives.value.note') },
        }}
      />
      {submit.failure ? <ReportProblem error={submit.failure} /> : null}
      <SelectField
        id="value-kpi"
        label={t('report.col.kpi')}
        value={kpi}
        onChange={setKpi}
        emptyLabel={t('objectives.value.choose')}
        options={manual.map((d) => ({ value: d.code, label: labelOf(d, lang) }))}
        error={submit.errors.byField.kpi}
        required
      />
      <PeriodFields prefix="value" from={from} to={to} setFrom={setFrom} setTo={setTo} errors={submit.errors.byField} />
      <SelectField
        id="value-scope"
        label={t('objectives.form.scope')}
        value={scope}
        onChange={setScope}
        options={scopes}
        error={submit.errors.byField.organization}
      />
      {def?.kind === 'boolean' ? (
        <fieldset className="mb-3">
          <legend className="h6">{t('report.col.value')}</legend>
          {(['yes', 'no'] as const).map((v) => (
            <div className="form-check form-check-inline" key={v}>
              <input
                className="form-check-input"
                type="radio"
                name="value-yes"
                id={v === 'yes' ? 'value-yes' : 'value-no'}
                checked={yes === v}
                onChange={() => setYes(v)}
              />
              <label className="form-check-label" htmlFor={v === 'yes' ? 'value-yes' : 'value-no'}>
                {t(v === 'yes' ? 'report.yes' : 'report.no')}
              </label>
            </div>
          ))}
          {submit.errors.byField.value ? <p className="text-danger small">{submit.errors.byField.value.text}</p> : null}
        </fieldset>
      ) : def?.kind === 'percentage' ? (
        <div className="row">
          <div className="col-sm-6">
            <TextField
              id="value-numerator"
              label={t('objectives.value.numerator')}
              value={numerator}
              onChange={setNumerator}
              inputMode="numeric"
              error={submit.errors.byField.numerator}
              required
            />
          </div>
          <div className="col-sm-6">
            <TextField
              id="value-denominator"
              label={t('objectives.value.denominator_label')}
              value={denominator}
              onChange={setDenominator}
              inputMode="numeric"
              error={submit.errors.byField.denominator}
              required
            />
          </div>
        </div>
      ) : (
        <TextField
          id="value-value"
          label={t('report.col.value')}
          hint={def ? t('objectives.value.unit', { unit: def.unit }) : undefined}
          value={value}
          onChange={setValue}
          inputMode="numeric"
          error={submit.errors.byField.value}
          required
        />
      )}
      <TextField
        id="value-evidence"
        type="url"
        label={t('objectives.value.evidence')}
        hint={t('objectives.value.evidence_hint')}
        value={evidence}
        onChange={setEvidence}
        error={submit.errors.byField.evidenceUrl}
        required
      />
      <TextField
        id="value-note"
        label={t('objectives.value.note')}
        value={note}
        onChange={setNote}
        multiline
        rows={2}
        error={submit.errors.byField.note}
        markOptional
      />
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        {t('objectives.value.save')}
      </button>
    </form>
  );
}
