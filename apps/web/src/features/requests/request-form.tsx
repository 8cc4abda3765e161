import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { sendJson, type ApiError } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n, type Lang } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { ErrorSummary, type SummaryField } from '../../components/ui/error-summary.tsx';
import { RadioGroup, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { useEditFailureText } from '../editing/edit-failure.ts';
import { problemMessageKey } from '../../components/ui/problem-alert.tsx';
import { useSession } from '../identity/session.tsx';
import {
  CONFIDENTIALITY,
  requestEndpoints,
  requestHref,
  type Confidentiality,
  type RequestEdit,
  type RequestView,
} from './request-api.ts';
import { confidentialityLabel } from './request-bits.tsx';
import { MatchingPanel } from './matching-panel.tsx';
import { isCentreMember } from './request-roles.ts';
import { OwnCompanyFields, QuoteSource, useOwnCompanies, useQuoteSource } from '../companies/request-company.tsx';

const ID = 'nr';
const FIELDS = [
  'title',
  'description',
  'summary',
  'desiredOutcome',
  'confidentiality',
  'sector',
  'filiera',
  'deadline',
  'lang',
  'company',
  'companyName',
  'contactEmail',
] as const;

interface Draft {
  title: string;
  description: string;
  summary: string;
  desiredOutcome: string;
  confidentiality: Confidentiality | '';
  sector: string;
  filiera: string;
  deadline: string;
  lang: Lang;
  company: string;
  companyName: string;
  contactEmail: string;
}

/** Leaves out what was not filled in, so the server sees only the fields given. */
function bodyOf(d: Draft, forOthers: boolean, source?: { type: string; id: string } | null) {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    title: d.title,
    description: d.description,
    summary: opt(d.summary),
    desiredOutcome: opt(d.desiredOutcome),
    sector: opt(d.sector),
    filiera: opt(d.filiera),
    deadline: opt(d.deadline),
    confidentiality: d.confidentiality,
    lang: d.lang,
    ...(forOthers
      ? {
          company: opt(d.company),
          companyName: d.company ? undefined : opt(d.companyName),
          contactEmail: d.company ? undefined : opt(d.contactEmail),
        }
      : {}),
    ...(source ? { source } : {}),
  };
}

/**
 * What the server would refuse, found before sending: every missing or too short field at once, each with its own
 * message (the server checks the same, and its answer is shown the same way).
 */
function draftProblems(d: Draft, forOthers: boolean, t: ReturnType<typeof useI18n>['t']): [string, boolean, string][] {
  const len = (s: string) => s.trim().length;
  const short = (s: string, min: number) => len(s) > 0 && len(s) < min;
  const today = new Date().toISOString().slice(0, 10);
  return [
    ['title', len(d.title) === 0, t('form.error.required')],
    ['title', short(d.title, 5), t('form.error.too_short', { min: '5' })],
    ['description', len(d.description) === 0, t('form.error.required')],
    ['description', short(d.description, 20), t('form.error.too_short', { min: '20' })],
    ['summary', d.confidentiality === 'public' && len(d.summary) === 0, t('request.error.summary_public')],
    ['summary', short(d.summary, 10), t('form.error.too_short', { min: '10' })],
    ['confidentiality', d.confidentiality === '', t('request.form.confidentiality_required')],
    ['deadline', d.deadline !== '' && d.deadline < today, t('request.error.past')],
    ['companyName', forOthers && !d.company && len(d.companyName) === 0, t('request.error.company_name')],
  ];
}

/** The draft of a request being corrected: what it says now. */
function draftOf(r: RequestView): Draft {
  return {
    title: r.title,
    description: r.description ?? '',
    summary: r.summary ?? '',
    desiredOutcome: r.desiredOutcome ?? '',
    confidentiality: r.confidentiality,
    sector: r.sector ?? '',
    filiera: r.filiera ?? '',
    deadline: r.deadline ? r.deadline.slice(0, 10) : '',
    lang: r.lang === 'en' ? 'en' : 'it',
    company: '',
    companyName: '',
    contactEmail: r.contactEmail ?? '',
  };
}

/** Only what changed: required fields as typed (the server checks them), an emptied optional field as null. */
function patchOf(d: Draft, r: RequestView): RequestEdit {
  const patch: RequestEdit = {};
  if (d.title.trim() !== r.title) patch.title = d.title;
  if (d.description.trim() !== (r.description ?? '')) patch.description = d.description;
  if (d.confidentiality && d.confidentiality !== r.confidentiality) patch.confidentiality = d.confidentiality;
  if (d.lang !== r.lang) patch.lang = d.lang;
  const optional = (
    key: 'summary' | 'desiredOutcome' | 'sector' | 'filiera' | 'deadline' | 'contactEmail',
    before: string | null | undefined,
  ) => {
    const now = d[key].trim();
    if (now !== (before ?? '')) patch[key] = now || null;
  };
  optional('summary', r.summary);
  optional('desiredOutcome', r.desiredOutcome);
  optional('sector', r.sector);
  optional('filiera', r.filiera);
  optional('deadline', r.deadline?.slice(0, 10));
  optional('contactEmail', r.contactEmail);
  return patch;
}

/** What to say when a correction fails for a reason that belongs to no field. */
function useCorrectionFailureText(failure: ApiError | null): string | undefined {
  const { t } = useI18n();
  if (!failure) return undefined;
  if (failure.status === 401) return t('edit.failure.signed_out');
  if (failure.status === 403) return t('request.failure.forbidden');
  if (failure.status === 404) return t('request.failure.gone');
  if (failure.status === 409) return t('request.edit.conflict');
  return t(problemMessageKey(failure));
}

/**
 * A company's problem for the network. The matching engine answers beside the form while it is written; the server
 * validates and every problem it lists is shown next to its field and in the summary; nothing typed is lost.
 * Given `request`, the same form corrects it (before the nucleus opens it to the centres): prefilled, without the
 * company (which cannot change), sending only what changed.
 */
export function RequestForm({ request }: { request?: RequestView } = {}) {
  const { t, lang, pick } = useI18n();
  const navigate = useNavigate();
  const { user } = useSession();
  const { organizations, taxonomies, term } = useReferenceData();
  const editing = request !== undefined;
  const [params] = useSearchParams();
  // Centres and Region officers name any company; everyone else chooses among their own (verified or awaiting a
  // centre) or types the name of another.
  const onBehalf = !editing && (isCentreMember(user) || !!user?.platformRole);
  const ownChoice = !editing && !onBehalf;
  const forOthers = onBehalf || ownChoice;
  const own = useOwnCompanies(ownChoice);
  const source = useQuoteSource(editing ? null : params.get('fonte'));
  // A correction may touch the contact e-mail of a company that is not registered (or one given already).
  const editsContact = editing && (request.company?.id === null || !!request.contactEmail);
  const [draft, setDraft] = useState<Draft>(() =>
    request
      ? draftOf(request)
      : {
          title: '',
          description: '',
          summary: '',
          desiredOutcome: '',
          confidentiality: '',
          sector: '',
          filiera: '',
          deadline: '',
          lang,
          company: '',
          companyName: '',
          contactEmail: '',
        },
  );
  const submit = useSubmit(FIELDS);
  const e = submit.errors.byField;
  const submitFailureText = useEditFailureText(submit.failure);
  const correctionFailureText = useCorrectionFailureText(submit.failure);
  const failureText = editing ? correctionFailureText : submitFailureText;
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  // The company asked for in the address (after registering it), or the person's only one.
  const preferred = params.get('impresa');
  useEffect(() => {
    if (!ownChoice || !own.loaded) return;
    const pick =
      own.options.find((o) => o.value === preferred)?.value ?? (own.options.length === 1 ? own.options[0]!.value : '');
    if (pick) setDraft((d) => (d.company ? d : { ...d, company: pick }));
  }, [ownChoice, own.loaded, own.options, preferred]);
  // Started from a record: the title says what it is about.
  useEffect(() => {
    if (source.title)
      setDraft((d) =>
        d.title ? d : { ...d, title: t('request.form.quote_title', { title: source.title! }).slice(0, 200) },
      );
  }, [source.title, t]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const local = localErrors(draftProblems(draft, forOthers, t), FIELDS);
    void submit.run(async () => {
      if (request) {
        const patch = patchOf(draft, request);
        if (Object.keys(patch).length === 0) {
          navigate(requestHref(request.id), { state: { notice: 'unchanged' } });
          return;
        }
        await sendJson<RequestView>('PATCH', requestEndpoints.one(request.id), patch);
        clearApiCache();
        navigate(requestHref(request.id), { state: { notice: 'request-edited' } });
        return;
      }
      const created = await sendJson<RequestView>(
        'POST',
        requestEndpoints.create(),
        bodyOf(draft, forOthers, source.source),
      );
      clearApiCache();
      navigate(requestHref(created.id), { state: { notice: 'request-submitted' } });
    }, local);
  };

  const companies = organizations
    .filter((o) => o.kind === 'company')
    .map((o) => ({ value: o.id, label: o.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const filiere = (taxonomies?.filiera ?? [])
    .map((x) => ({ value: x.code, label: pick(x.label)?.text ?? x.code }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const sectorLabel = draft.sector.trim() ? pick(term('sector', draft.sector.trim())?.label) : undefined;

  const fields: Partial<Record<string, SummaryField>> = {
    title: { id: `${ID}-title`, label: t('request.field.title') },
    description: { id: `${ID}-description`, label: t('request.field.description') },
    summary: { id: `${ID}-summary`, label: t('request.field.summary') },
    desiredOutcome: { id: `${ID}-desiredOutcome`, label: t('request.field.desired_outcome') },
    confidentiality: { id: `${ID}-confidentiality`, label: t('request.field.confidentiality') },
    sector: { id: `${ID}-sector`, label: t('request.field.sector') },
    filiera: { id: `${ID}-filiera`, label: t('request.field.filiera') },
    deadline: { id: `${ID}-deadline`, label: t('request.field.deadline') },
    lang: { id: `${ID}-lang`, label: t('request.field.lang') },
    company: { id: `${ID}-company`, label: t(ownChoice ? 'request.field.own_company' : 'request.field.company') },
    companyName: { id: `${ID}-companyName`, label: t('request.field.company_name') },
    contactEmail: { id: `${ID}-contactEmail`, label: t('request.field.contact_email') },
  };

  return (
    <div className="row g-4 request-form-layout">
      <div className="col-12 col-lg-7">
        <form className="clock-form request-form" noValidate onSubmit={onSubmit}>
          <ErrorSummary items={submit.errors.items} fields={fields} attempt={submit.attempt} intro={failureText} />
          <p className="form-required-note">{t('request.form.required_note')}</p>
          {source.source ? <QuoteSource state={source} /> : null}

          <section aria-labelledby={`${ID}-problem`} className="form-section">
            <h2 id={`${ID}-problem`} className="h4">
              {t('request.form.section_problem')}
            </h2>
            <TextField
              id={`${ID}-title`}
              label={t('request.field.title')}
              hint={t('request.form.title_hint')}
              value={draft.title}
              onChange={set('title')}
              error={e.title}
              required
            />
            <TextField
              id={`${ID}-description`}
              label={t('request.field.description')}
              hint={t('request.form.description_hint')}
              value={draft.description}
              onChange={set('description')}
              error={e.description}
              multiline
              rows={7}
              required
            />
            <TextField
              id={`${ID}-desiredOutcome`}
              label={t('request.field.desired_outcome')}
              hint={t('request.form.desired_outcome_hint')}
              value={draft.desiredOutcome}
              onChange={set('desiredOutcome')}
              error={e.desiredOutcome}
              multiline
              rows={3}
              markOptional
            />
          </section>

          <section aria-labelledby={`${ID}-visibility`} className="form-section">
            <h2 id={`${ID}-visibility`} className="h4">
              {t('request.form.section_visibility')}
            </h2>
            <RadioGroup
              id={`${ID}-confidentiality`}
              name="confidentiality"
              legend={t('request.field.confidentiality')}
              value={draft.confidentiality}
              onChange={(v) => set('confidentiality')(v as Confidentiality)}
              options={CONFIDENTIALITY.map((c) => ({
                value: c,
                label: `${t(confidentialityLabel(c))}: ${t(`request.confidentiality.${c}.meaning`)}`,
              }))}
              error={e.confidentiality}
              required
            />
            <TextField
              id={`${ID}-summary`}
              label={t('request.field.summary')}
              hint={t('request.form.summary_hint')}
              value={draft.summary}
              onChange={set('summary')}
              error={e.summary}
              multiline
              rows={3}
              required={draft.confidentiality === 'public'}
              markOptional={draft.confidentiality !== 'public'}
            />
          </section>

          <section aria-labelledby={`${ID}-details`} className="form-section">
            <h2 id={`${ID}-details`} className="h4">
              {t('request.form.section_details')}
            </h2>
            <TextField
              id={`${ID}-sector`}
              label={t('request.field.sector')}
              hint={
                sectorLabel
                  ? t('request.form.sector_read_as', { label: sectorLabel.text })
                  : t('request.form.sector_hint')
              }
              value={draft.sector}
              onChange={set('sector')}
              error={e.sector}
              markOptional
              spellCheck={false}
            />
            <SelectField
              id={`${ID}-filiera`}
              label={t('request.field.filiera')}
              value={draft.filiera}
              onChange={set('filiera')}
              options={filiere}
              emptyLabel={t('edit.not_stated')}
              error={e.filiera}
              markOptional
            />
            <TextField
              id={`${ID}-deadline`}
              type="date"
              label={t('request.field.deadline')}
              hint={t('request.form.deadline_hint')}
              value={draft.deadline}
              onChange={set('deadline')}
              error={e.deadline}
              markOptional
            />
            {editsContact ? (
              <TextField
                id={`${ID}-contactEmail`}
                type="email"
                label={t('request.field.contact_email')}
                value={draft.contactEmail}
                onChange={set('contactEmail')}
                error={e.contactEmail}
                autoComplete="email"
                markOptional
              />
            ) : null}
            <RadioGroup
              id={`${ID}-lang`}
              name="lang"
              legend={t('request.field.lang')}
              value={draft.lang}
              onChange={(v) => set('lang')(v as Lang)}
              options={[
                { value: 'it', label: t('request.lang.it') },
                { value: 'en', label: t('request.lang.en') },
              ]}
              error={e.lang}
            />
          </section>

          {ownChoice ? (
            <OwnCompanyFields
              id={ID}
              own={own}
              company={draft.company}
              companyName={draft.companyName}
              contactEmail={draft.contactEmail}
              onCompany={set('company')}
              onCompanyName={set('companyName')}
              onContactEmail={set('contactEmail')}
              errors={e}
            />
          ) : null}
          {onBehalf ? (
            <section aria-labelledby={`${ID}-company-title`} className="form-section">
              <h2 id={`${ID}-company-title`} className="h4">
                {t('request.form.section_company')}
              </h2>
              <p>{t('request.form.company_intro')}</p>
              <SelectField
                id={`${ID}-company`}
                label={t('request.field.company')}
                value={draft.company}
                onChange={set('company')}
                options={companies}
                emptyLabel={t('request.form.company_not_registered')}
                error={e.company}
              />
              {draft.company === '' ? (
                <>
                  <TextField
                    id={`${ID}-companyName`}
                    label={t('request.field.company_name')}
                    value={draft.companyName}
                    onChange={set('companyName')}
                    error={e.companyName}
                    autoComplete="organization"
                    required
                  />
                  <TextField
                    id={`${ID}-contactEmail`}
                    type="email"
                    label={t('request.field.contact_email')}
                    value={draft.contactEmail}
                    onChange={set('contactEmail')}
                    error={e.contactEmail}
                    autoComplete="email"
                    markOptional
                  />
                </>
              ) : null}
            </section>
          ) : null}

          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={submit.busy}>
              {submit.busy ? t('state.saving') : t(editing ? 'request.edit.submit' : 'request.form.submit')}
            </button>
            <Link to={request ? requestHref(request.id) : '/richieste'} className="btn btn-outline-primary">
              {t('action.cancel')}
            </Link>
          </div>
        </form>
      </div>
      <div className="col-12 col-lg-5">
        <MatchingPanel
          title={draft.title}
          description={draft.description}
          lang={draft.lang}
          sector={draft.sector.trim()}
          filiera={draft.filiera}
        />
      </div>
    </div>
  );
}
