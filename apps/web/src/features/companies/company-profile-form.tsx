import { useState, type FormEvent } from 'react';
import { COMPANY_SIZES } from '@clock/contracts/values';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { ErrorSummary, type SummaryField } from '../../components/ui/error-summary.tsx';
import { RadioGroup, TextField } from '../../components/ui/form-fields.tsx';
import { useEditFailureText } from '../editing/edit-failure.ts';
import { companyEndpoints, type CompanyView } from './company-api.ts';

const ID = 'cp';
const FIELDS = ['offers.it', 'offers.en', 'seeks.it', 'seeks.en', 'sizeClass', 'website'] as const;
type Field = (typeof FIELDS)[number];

/** The company's members change what it offers and looks for (Italian and English, both optional), its size and site. */
export function CompanyProfileForm({ company, onClose }: { company: CompanyView; onClose: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Record<Field, string>>({
    'offers.it': company.offers?.it ?? '',
    'offers.en': company.offers?.en ?? '',
    'seeks.it': company.seeks?.it ?? '',
    'seeks.en': company.seeks?.en ?? '',
    sizeClass: company.sizeClass ?? '',
    website: company.website ?? '',
  });
  const submit = useSubmit(FIELDS);
  const e = submit.errors.byField;
  const failureText = useEditFailureText(submit.failure);
  const set = (k: Field) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const text = (it: string, en: string) =>
    it.trim() || en.trim()
      ? { ...(it.trim() ? { it: it.trim() } : {}), ...(en.trim() ? { en: en.trim() } : {}) }
      : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      await sendJson('PATCH', companyEndpoints.one(company.id), {
        offers: text(draft['offers.it'], draft['offers.en']),
        seeks: text(draft['seeks.it'], draft['seeks.en']),
        website: draft.website.trim() || null,
        ...(draft.sizeClass ? { sizeClass: draft.sizeClass } : {}),
      });
      clearApiCache();
      onClose();
    });
  };
  const label = (f: Field) => {
    const [base, l] = f.split('.');
    return l
      ? `${t(`company.field.${base}` as 'company.field.offers')} (${t(l === 'it' ? 'request.lang.it' : 'request.lang.en')})`
      : t(`company.field.${base}` as 'company.field.website');
  };
  const fields: Partial<Record<string, SummaryField>> = Object.fromEntries(
    FIELDS.map((f) => [f, { id: `${ID}-${f.replace('.', '-')}${f === 'sizeClass' ? '-0' : ''}`, label: label(f) }]),
  );
  return (
    <form className="clock-form mt-4" noValidate onSubmit={onSubmit} aria-label={t('company.profile.edit')}>
      <ErrorSummary items={submit.errors.items} fields={fields} attempt={submit.attempt} intro={failureText} />
      {(['offers.it', 'offers.en', 'seeks.it', 'seeks.en'] as const).map((f) => (
        <TextField
          key={f}
          id={`${ID}-${f.replace('.', '-')}`}
          label={label(f)}
          value={draft[f]}
          onChange={set(f)}
          error={e[f]}
          multiline
          rows={3}
          markOptional
          lang={f.endsWith('.en') ? 'en' : 'it'}
        />
      ))}
      <RadioGroup
        id={`${ID}-sizeClass`}
        name="cp-size"
        legend={label('sizeClass')}
        value={draft.sizeClass}
        onChange={set('sizeClass')}
        error={e.sizeClass}
        options={COMPANY_SIZES.map((s) => ({ value: s, label: t(`company.size.${s}`) }))}
      />
      <TextField
        id={`${ID}-website`}
        type="url"
        label={label('website')}
        value={draft.website}
        onChange={set('website')}
        error={e.website}
        markOptional
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {submit.busy ? t('state.saving') : t('company.profile.save')}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={onClose}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
