import { useState, type FormEvent } from 'react';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { CheckboxGroup, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { reportEndpoints, type KpiDefinition, type Objective } from './report-api.ts';
import { FormHead, labelOf, NETWORK, PeriodFields, periodChecks, useScopes, type Parties } from './form-parts.tsx';
import './report-messages.ts';

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
      <FormHead
        id="objective-form-title"
        title={editing ? t('objectives.form.edit_title', { ref: editing.reference }) : t('objectives.form.new_title')}
        said={said}
        submit={submit}
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
