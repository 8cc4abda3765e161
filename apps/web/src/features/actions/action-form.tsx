import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { CheckboxGroup, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { useSession } from '../identity/session.tsx';
import { CURRENT_S3, s3Period, useReferenceData } from '../catalogue/reference-data.tsx';
import { actionEndpoints, type Action } from './action-api.ts';
import './action-messages.ts';

const FIELDS = [
  'title.it',
  'title.en',
  'description.it',
  'description.en',
  'lead',
  'start',
  'end',
  'visibility',
  's3',
  'filiere',
];
const VISIBILITIES = ['public', 'network', 'private'] as const;
const CENTRE_ROLES = new Set(['nucleus', 'centre-manager', 'centre-staff']);

/** Opens a joint action led by one of the person's centres, or edits one (its lead's members). */
export function ActionForm({ action }: { action?: Action }) {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const { user } = useSession();
  const ref = useReferenceData();
  const leadChoices =
    user?.platformRole === 'admin'
      ? ref.organizations.filter((o) => o.kind === 'centre')
      : ref.organizations.filter((o) =>
          user?.memberships.some((m) => m.organization === o.id && CENTRE_ROLES.has(m.role)),
        );
  const [titleIt, setTitleIt] = useState(action?.title.it ?? '');
  const [titleEn, setTitleEn] = useState(action?.title.en ?? '');
  const [descIt, setDescIt] = useState(action?.description?.it ?? '');
  const [descEn, setDescEn] = useState(action?.description?.en ?? '');
  const [lead, setLead] = useState(action?.lead.id ?? '');
  const [start, setStart] = useState(action?.start ?? new Date().toISOString().slice(0, 10));
  const [end, setEnd] = useState(action?.end ?? '');
  const [visibility, setVisibility] = useState<string>(action?.visibility ?? 'network');
  const [s3, setS3] = useState<string[]>(action?.s3 ?? []);
  const [filiere, setFiliere] = useState<string[]>(action?.filiere ?? []);
  const submit = useSubmit(FIELDS);
  const chosenLead = lead || (leadChoices.length === 1 ? leadChoices[0]!.id : '');
  const text = (it: string, en: string) => {
    const out: Record<string, string> = {};
    if (it.trim()) out.it = it.trim();
    if (en.trim()) out.en = en.trim();
    return out;
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const description = text(descIt, descEn);
    const body = {
      title: text(titleIt, titleEn),
      description: Object.keys(description).length ? description : action ? null : undefined,
      start,
      end,
      visibility,
      s3,
      filiere,
    };
    void submit.run(async () => {
      const saved = action
        ? await sendJson<Action>('PATCH', actionEndpoints.action(action.id), body)
        : await sendJson<Action>('POST', actionEndpoints.create(), { ...body, lead: chosenLead });
      clearApiCache();
      navigate(`/azioni/${saved.id}`);
    });
  };
  const options = (facet: 's3' | 'filiera') =>
    (ref.taxonomies?.[facet] ?? [])
      .filter(
        (term) =>
          facet !== 's3' ||
          (term.parent && s3Period(term.code, (c) => ref.term('s3', c)) === 'current' && term.code !== CURRENT_S3),
      )
      .map((term) => ({ value: term.code, label: pick(term.label)?.text ?? term.code }));
  if (!action && leadChoices.length === 0 && ref.loaded)
    return <p className="alert alert-info">{t('action.form.no_centre')}</p>;
  const labels = {
    'title.it': { id: 'action-title-it', label: t('action.form.title_it') },
    'title.en': { id: 'action-title-en', label: t('action.form.title_en') },
    lead: { id: 'action-lead', label: t('action.form.lead') },
    start: { id: 'action-start', label: t('action.form.start') },
    end: { id: 'action-end', label: t('action.form.end') },
    visibility: { id: 'action-visibility', label: t('action.visibility') },
    s3: { id: 'action-s3', label: t('action.form.s3') },
    filiere: { id: 'action-filiere', label: t('action.form.filiere') },
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary items={submit.errors.items} attempt={submit.attempt} fields={labels} />
      {submit.failure ? <ProblemAlert error={submit.failure} /> : null}
      <div className="row">
        <div className="col-md-6">
          <TextField
            id="action-title-it"
            label={t('action.form.title_it')}
            value={titleIt}
            onChange={setTitleIt}
            error={submit.errors.byField['title.it'] ?? submit.errors.byField.title}
            lang="it"
          />
        </div>
        <div className="col-md-6">
          <TextField
            id="action-title-en"
            label={t('action.form.title_en')}
            value={titleEn}
            onChange={setTitleEn}
            error={submit.errors.byField['title.en']}
            lang="en"
            markOptional
          />
        </div>
      </div>
      <TextField
        id="action-description-it"
        label={t('action.form.description_it')}
        value={descIt}
        onChange={setDescIt}
        multiline
        lang="it"
        markOptional
      />
      <TextField
        id="action-description-en"
        label={t('action.form.description_en')}
        value={descEn}
        onChange={setDescEn}
        multiline
        lang="en"
        markOptional
      />
      {action ? null : (
        <SelectField
          id="action-lead"
          label={t('action.form.lead')}
          value={chosenLead}
          onChange={setLead}
          emptyLabel="—"
          options={leadChoices.map((o) => ({ value: o.id, label: o.name }))}
          error={submit.errors.byField.lead}
          required
        />
      )}
      <div className="row">
        <div className="col-sm-6">
          <TextField
            id="action-start"
            type="date"
            label={t('action.form.start')}
            value={start}
            onChange={setStart}
            error={submit.errors.byField.start}
            required
          />
        </div>
        <div className="col-sm-6">
          <TextField
            id="action-end"
            type="date"
            label={t('action.form.end')}
            value={end}
            onChange={setEnd}
            error={submit.errors.byField.end}
            required
          />
        </div>
      </div>
      <SelectField
        id="action-visibility"
        label={t('action.visibility')}
        value={visibility}
        onChange={setVisibility}
        options={VISIBILITIES.map((v) => ({ value: v, label: t(`action.visibility.${v}`) }))}
        error={submit.errors.byField.visibility}
      />
      <CheckboxGroup
        id="action-s3"
        legend={t('action.form.s3')}
        options={options('s3')}
        values={s3}
        onChange={setS3}
        error={submit.errors.byField.s3}
        markOptional
      />
      <CheckboxGroup
        id="action-filiere"
        legend={t('action.form.filiere')}
        options={options('filiera')}
        values={filiere}
        onChange={setFiliere}
        error={submit.errors.byField.filiere}
        markOptional
      />
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        {action ? t('action.form.save') : t('action.form.create')}
      </button>
    </form>
  );
}
