import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Organization } from '@clock/contracts';
import { endpoints, sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { ErrorSummary, type SummaryField } from '../../components/ui/error-summary.tsx';
import { SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { itemHref } from '../catalogue/record-kinds.ts';
import { LocalizedFields } from '../editing/localized-fields.tsx';
import {
  draftFromOrganization,
  ORGANIZATION_FIELDS,
  organizationPatch,
  type OrganizationDraft,
} from '../editing/record-draft.ts';
import { useEditFailureText } from '../editing/edit-failure.ts';

const ID = 'newo';
export const ORGANIZATION_KINDS = [
  'centre',
  'company',
  'region',
  'university',
  'research_body',
  'association',
] as const;
const EMPTY = { id: '', kind: '', name: '' } as Organization;

/** The text fields of a new organisation, in order; further fields (contacts, a company's profile) are added here. */
const TEXT_FIELDS: {
  key: keyof OrganizationDraft;
  label: MessageKey;
  hint?: MessageKey;
  required?: boolean;
  type?: 'url';
}[] = [
  { key: 'name', label: 'organization.full_name', required: true },
  { key: 'shortName', label: 'edit.short_name' },
  { key: 'town', label: 'organization.town' },
  { key: 'province', label: 'edit.province', hint: 'edit.province_hint' },
  { key: 'website', label: 'organization.website', hint: 'edit.website_hint', type: 'url' },
];

/** Adds an organisation to the register (admins and Region officers): kind, names, place, website, description. */
export function OrganizationCreateForm() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [kind, setKind] = useState('');
  const [draft, setDraft] = useState<OrganizationDraft>(() => draftFromOrganization(EMPTY));
  const submit = useSubmit(['kind', ...ORGANIZATION_FIELDS]);
  const e = submit.errors.byField;
  const failureText = useEditFailureText(submit.failure);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const kindMissing = { text: t('admin.org.kind_missing') };
    const nameMissing = { text: t('admin.org.name_missing') };
    const items = [
      ...(kind ? [] : [{ field: 'kind', message: kindMissing }]),
      ...(draft.name.trim() ? [] : [{ field: 'name', message: nameMissing }]),
    ];
    void submit.run(
      async () => {
        const created = await sendJson<Organization>('POST', endpoints.organizations({}).split('?')[0]!, {
          kind,
          ...organizationPatch(EMPTY, draft),
        });
        clearApiCache();
        navigate(itemHref('organization', created.id), { state: { notice: 'created' } });
      },
      items.length ? { items, byField: Object.fromEntries(items.map((i) => [i.field, i.message])) } : undefined,
    );
  };

  const summaryFields: Partial<Record<string, SummaryField>> = {
    kind: { id: `${ID}-kind`, label: t('admin.org.kind') },
    ...Object.fromEntries(TEXT_FIELDS.map((f) => [f.key, { id: `${ID}-${f.key}`, label: t(f.label) }])),
    description: { id: `${ID}-description-it`, label: t('organization.description') },
    'description.it': { id: `${ID}-description-it`, label: t('edit.description_it') },
    'description.en': { id: `${ID}-description-en`, label: t('edit.description_en') },
  };

  return (
    <form className="clock-form record-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary items={submit.errors.items} fields={summaryFields} attempt={submit.attempt} intro={failureText} />
      <p className="form-required-note">{t('edit.required_note')}</p>
      <SelectField
        id={`${ID}-kind`}
        label={t('admin.org.kind')}
        value={kind}
        onChange={setKind}
        emptyLabel={t('admin.org.choose_kind')}
        options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        error={e.kind}
        required
      />
      {TEXT_FIELDS.map((f) => (
        <TextField
          key={f.key}
          id={`${ID}-${f.key}`}
          label={t(f.label)}
          hint={f.hint ? t(f.hint) : undefined}
          type={f.type}
          value={String(draft[f.key])}
          onChange={(v) => setDraft((d) => ({ ...d, [f.key]: v }))}
          error={e[f.key]}
          required={f.required}
          markOptional={!f.required}
        />
      ))}
      <LocalizedFields
        name="description"
        idPrefix={ID}
        legend={t('organization.description')}
        labelIt={t('edit.description_it')}
        labelEn={t('edit.description_en')}
        it={draft.descriptionIt}
        en={draft.descriptionEn}
        onChange={(lang, value) =>
          setDraft((d) => ({ ...d, [lang === 'it' ? 'descriptionIt' : 'descriptionEn']: value }))
        }
        errors={submit.errors}
        multiline
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {submit.busy ? t('state.saving') : t('admin.org.create')}
        </button>
        <Link to="/amministrazione/organizzazioni" className="btn btn-outline-primary">
          {t('action.cancel')}
        </Link>
      </div>
    </form>
  );
}
