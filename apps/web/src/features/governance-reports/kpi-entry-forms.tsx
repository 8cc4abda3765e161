import { useState, type FormEvent } from 'react';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { TextField } from '../../components/ui/form-fields.tsx';
import { reportEndpoints, type KpiDefinition } from './report-api.ts';
import { FormHead, KpiEntryFields, useKpiEntry, type Parties } from './form-parts.tsx';
import { parseKpiNumber } from './kpi-input.ts';
import './report-messages.ts';

interface Props {
  definitions: KpiDefinition[];
  parties: Parties;
  onDone: () => void;
}

/** Saves with `send`, announces `said` and tells the page to read again. */
function useEntrySubmit(fields: string[], onDone: () => void) {
  const submit = useSubmit(fields);
  const [said, setSaid] = useState('');
  const save = (url: string, body: unknown, message: string, checks: [string, boolean, string][]) =>
    void submit.run(
      async () => {
        await sendJson('PUT', url, body);
        clearApiCache();
        setSaid(message);
        onDone();
      },
      localErrors(checks, fields),
    );
  return { submit, said, save };
}

const TARGET_FIELDS = ['kpi', 'from', 'to', 'organization', 'baseline', 'target'];
/** Sets the baseline and target of a KPI for a period and scope (replacing the one there was). */
export function TargetForm({ definitions, parties, onDone }: Props) {
  const { t } = useI18n();
  const entry = useKpiEntry('target');
  const [baseline, setBaseline] = useState('');
  const [target, setTarget] = useState('');
  const { submit, said, save } = useEntrySubmit(TARGET_FIELDS, onDone);
  const def = definitions.find((d) => d.code === entry.kpi);
  const unit = def ? t('objectives.value.unit', { unit: def.unit }) : undefined;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const b = parseKpiNumber(baseline);
    const tg = parseKpiNumber(target);
    save(
      reportEndpoints.targets(),
      { ...entry.body(), baseline: baseline.trim() ? b : null, target: tg },
      t('objectives.target.saved'),
      [
        ...entry.checks(),
        ['baseline', !!baseline.trim() && b === null, t('objectives.value.number_only')],
        ['target', tg === null, t('objectives.value.number_only')],
      ],
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="target-form-title" className="mt-5 border-top pt-4">
      <FormHead
        id="target-form-title"
        title={t('objectives.target.title')}
        said={said}
        submit={submit}
        fields={{
          ...entry.summary,
          baseline: { id: 'target-baseline', label: t('objectives.col.baseline') },
          target: { id: 'target-target', label: t('objectives.col.target') },
        }}
      />
      <KpiEntryFields entry={entry} definitions={definitions} parties={parties} errors={submit.errors.byField} />
      <div className="row">
        <div className="col-sm-6">
          <TextField
            id="target-baseline"
            label={t('objectives.col.baseline')}
            hint={unit}
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
            hint={unit}
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
export function ValueForm({ definitions, parties, onDone }: Props) {
  const { t } = useI18n();
  const manual = definitions.filter((d) => d.source === 'manual');
  const entry = useKpiEntry('value');
  const [value, setValue] = useState('');
  const [numerator, setNumerator] = useState('');
  const [denominator, setDenominator] = useState('');
  const [yes, setYes] = useState('');
  const [evidence, setEvidence] = useState('');
  const [note, setNote] = useState('');
  const { submit, said, save } = useEntrySubmit(VALUE_FIELDS, onDone);
  const def = manual.find((d) => d.code === entry.kpi);
  if (!manual.length) return null;
  const errors = submit.errors.byField;
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
    save(
      reportEndpoints.values(),
      { ...entry.body(), ...typed, evidenceUrl: evidence.trim(), ...(note.trim() ? { note: note.trim() } : {}) },
      t('objectives.value.saved'),
      [
        ...entry.checks(),
        ['value', def?.kind === 'boolean' && !yes, t('objectives.value.yes_no')],
        ['value', (def?.kind === 'count' || def?.kind === 'amount') && n === null, t('objectives.value.number_only')],
        ['numerator', def?.kind === 'percentage' && num === null, t('objectives.value.number_only')],
        ['denominator', def?.kind === 'percentage' && (den === null || den <= 0), t('objectives.value.denominator')],
        ['evidenceUrl', !/^https?:\/\/\S{3,}$/.test(evidence.trim()), t('objectives.value.evidence_required')],
      ],
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="value-form-title" className="mt-5 border-top pt-4">
      <FormHead
        id="value-form-title"
        title={t('objectives.value.title')}
        said={said}
        submit={submit}
        fields={{
          ...entry.summary,
          value: { id: def?.kind === 'boolean' ? 'value-yes' : 'value-value', label: t('report.col.value') },
          numerator: { id: 'value-numerator', label: t('objectives.value.numerator') },
          denominator: { id: 'value-denominator', label: t('objectives.value.denominator_label') },
          evidenceUrl: { id: 'value-evidence', label: t('objectives.value.evidence') },
          note: { id: 'value-note', label: t('objectives.value.note') },
        }}
      >
        <p>{t('objectives.value.lead')}</p>
      </FormHead>
      <KpiEntryFields entry={entry} definitions={manual} parties={parties} errors={errors} />
      {def?.kind === 'boolean' ? (
        <fieldset className="mb-3">
          <legend className="h6">{t('report.col.value')}</legend>
          {(['yes', 'no'] as const).map((v) => (
            <div className="form-check form-check-inline" key={v}>
              <input
                className="form-check-input"
                type="radio"
                name="value-yes"
                id={`value-${v}`}
                checked={yes === v}
                onChange={() => setYes(v)}
              />
              <label className="form-check-label" htmlFor={`value-${v}`}>
                {t(v === 'yes' ? 'report.yes' : 'report.no')}
              </label>
            </div>
          ))}
          {errors.value ? <p className="text-danger small">{errors.value.text}</p> : null}
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
              error={errors.numerator}
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
              error={errors.denominator}
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
          error={errors.value}
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
        error={errors.evidenceUrl}
        required
      />
      <TextField
        id="value-note"
        label={t('objectives.value.note')}
        value={note}
        onChange={setNote}
        multiline
        rows={2}
        error={errors.note}
        markOptional
      />
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        {t('objectives.value.save')}
      </button>
    </form>
  );
}
