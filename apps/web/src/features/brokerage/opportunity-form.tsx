import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { ErrorSummary, type SummaryField } from '../../components/ui/error-summary.tsx';
import { CheckboxGroup, RadioGroup, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { SectorField, TermChecks } from '../editing/taxonomy-fields.tsx';
import { useEditFailureText } from '../editing/edit-failure.ts';
import { useSession } from '../identity/session.tsx';
import {
  IP_STATUSES,
  OPPORTUNITY_KINDS,
  OPPORTUNITY_STAGES,
  PARTNERSHIP_KINDS,
  opportunityEndpoints,
  type Opportunity,
} from './opportunity-api.ts';
import {
  draftOf,
  FIELDS,
  fieldsOf,
  localizeLeaks,
  TEXT_KEYS,
  type OpportunityDraft,
  type TextKey,
} from './opportunity-draft.ts';
import './brokerage-messages.ts';

const ID = 'opp';
const TEXT_LABELS: Record<TextKey, string> = {
  title: 'title',
  description: 'description',
  technology: 'technology',
  partnerSought: 'partner',
};

/**
 * Writes an opportunity (a draft) or changes one (draft or on hold): the company and the centre that handles it, the
 * kind, named or anonymous, texts in either language and how it is classified. "Save and send" also submits it for
 * review. The server's refusals (an anonymous text that says who the company is) appear next to the field and
 * language that holds them; everything typed stays.
 */
export function OpportunityForm({ opportunity }: { opportunity?: Opportunity }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { organizations, organizationById } = useReferenceData();
  const navigate = useNavigate();
  const companies = (user?.memberships ?? []).filter((m) => m.role === 'company').map((m) => m.organization);
  const [draft, setDraft] = useState<OpportunityDraft>(() => draftOf(opportunity, companies[0] ?? ''));
  const submit = useSubmit(FIELDS);
  const errors = localizeLeaks(submit.errors, t);
  const e = errors.byField;
  const failureText = useEditFailureText(submit.failure);
  const centres = organizations
    .filter((o) => o.kind === 'centre')
    .map((o) => ({ value: o.id, label: o.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const set =
    <K extends keyof OpportunityDraft>(key: K) =>
    (value: OpportunityDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const setText = (key: TextKey, lang: 'it' | 'en') => (value: string) =>
    setDraft((d) => ({ ...d, texts: { ...d.texts, [key]: { ...d.texts[key], [lang]: value } } }));

  const save = (andSubmit: boolean) => (ev?: FormEvent) => {
    ev?.preventDefault();
    const has = (k: TextKey) => !!(draft.texts[k].it.trim() || draft.texts[k].en.trim());
    const local = localErrors(
      [
        ['organization', !opportunity && !draft.organization, t('brokerage.form.error.company')],
        ['centre', !opportunity && !draft.centre, t('brokerage.form.error.centre')],
        ['title.it', !has('title'), t('brokerage.form.error.title')],
        ['description.it', !has('description'), t('brokerage.form.error.description')],
      ],
      FIELDS,
    );
    void submit.run(async () => {
      const fields = fieldsOf(draft);
      let saved = opportunity
        ? await sendJson<Opportunity>('PATCH', opportunityEndpoints.one(opportunity.id), fields)
        : await sendJson<Opportunity>('POST', opportunityEndpoints.create(), {
            organization: draft.organization,
            centre: draft.centre,
            ...fields,
          });
      if (andSubmit) saved = await sendJson<Opportunity>('POST', opportunityEndpoints.submit(saved.id), undefined);
      clearApiCache();
      navigate(`/opportunita/${saved.id}`, { state: { brokerageNotice: andSubmit ? 'submitted' : 'saved' } });
    }, local);
  };

  const summary: Partial<Record<string, SummaryField>> = {
    organization: { id: `${ID}-organization`, label: t('brokerage.form.company') },
    centre: { id: `${ID}-centre`, label: t('brokerage.form.centre') },
    kind: { id: `${ID}-kind`, label: t('brokerage.form.kind') },
    anonymous: { id: `${ID}-anonymous`, label: t('brokerage.form.visibility') },
    ...Object.fromEntries(
      TEXT_KEYS.flatMap((k) =>
        (['it', 'en'] as const).map((l) => [
          `${k}.${l}`,
          { id: `${ID}-${k}-${l}`, label: t(`brokerage.form.${TEXT_LABELS[k]}_${l}` as 'brokerage.form.title_it') },
        ]),
      ),
    ),
    ...Object.fromEntries(
      TEXT_KEYS.map((k) => [
        k,
        { id: `${ID}-${k}-it`, label: t(`brokerage.form.${TEXT_LABELS[k]}_it` as 'brokerage.form.title_it') },
      ]),
    ),
    stage: { id: `${ID}-stage`, label: t('brokerage.form.stage') },
    ipStatus: { id: `${ID}-ip`, label: t('brokerage.form.ip') },
    partnershipKinds: { id: `${ID}-partnership`, label: t('brokerage.form.partnership') },
    filiere: { id: `${ID}-filiere`, label: t('brokerage.form.filiere') },
    sectors: { id: `${ID}-sectors`, label: t('brokerage.detail.sectors') },
    s3: { id: `${ID}-s3`, label: t('brokerage.form.s3') },
    expiresAt: { id: `${ID}-expires`, label: t('brokerage.form.expires') },
  };

  const texts = (key: TextKey, rows?: number) =>
    (['it', 'en'] as const).map((l) => (
      <TextField
        key={l}
        id={`${ID}-${key}-${l}`}
        label={t(`brokerage.form.${TEXT_LABELS[key]}_${l}` as 'brokerage.form.title_it')}
        value={draft.texts[key][l]}
        onChange={setText(key, l)}
        error={e[`${key}.${l}`] ?? (l === 'it' ? e[key] : undefined)}
        multiline={!!rows}
        rows={rows}
        lang={l}
        markOptional
      />
    ));
  const nameOf = (id: string) => organizationById.get(id)?.name ?? id;

  return (
    <form className="clock-form" noValidate onSubmit={save(false)}>
      <ErrorSummary items={errors.items} fields={summary} attempt={submit.attempt} intro={failureText} />
      {opportunity ? null : companies.length > 1 ? (
        <SelectField
          id={`${ID}-organization`}
          label={t('brokerage.form.company')}
          value={draft.organization}
          onChange={set('organization')}
          options={companies.map((c) => ({ value: c, label: nameOf(c) }))}
          error={e.organization}
          required
        />
      ) : null}
      {opportunity ? null : (
        <SelectField
          id={`${ID}-centre`}
          label={t('brokerage.form.centre')}
          hint={t('brokerage.form.centre_hint')}
          value={draft.centre}
          onChange={set('centre')}
          options={centres}
          emptyLabel={t('brokerage.form.centre_choose')}
          error={e.centre}
          required
        />
      )}
      <RadioGroup
        id={`${ID}-kind`}
        name="kind"
        legend={t('brokerage.form.kind')}
        options={OPPORTUNITY_KINDS.map((k) => ({ value: k, label: t(`brokerage.kind.${k}`) }))}
        value={draft.kind}
        onChange={set('kind')}
        error={e.kind}
        required
      />
      <RadioGroup
        id={`${ID}-anonymous`}
        name="anonymous"
        legend={t('brokerage.form.visibility')}
        hint={t('brokerage.form.anonymous_hint')}
        options={[
          { value: 'named', label: t('brokerage.form.named') },
          { value: 'anonymous', label: t('brokerage.form.anonymous') },
        ]}
        value={draft.anonymous ? 'anonymous' : 'named'}
        onChange={(v) => set('anonymous')(v === 'anonymous')}
        error={e.anonymous}
        required
      />
      <p className="field-hint">{t('brokerage.form.languages')}</p>
      {texts('title')}
      {texts('description', 8)}
      {texts('technology', 4)}
      {texts('partnerSought', 4)}
      <SelectField
        id={`${ID}-stage`}
        label={t('brokerage.form.stage')}
        value={draft.stage}
        onChange={set('stage')}
        options={OPPORTUNITY_STAGES.map((s) => ({ value: s, label: t(`brokerage.stage.${s}`) }))}
        emptyLabel={t('brokerage.form.not_said')}
        error={e.stage}
        markOptional
      />
      <SelectField
        id={`${ID}-ip`}
        label={t('brokerage.form.ip')}
        value={draft.ipStatus}
        onChange={set('ipStatus')}
        options={IP_STATUSES.map((s) => ({ value: s, label: t(`brokerage.ip.${s}`) }))}
        emptyLabel={t('brokerage.form.not_said')}
        error={e.ipStatus}
        markOptional
      />
      <CheckboxGroup
        id={`${ID}-partnership`}
        legend={t('brokerage.form.partnership')}
        options={PARTNERSHIP_KINDS.map((k) => ({ value: k, label: t(`brokerage.partnership.${k}`) }))}
        values={draft.partnershipKinds}
        onChange={set('partnershipKinds')}
        error={e.partnershipKinds}
        markOptional
      />
      <TermChecks
        id={`${ID}-filiere`}
        facet="filiera"
        legend={t('brokerage.form.filiere')}
        values={draft.filiere}
        onChange={set('filiere')}
        error={e.filiere}
      />
      <SectorField id={`${ID}-sectors`} value={draft.sectors} onChange={set('sectors')} error={e.sectors} />
      <TermChecks
        id={`${ID}-s3`}
        facet="s3"
        legend={t('brokerage.form.s3')}
        values={draft.s3}
        onChange={set('s3')}
        error={e.s3}
      />
      <TextField
        id={`${ID}-expires`}
        type="date"
        label={t('brokerage.form.expires')}
        hint={t('brokerage.form.expires_hint')}
        value={draft.expiresAt}
        onChange={set('expiresAt')}
        error={e.expiresAt}
        markOptional
      />
      <div className="form-actions d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-outline-primary" disabled={submit.busy}>
          {opportunity ? t('brokerage.form.save_changes') : t('brokerage.form.save')}
        </button>
        <button type="button" className="btn btn-primary" disabled={submit.busy} onClick={() => save(true)()}>
          {t('brokerage.form.save_submit')}
        </button>
      </div>
    </form>
  );
}
