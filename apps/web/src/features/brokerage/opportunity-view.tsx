import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, sendJson } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { useSession } from '../identity/session.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import type { Interest, Opportunity } from './opportunity-api.ts';
import { opportunityEndpoints } from './opportunity-api.ts';
import './brokerage-messages.ts';

/** A text field of the opportunity in the reader's language (marked with its language when it is the other one). */
function Field({ label, text }: { label: string; text: { it?: string; en?: string } | null }) {
  const { pick } = useI18n();
  const p = pick(text);
  if (!p) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd lang={p.isFallback ? p.lang : undefined} style={{ whiteSpace: 'pre-line' }}>
        {p.text}
      </dd>
    </>
  );
}

/** A company member of another company tells the handling centre it is interested. */
function InterestForm({ o }: { o: Opportunity }) {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const companies = (user?.memberships ?? []).filter((m) => m.role === 'company' && m.organization !== o.company?.id);
  const [company, setCompany] = useState(companies[0]?.organization ?? '');
  const [note, setNote] = useState('');
  const [state, setState] = useState<{ busy: boolean; sent: boolean; error: ApiError | null }>({
    busy: false,
    sent: false,
    error: null,
  });
  // The interests the caller's companies already expressed (the API lists only one's own to another company).
  const mine = useApi<{ items: Interest[] }>(user && companies.length ? opportunityEndpoints.interests(o.id) : null, {
    fresh: true,
  });
  const live = mine.data?.items.find((i) => i.state === 'pending' || i.state === 'accepted');
  if (user && companies.length === 0) return null;
  if (live && !state.sent)
    return (
      <div className="alert alert-info">
        <p className="mb-0">
          {t('brokerage.interest.already', {
            date: formatDate(live.createdAt),
            state: t(
              `brokerage.interests.state.${live.introduction ? 'introduced' : live.state}` as 'brokerage.interests.state.pending',
            ),
          })}
          {live.introduction ? (
            <>
              {' '}
              <Link to="/introduzioni">{t('brokerage.interests.view_introductions')}</Link>
            </>
          ) : null}
        </p>
      </div>
    );
  if (!user)
    return (
      <p>
        <Link to={`/accedi?torna=${encodeURIComponent(`/opportunita/${o.id}`)}`}>
          {t('brokerage.interest.sign_in')}
        </Link>
      </p>
    );
  if (state.sent)
    return (
      <div className="alert alert-success" role="status">
        {t('brokerage.interest.sent')}
      </div>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState({ busy: true, sent: false, error: null });
    try {
      await sendJson('POST', opportunityEndpoints.interest(o.id), { organization: company, note });
      setState({ busy: false, sent: true, error: null });
    } catch (err) {
      setState({ busy: false, sent: false, error: err instanceof ApiError ? err : new ApiError('network', 0) });
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="interest-title">
      <h2 id="interest-title" className="h4">
        {t('brokerage.interest.title')}
      </h2>
      {state.error ? <ProblemAlert error={state.error} /> : null}
      {companies.length > 1 ? (
        <div className="mb-3">
          <label htmlFor="interest-company" className="form-label">
            {t('brokerage.interest.company')}
          </label>
          <select
            id="interest-company"
            className="form-select"
            value={company}
            onChange={(e) => setCompany(e.target.value)}
          >
            {companies.map((m) => (
              <option key={m.organization} value={m.organization}>
                {m.organization}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="mb-3">
        <label htmlFor="interest-note" className="form-label">
          {t('brokerage.interest.note')}
        </label>
        <textarea
          id="interest-note"
          className="form-control"
          rows={4}
          required
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={state.busy}>
        {t('brokerage.interest.send')}
      </button>
    </form>
  );
}

/** One opportunity: what is offered or sought, who handles it, and (for another company) the interest form. */
export function OpportunityView({ o }: { o: Opportunity }) {
  const { t, formatDate, pick } = useI18n();
  const { term } = useReferenceData();
  const termLabel = (facet: 'filiera', code: string) => pick(term(facet, code)?.label)?.text ?? code;
  return (
    <>
      <p>
        <span className="badge bg-secondary me-2">{t(`brokerage.kind.${o.kind}`)}</span>
        {o.reference}
      </p>
      <dl>
        <dt>{t('brokerage.company')}</dt>
        <dd>
          {o.company ? (
            <>
              {o.company.name}
              {o.anonymous ? <small className="d-block">{t('brokerage.anonymous_to_others')}</small> : null}
            </>
          ) : (
            <>
              {t('brokerage.anonymous')}
              <br />
              <small>{t('brokerage.anonymous_hint')}</small>
            </>
          )}
        </dd>
        <dt>{t('brokerage.handled_by')}</dt>
        <dd>
          <Link to={`/organizzazioni/${o.centre.id}`}>{o.centre.name}</Link>
        </dd>
        <Field label={t('brokerage.detail.description')} text={o.description} />
        <Field label={t('brokerage.detail.technology')} text={o.technology} />
        <Field label={t('brokerage.detail.partner')} text={o.partnerSought} />
        {o.stage ? (
          <>
            <dt>{t('brokerage.detail.stage')}</dt>
            <dd>{t(`brokerage.stage.${o.stage}` as 'brokerage.stage.concept')}</dd>
          </>
        ) : null}
        {o.ipStatus ? (
          <>
            <dt>{t('brokerage.detail.ip')}</dt>
            <dd>{t(`brokerage.ip.${o.ipStatus}` as 'brokerage.ip.none')}</dd>
          </>
        ) : null}
        {o.partnershipKinds?.length ? (
          <>
            <dt>{t('brokerage.detail.partnership')}</dt>
            <dd>
              {o.partnershipKinds
                .map((k) => t(`brokerage.partnership.${k}` as 'brokerage.partnership.commercial'))
                .join(', ')}
            </dd>
          </>
        ) : null}
        {o.filiere.length ? (
          <>
            <dt>{t('brokerage.detail.filiere')}</dt>
            <dd>{o.filiere.map((c) => termLabel('filiera', c)).join(', ')}</dd>
          </>
        ) : null}
        {o.sectors?.length ? (
          <>
            <dt>{t('brokerage.detail.sectors')}</dt>
            <dd>{o.sectors.join(', ')}</dd>
          </>
        ) : null}
        <dt>{t('brokerage.detail.expires')}</dt>
        <dd>{formatDate(o.expiresAt)}</dd>
      </dl>
      {o.state === 'published' && !o.actions.includes('interests') ? <InterestForm o={o} /> : null}
    </>
  );
}
