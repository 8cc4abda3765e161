import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { COMPANY_SIZES, PROVINCES, TUSCAN_PROVINCES } from '@clock/contracts/values';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { ErrorSummary, type SummaryField } from '../../components/ui/error-summary.tsx';
import { RadioGroup, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { SuccessPanel } from '../../components/ui/success-panel.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { useEditFailureText } from '../editing/edit-failure.ts';
import { companyEndpoints, type ClaimView, type CompanyView } from './company-api.ts';
import { vatMessage } from './vat-field.ts';

const ID = 'cr';
const FIELDS = [
  'name',
  'vatNumber',
  'sectors',
  'province',
  'town',
  'website',
  'sizeClass',
  'filiere',
  'offers',
  'seeks',
  'note',
] as const;
type Draft = Record<(typeof FIELDS)[number], string>;
const EMPTY: Draft = {
  name: '',
  vatNumber: '',
  sectors: '',
  province: '',
  town: '',
  website: '',
  sizeClass: '',
  filiere: '',
  offers: '',
  seeks: '',
  note: '',
};
const codesOf = (s: string) =>
  s
    .split(/[,;\s]+/)
    .map((c) => c.trim())
    .filter(Boolean);

/**
 * Registers a new company: legal name, partita IVA (checked here and on the server), ATECO codes, province, website,
 * size class, and what it offers and looks for. The person's claim then waits for a centre.
 */
export function CompanyRegisterForm({ onDone }: { onDone: () => void }) {
  const { t, lang, pick } = useI18n();
  const { taxonomies, term } = useReferenceData();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [created, setCreated] = useState<{ company: CompanyView; claim: ClaimView } | null>(null);
  const submit = useSubmit(FIELDS);
  const e = submit.errors.byField;
  const failureText = useEditFailureText(submit.failure);
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const vat = vatMessage(draft.vatNumber);
    const local = localErrors(
      [
        ['name', draft.name.trim().length < 2, t('company.error.name')],
        ['vatNumber', vat !== null, vat ? t(vat) : ''],
        ['sectors', codesOf(draft.sectors).length === 0, t('company.error.sectors')],
        ['province', draft.province === '', t('company.error.province')],
        ['sizeClass', draft.sizeClass === '', t('company.error.size')],
      ],
      FIELDS,
    );
    void submit.run(async () => {
      const text = (s: string) => (s.trim() ? { [lang]: s.trim() } : undefined);
      const answer = await sendJson<{ company: CompanyView; claim: ClaimView }>('POST', companyEndpoints.register(), {
        name: draft.name.trim(),
        vatNumber: draft.vatNumber,
        sectors: codesOf(draft.sectors),
        province: draft.province,
        town: draft.town.trim() || undefined,
        website: draft.website.trim() || undefined,
        sizeClass: draft.sizeClass,
        filiere: draft.filiere ? [draft.filiere] : undefined,
        offers: text(draft.offers),
        seeks: text(draft.seeks),
        note: draft.note.trim() || undefined,
      });
      clearApiCache();
      setCreated(answer);
      onDone();
    }, local);
  };

  if (created) {
    return (
      <SuccessPanel title={t('company.register.done_title', { name: created.company.name })}>
        <p>{t('company.register.done_text')}</p>
        <p className="d-flex flex-wrap gap-2">
          <Link className="btn btn-primary" to={`/richieste/nuova?impresa=${encodeURIComponent(created.company.id)}`}>
            {t('company.submit_request')}
          </Link>
          <Link className="btn btn-outline-primary" to={`/organizzazioni/${encodeURIComponent(created.company.id)}`}>
            {t('company.see_profile')}
          </Link>
        </p>
      </SuccessPanel>
    );
  }

  const tuscan = new Set<string>(TUSCAN_PROVINCES);
  const provinces = [...PROVINCES.filter(([c]) => tuscan.has(c)), ...PROVINCES.filter(([c]) => !tuscan.has(c))].map(
    ([value, name]) => ({ value, label: `${name} (${value})` }),
  );
  const filiere = (taxonomies?.filiera ?? [])
    .map((x) => ({ value: x.code, label: pick(x.label)?.text ?? x.code }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const read = codesOf(draft.sectors).map((c) => {
    const code = /^\d/.test(c) ? undefined : c.toUpperCase();
    const found = code ? term('sector', code) : (taxonomies?.sector ?? []).find((x) => x.code.slice(1) === c);
    return found ? `${found.code} ${pick(found.label)?.text ?? ''}` : c;
  });
  const fields: Partial<Record<string, SummaryField>> = Object.fromEntries(
    FIELDS.map((f) => [
      f,
      { id: f === 'sizeClass' ? `${ID}-sizeClass-0` : `${ID}-${f}`, label: t(`company.field.${f}`) },
    ]),
  );

  return (
    <form className="clock-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary items={submit.errors.items} fields={fields} attempt={submit.attempt} intro={failureText} />
      <p className="form-required-note">{t('request.form.required_note')}</p>
      <TextField
        id={`${ID}-name`}
        label={t('company.field.name')}
        hint={t('company.hint.name')}
        value={draft.name}
        onChange={set('name')}
        error={e.name}
        autoComplete="organization"
        required
      />
      <TextField
        id={`${ID}-vatNumber`}
        label={t('company.field.vatNumber')}
        hint={t('company.hint.vatNumber')}
        value={draft.vatNumber}
        onChange={set('vatNumber')}
        error={e.vatNumber}
        inputMode="numeric"
        spellCheck={false}
        required
      />
      <TextField
        id={`${ID}-sectors`}
        label={t('company.field.sectors')}
        value={draft.sectors}
        onChange={set('sectors')}
        error={e.sectors}
        spellCheck={false}
        required
        hint={read.length ? t('company.hint.sectors_read', { codes: read.join('; ') }) : t('company.hint.sectors')}
      />
      <SelectField
        id={`${ID}-province`}
        label={t('company.field.province')}
        value={draft.province}
        onChange={set('province')}
        options={provinces}
        emptyLabel={t('company.choose')}
        error={e.province}
        required
      />
      <TextField
        id={`${ID}-town`}
        label={t('company.field.town')}
        value={draft.town}
        onChange={set('town')}
        error={e.town}
        autoComplete="address-level2"
        markOptional
      />
      <TextField
        id={`${ID}-website`}
        type="url"
        label={t('company.field.website')}
        hint={t('company.hint.website')}
        value={draft.website}
        onChange={set('website')}
        error={e.website}
        markOptional
      />
      <RadioGroup
        id={`${ID}-sizeClass`}
        name="sizeClass"
        legend={t('company.field.sizeClass')}
        value={draft.sizeClass}
        onChange={set('sizeClass')}
        error={e.sizeClass}
        required
        options={COMPANY_SIZES.map((s) => ({ value: s, label: t(`company.size.${s}`) }))}
      />
      <SelectField
        id={`${ID}-filiere`}
        label={t('company.field.filiere')}
        value={draft.filiere}
        onChange={set('filiere')}
        options={filiere}
        emptyLabel={t('edit.not_stated')}
        error={e.filiere}
        markOptional
      />
      <TextField
        id={`${ID}-offers`}
        label={t('company.field.offers')}
        hint={t('company.hint.offers')}
        value={draft.offers}
        onChange={set('offers')}
        error={e.offers}
        multiline
        rows={3}
        markOptional
      />
      <TextField
        id={`${ID}-seeks`}
        label={t('company.field.seeks')}
        hint={t('company.hint.seeks')}
        value={draft.seeks}
        onChange={set('seeks')}
        error={e.seeks}
        multiline
        rows={3}
        markOptional
      />
      <TextField
        id={`${ID}-note`}
        label={t('company.field.note')}
        hint={t('company.hint.note')}
        value={draft.note}
        onChange={set('note')}
        error={e.note}
        multiline
        rows={2}
        markOptional
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {submit.busy ? t('state.saving') : t('company.register.submit')}
        </button>
      </div>
    </form>
  );
}
