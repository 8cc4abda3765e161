import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { endpoints, sendJson, type CatalogueRecord } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { ErrorSummary, type SummaryField } from '../../components/ui/error-summary.tsx';
import { Checkbox, RadioGroup, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import {
  EQUIPMENT_ACCESS,
  itemHref,
  RECORD_KINDS,
  SERVICE_KINDS,
  serviceKindLabel,
  type RecordType,
} from '../catalogue/record-kinds.ts';
import {
  bodyFromDraft,
  draftFromRecord,
  emptyDraft,
  patchFromDraft,
  RECORD_FIELDS,
  type RecordDraft,
} from './record-draft.ts';
import { LocalizedFields } from './localized-fields.tsx';
import { SectorField, TermChecks } from './taxonomy-fields.tsx';
import { useEditFailureText } from './edit-failure.ts';

const ID = 'rf';

interface RecordFormProps {
  type: RecordType;
  /** The organisation the record belongs (or will belong) to. */
  organization: string;
  /** The record to change; absent: a new one. */
  record?: CatalogueRecord;
  /** Where "Annulla" goes. */
  cancelTo: string;
}

/**
 * The form of a competence, service, equipment or expert. The server validates: each problem it lists is shown next
 * to its field and in the summary at the top, which takes the focus; what was typed stays as it was.
 */
export function RecordForm({ type, organization, record, cancelTo }: RecordFormProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const kind = RECORD_KINDS[type];
  const [draft, setDraft] = useState<RecordDraft>(() => (record ? draftFromRecord(type, record) : emptyDraft()));
  const submit = useSubmit(RECORD_FIELDS[type]);
  const errors = submit.errors;
  const e = errors.byField;
  const failureText = useEditFailureText(submit.failure);
  const set =
    <K extends keyof RecordDraft>(key: K) =>
    (value: RecordDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      if (record) {
        const patch = patchFromDraft(type, record, draft);
        if (Object.keys(patch).length === 0) {
          navigate(itemHref(type, record.id), { state: { notice: 'unchanged' } });
          return;
        }
        const saved = await sendJson<CatalogueRecord>('PATCH', endpoints.record(kind.collection, record.id), patch);
        clearApiCache();
        navigate(itemHref(type, saved.id), { state: { notice: 'saved' } });
      } else {
        const created = await sendJson<CatalogueRecord>('POST', endpoints.collection(kind.collection), {
          organization,
          ...bodyFromDraft(type, draft),
        });
        clearApiCache();
        navigate(itemHref(type, created.id), { state: { notice: 'created' } });
      }
    });
  };

  const label = (key: MessageKey) => t(key);
  const summaryFields: Partial<Record<string, SummaryField>> = {
    title: { id: `${ID}-title-it`, label: label('edit.title') },
    'title.it': { id: `${ID}-title-it`, label: label('edit.title_it') },
    'title.en': { id: `${ID}-title-en`, label: label('edit.title_en') },
    description: { id: `${ID}-description-it`, label: label('record.description') },
    'description.it': { id: `${ID}-description-it`, label: label('edit.description_it') },
    'description.en': { id: `${ID}-description-en`, label: label('edit.description_en') },
    name: { id: `${ID}-name`, label: label('edit.expert_name') },
    role: { id: `${ID}-role-it`, label: label('record.role') },
    'role.it': { id: `${ID}-role-it`, label: label('edit.role_it') },
    'role.en': { id: `${ID}-role-en`, label: label('edit.role_en') },
    expertise: { id: `${ID}-expertise-it`, label: label('record.expertise') },
    'expertise.it': { id: `${ID}-expertise-it`, label: label('edit.expertise_it') },
    'expertise.en': { id: `${ID}-expertise-en`, label: label('edit.expertise_en') },
    keywords: { id: `${ID}-keywords`, label: label('record.keywords') },
    technologyAreas: { id: `${ID}-technologyAreas`, label: label('facet.technologyArea') },
    sectors: { id: `${ID}-sectors`, label: label('edit.sectors') },
    filiere: { id: `${ID}-filiere`, label: label('facet.filiera') },
    s3: { id: `${ID}-s3`, label: label('facet.s3') },
    trl: { id: `${ID}-trl`, label: label('record.trl') },
    kind: { id: `${ID}-kind`, label: label('record.service_kind') },
    lab: { id: `${ID}-lab`, label: label('record.lab') },
    location: { id: `${ID}-location`, label: label('record.location') },
    bookable: { id: `${ID}-bookable`, label: label('record.bookable') },
    access: { id: `${ID}-access`, label: label('record.access') },
    publicProfile: { id: `${ID}-publicProfile`, label: label('edit.public_profile') },
  };

  const onLocalized = (it: keyof RecordDraft, en: keyof RecordDraft) => (lang: 'it' | 'en', value: string) =>
    setDraft((d) => ({ ...d, [lang === 'it' ? it : en]: value }));

  return (
    <form className="clock-form record-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary items={errors.items} fields={summaryFields} attempt={submit.attempt} intro={failureText} />
      <p className="form-required-note">{t('edit.required_note')}</p>

      <section aria-labelledby={`${ID}-texts`} className="form-section">
        <h2 id={`${ID}-texts`} className="h4">
          {t('edit.section_texts')}
        </h2>
        {type === 'expert' ? (
          <>
            <TextField
              id={`${ID}-name`}
              label={t('edit.expert_name')}
              value={draft.name}
              onChange={set('name')}
              error={e.name}
              autoComplete="off"
              required
            />
            <LocalizedFields
              name="role"
              idPrefix={ID}
              legend={t('record.role')}
              labelIt={t('edit.role_it')}
              labelEn={t('edit.role_en')}
              it={draft.roleIt}
              en={draft.roleEn}
              onChange={onLocalized('roleIt', 'roleEn')}
              errors={errors}
            />
            <LocalizedFields
              name="expertise"
              idPrefix={ID}
              legend={t('record.expertise')}
              labelIt={t('edit.expertise_it')}
              labelEn={t('edit.expertise_en')}
              it={draft.expertiseIt}
              en={draft.expertiseEn}
              onChange={onLocalized('expertiseIt', 'expertiseEn')}
              errors={errors}
              multiline
            />
          </>
        ) : (
          <>
            <LocalizedFields
              name="title"
              idPrefix={ID}
              legend={t('edit.title')}
              labelIt={t('edit.title_it')}
              labelEn={t('edit.title_en')}
              it={draft.titleIt}
              en={draft.titleEn}
              onChange={onLocalized('titleIt', 'titleEn')}
              errors={errors}
              required
            />
            <LocalizedFields
              name="description"
              idPrefix={ID}
              legend={t('record.description')}
              labelIt={t('edit.description_it')}
              labelEn={t('edit.description_en')}
              it={draft.descriptionIt}
              en={draft.descriptionEn}
              onChange={onLocalized('descriptionIt', 'descriptionEn')}
              errors={errors}
              multiline
            />
          </>
        )}
        <TextField
          id={`${ID}-keywords`}
          label={t('record.keywords')}
          hint={t('edit.keywords_hint')}
          value={draft.keywords}
          onChange={set('keywords')}
          error={e.keywords}
          markOptional
        />
      </section>

      <section aria-labelledby={`${ID}-details`} className="form-section">
        <h2 id={`${ID}-details`} className="h4">
          {t('record.details')}
        </h2>
        {type === 'competence' ? (
          <SelectField
            id={`${ID}-trl`}
            label={t('record.trl')}
            hint={t('edit.trl_hint')}
            value={draft.trl}
            onChange={set('trl')}
            emptyLabel={t('edit.not_stated')}
            options={[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({
              value: String(n),
              label: `${t('record.trl_value', { level: n })} – ${t(`trl.${n}` as MessageKey)}`,
            }))}
            error={e.trl}
            markOptional
          />
        ) : null}
        {type === 'service' ? (
          <SelectField
            id={`${ID}-kind`}
            label={t('record.service_kind')}
            value={draft.kind}
            onChange={set('kind')}
            emptyLabel={t('edit.not_stated')}
            options={SERVICE_KINDS.map((k) => ({ value: k, label: t(serviceKindLabel(k)) }))}
            error={e.kind}
            markOptional
          />
        ) : null}
        {type === 'equipment' ? (
          <>
            <TextField
              id={`${ID}-lab`}
              label={t('record.lab')}
              value={draft.lab}
              onChange={set('lab')}
              error={e.lab}
              markOptional
            />
            <TextField
              id={`${ID}-location`}
              label={t('record.location')}
              hint={t('edit.location_hint')}
              value={draft.location}
              onChange={set('location')}
              error={e.location}
              markOptional
            />
            <RadioGroup
              id={`${ID}-bookable`}
              name="bookable"
              legend={t('record.bookable')}
              hint={t('edit.bookable_hint')}
              value={draft.bookable}
              onChange={(v) => set('bookable')(v as RecordDraft['bookable'])}
              options={[
                { value: '', label: t('edit.not_stated') },
                { value: 'yes', label: t('common.yes') },
                { value: 'no', label: t('common.no') },
              ]}
              error={e.bookable}
              markOptional
            />
            <RadioGroup
              id={`${ID}-access`}
              name="access"
              legend={t('record.access')}
              value={draft.access}
              onChange={set('access')}
              options={[
                { value: '', label: t('edit.not_stated') },
                ...EQUIPMENT_ACCESS.map((a) => ({
                  value: a,
                  label: `${t(`access.${a}` as MessageKey)}: ${t(`access.${a}.meaning` as MessageKey)}`,
                })),
              ]}
              error={e.access}
              markOptional
            />
          </>
        ) : null}
        {type === 'expert' ? (
          <Checkbox
            id={`${ID}-publicProfile`}
            label={t('edit.public_profile')}
            hint={t('edit.public_profile_hint')}
            checked={draft.publicProfile}
            onChange={set('publicProfile')}
            error={e.publicProfile}
          />
        ) : null}
      </section>

      {type !== 'expert' ? (
        <section aria-labelledby={`${ID}-classification`} className="form-section">
          <h2 id={`${ID}-classification`} className="h4">
            {t('edit.section_classification')}
          </h2>
          <TermChecks
            id={`${ID}-technologyAreas`}
            facet="technologyArea"
            legend={t('facet.technologyArea')}
            values={draft.technologyAreas}
            onChange={set('technologyAreas')}
            error={e.technologyAreas}
          />
          <SectorField id={`${ID}-sectors`} value={draft.sectors} onChange={set('sectors')} error={e.sectors} />
          <TermChecks
            id={`${ID}-filiere`}
            facet="filiera"
            legend={t('facet.filiera')}
            values={draft.filiere}
            onChange={set('filiere')}
            error={e.filiere}
          />
          <TermChecks
            id={`${ID}-s3`}
            facet="s3"
            legend={t('facet.s3')}
            hint={t('edit.s3_hint')}
            values={draft.s3}
            onChange={set('s3')}
            error={e.s3}
          />
        </section>
      ) : null}

      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {submit.busy ? t('state.saving') : record ? t('edit.save') : t('edit.create_submit')}
        </button>
        <Link to={cancelTo} className="btn btn-outline-primary">
          {t('action.cancel')}
        </Link>
      </div>
    </form>
  );
}
