import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Organization } from '@clock/contracts';
import { endpoints, sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { ErrorSummary, type SummaryField } from '../../components/ui/error-summary.tsx';
import { TextField } from '../../components/ui/form-fields.tsx';
import { itemHref } from '../catalogue/record-kinds.ts';
import {
  draftFromOrganization,
  ORGANIZATION_FIELDS,
  organizationPatch,
  type OrganizationDraft,
} from './record-draft.ts';
import { LocalizedFields } from './localized-fields.tsx';
import { SectorField, TermChecks } from './taxonomy-fields.tsx';
import { useEditFailureText } from './edit-failure.ts';

const ID = 'of';

/** An organisation's profile: names, place, website, description and classification. */
export function OrganizationForm({ organization }: { organization: Organization }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<OrganizationDraft>(() => draftFromOrganization(organization));
  const submit = useSubmit(ORGANIZATION_FIELDS);
  const errors = submit.errors;
  const e = errors.byField;
  const failureText = useEditFailureText(submit.failure);
  const set =
    <K extends keyof OrganizationDraft>(key: K) =>
    (value: OrganizationDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const href = itemHref('organization', organization.id);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      const patch = organizationPatch(organization, draft);
      if (Object.keys(patch).length === 0) {
        navigate(href, { state: { notice: 'unchanged' } });
        return;
      }
      await sendJson('PATCH', endpoints.organization(organization.id), patch);
      clearApiCache();
      navigate(href, { state: { notice: 'saved' } });
    });
  };

  const summaryFields: Partial<Record<string, SummaryField>> = {
    name: { id: `${ID}-name`, label: t('organization.full_name') },
    shortName: { id: `${ID}-shortName`, label: t('edit.short_name') },
    town: { id: `${ID}-town`, label: t('organization.town') },
    province: { id: `${ID}-province`, label: t('edit.province') },
    website: { id: `${ID}-website`, label: t('organization.website') },
    description: { id: `${ID}-description-it`, label: t('organization.description') },
    'description.it': { id: `${ID}-description-it`, label: t('edit.description_it') },
    'description.en': { id: `${ID}-description-en`, label: t('edit.description_en') },
    sectors: { id: `${ID}-sectors`, label: t('edit.sectors') },
    filiere: { id: `${ID}-filiere`, label: t('facet.filiera') },
    s3: { id: `${ID}-s3`, label: t('facet.s3') },
  };

  return (
    <form className="clock-form record-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary items={errors.items} fields={summaryFields} attempt={submit.attempt} intro={failureText} />
      <p className="form-required-note">{t('edit.required_note')}</p>
      <section aria-labelledby={`${ID}-names`} className="form-section">
        <h2 id={`${ID}-names`} className="h4">
          {t('edit.section_profile')}
        </h2>
        <TextField
          id={`${ID}-name`}
          label={t('organization.full_name')}
          value={draft.name}
          onChange={set('name')}
          error={e.name}
          required
        />
        <TextField
          id={`${ID}-shortName`}
          label={t('edit.short_name')}
          value={draft.shortName}
          onChange={set('shortName')}
          error={e.shortName}
          markOptional
        />
        <div className="row g-3">
          <div className="col-12 col-md-8">
            <TextField
              id={`${ID}-town`}
              label={t('organization.town')}
              value={draft.town}
              onChange={set('town')}
              error={e.town}
              markOptional
            />
          </div>
          <div className="col-12 col-md-4">
            <TextField
              id={`${ID}-province`}
              label={t('edit.province')}
              hint={t('edit.province_hint')}
              value={draft.province}
              onChange={set('province')}
              error={e.province}
              markOptional
            />
          </div>
        </div>
        <TextField
          id={`${ID}-website`}
          label={t('organization.website')}
          hint={t('edit.website_hint')}
          type="url"
          value={draft.website}
          onChange={set('website')}
          error={e.website}
          markOptional
          spellCheck={false}
        />
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
          errors={errors}
          multiline
        />
      </section>
      <section aria-labelledby={`${ID}-classification`} className="form-section">
        <h2 id={`${ID}-classification`} className="h4">
          {t('edit.section_classification')}
        </h2>
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
          values={draft.s3}
          onChange={set('s3')}
          error={e.s3}
        />
      </section>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {submit.busy ? t('state.saving') : t('edit.save')}
        </button>
        <Link to={href} className="btn btn-outline-primary">
          {t('action.cancel')}
        </Link>
      </div>
    </form>
  );
}
