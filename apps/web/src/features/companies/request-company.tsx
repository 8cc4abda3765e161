import { Link } from 'react-router';
import type { CatalogueRecord } from '../../lib/api.ts';
import { endpoints } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { FieldMessage } from '../../lib/form-errors.ts';
import { SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { useSession } from '../identity/session.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { RECORD_KINDS } from '../catalogue/record-kinds.ts';
import { recordTitle } from '../catalogue/record-text.ts';
import { companyEndpoints, sourceOf, type ClaimView } from './company-api.ts';

export interface OwnCompanies {
  options: { value: string; label: string }[];
  loaded: boolean;
}

/**
 * The companies a person may submit for: those they belong to and those whose claim waits for a centre (marked so).
 */
export function useOwnCompanies(active: boolean): OwnCompanies {
  const { t } = useI18n();
  const { user } = useSession();
  const { organizationById } = useReferenceData();
  const claims = useApi<ClaimView[]>(active ? companyEndpoints.claims('mine') : null, { fresh: true });
  const members = (user?.memberships ?? [])
    .filter((m) => m.role === 'company')
    .map((m) => ({
      value: m.organization,
      label:
        organizationById.get(m.organization)?.name ??
        claims.data?.find((c) => c.company.id === m.organization)?.company.name ??
        m.organization,
    }));
  const pending = (claims.data ?? [])
    .filter((c) => c.state === 'pending' && !members.some((m) => m.value === c.company.id))
    .map((c) => ({ value: c.company.id, label: t('request.form.company_pending', { name: c.company.name }) }));
  return { options: [...members, ...pending], loaded: !active || !!claims.data || !!claims.error };
}

interface OwnCompanyFieldsProps {
  id: string;
  own: OwnCompanies;
  company: string;
  companyName: string;
  contactEmail: string;
  onCompany: (v: string) => void;
  onCompanyName: (v: string) => void;
  onContactEmail: (v: string) => void;
  errors: Partial<Record<string, FieldMessage>>;
}

/** "For which company": one of the person's own, or another one named by hand (never called "registered"). */
export function OwnCompanyFields({
  id,
  own,
  company,
  companyName,
  contactEmail,
  onCompany,
  onCompanyName,
  onContactEmail,
  errors,
}: OwnCompanyFieldsProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={`${id}-company-title`} className="form-section">
      <h2 id={`${id}-company-title`} className="h4">
        {t('request.form.section_company')}
      </h2>
      <p>
        {t(own.options.length ? 'request.form.own_company_intro' : 'request.form.no_company_intro')}{' '}
        <Link to="/imprese/nuova">{t('request.form.register_company')}</Link>
      </p>
      {own.options.length ? (
        <SelectField
          id={`${id}-company`}
          label={t('request.field.own_company')}
          value={company}
          onChange={onCompany}
          options={own.options}
          emptyLabel={t('request.form.company_other')}
          error={errors.company}
        />
      ) : null}
      {company === '' ? (
        <>
          <TextField
            id={`${id}-companyName`}
            label={t('request.field.company_name')}
            hint={t('request.form.company_name_hint')}
            value={companyName}
            onChange={onCompanyName}
            error={errors.companyName}
            autoComplete="organization"
            required
          />
          <TextField
            id={`${id}-contactEmail`}
            type="email"
            label={t('request.field.contact_email')}
            value={contactEmail}
            onChange={onContactEmail}
            error={errors.contactEmail}
            autoComplete="email"
            markOptional
          />
        </>
      ) : null}
    </section>
  );
}

export interface QuoteSourceState {
  source: ReturnType<typeof sourceOf>;
  title: string | null;
  organization: string | null;
  href: string | null;
}

/** The record a request form was opened from (`?fonte=type:id`), with its title and centre once loaded. */
export function useQuoteSource(param: string | null): QuoteSourceState {
  const { pick } = useI18n();
  const source = sourceOf(param);
  const kind = source ? RECORD_KINDS[source.type] : null;
  const record = useApi<CatalogueRecord>(source && kind ? endpoints.record(kind.collection, source.id) : null);
  const title = record.data ? (pick(recordTitle(record.data))?.text ?? record.data.id) : null;
  return {
    source,
    title,
    organization: record.data?.organization ?? null,
    href: source && kind ? `${kind.path}/${encodeURIComponent(source.id)}` : null,
  };
}

/** Says which record the request is about and that its centre will receive it at once. */
export function QuoteSource({ state }: { state: QuoteSourceState }) {
  const { t } = useI18n();
  const { organizationById } = useReferenceData();
  if (!state.source) return null;
  const org = state.organization ? organizationById.get(state.organization) : undefined;
  return (
    <div className="quote-source" role="note">
      <p className="mb-1">
        {t('request.form.about_record')}{' '}
        {state.href ? <Link to={state.href}>{state.title ?? state.source.id}</Link> : null}
      </p>
      {org ? (
        <p className="mb-0 small">{t('request.form.addressed_to', { centre: org.shortName ?? org.name })}</p>
      ) : null}
    </div>
  );
}

/** The record a request started from, linked, by its title. */
export function RequestSourceLink({ source }: { source: { type: string; id: string } }) {
  const state = useQuoteSource(`${source.type}:${source.id}`);
  return state.href ? <Link to={state.href}>{state.title ?? source.id}</Link> : source.id;
}
