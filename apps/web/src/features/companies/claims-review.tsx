import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, sendJson } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { TextField } from '../../components/ui/form-fields.tsx';
import { companyEndpoints, type ClaimView } from './company-api.ts';

/** One claim to decide: who, for which company, what they said; verify, or reject with a reason they will read. */
function ClaimCard({ claim, onDecided }: { claim: ClaimView; onDecided: (text: string) => void }) {
  const { t, formatDate } = useI18n();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (action: 'verify' | 'reject') => {
    setBusy(true);
    setFailure(null);
    try {
      await sendJson('POST', companyEndpoints.decide(claim.id, action), action === 'reject' ? { reason } : undefined);
      onDecided(
        t(action === 'verify' ? 'company.review.verified' : 'company.review.rejected', {
          person: claim.person?.name ?? '',
          company: claim.company.name,
        }),
      );
    } catch (e) {
      setFailure(e instanceof ApiError ? e : new ApiError('network', 0));
    } finally {
      setBusy(false);
    }
  };
  const onReject = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 10) {
      setError(t('company.review.reason_short'));
      return;
    }
    setError(undefined);
    void decide('reject');
  };
  const headingId = `claim-${claim.id}`;
  return (
    <article className="card card-bg claim-card mb-4" aria-labelledby={headingId}>
      <div className="card-body">
        <h3 id={headingId} className="h5">
          {t('company.review.heading', { person: claim.person?.name ?? '', company: claim.company.name })}
        </h3>
        <dl className="record-fields">
          <div className="record-field">
            <dt>{t('company.review.kind')}</dt>
            <dd>{t(claim.kind === 'register' ? 'company.review.kind_register' : 'company.review.kind_join')}</dd>
          </div>
          <div className="record-field">
            <dt>{t('company.review.person')}</dt>
            <dd>
              {claim.person?.name} — <a href={`mailto:${claim.person?.email ?? ''}`}>{claim.person?.email}</a>
            </dd>
          </div>
          <div className="record-field">
            <dt>{t('company.field.name')}</dt>
            <dd>
              <Link to={`/organizzazioni/${encodeURIComponent(claim.company.id)}`}>{claim.company.name}</Link>
            </dd>
          </div>
          {claim.company.vatNumber ? (
            <div className="record-field">
              <dt>{t('company.field.vatNumber')}</dt>
              <dd>{claim.company.vatNumber}</dd>
            </div>
          ) : null}
          {claim.company.province ? (
            <div className="record-field">
              <dt>{t('company.field.province')}</dt>
              <dd>{claim.company.province}</dd>
            </div>
          ) : null}
          {claim.note ? (
            <div className="record-field">
              <dt>{t('company.field.note')}</dt>
              <dd>{claim.note}</dd>
            </div>
          ) : null}
          <div className="record-field">
            <dt>{t('company.review.since')}</dt>
            <dd>{formatDate(claim.createdAt)}</dd>
          </div>
        </dl>
        {failure ? <ProblemAlert error={failure} /> : null}
        {rejecting ? (
          <form noValidate onSubmit={onReject} className="clock-form">
            <TextField
              id={reasonId}
              label={t('company.review.reason')}
              hint={t('company.review.reason_hint')}
              value={reason}
              onChange={setReason}
              multiline
              rows={3}
              required
              error={error ? { text: error } : undefined}
            />
            <div className="form-actions">
              <button type="submit" className="btn btn-danger" disabled={busy}>
                {t('company.review.reject_confirm')}
              </button>
              <button type="button" className="btn btn-outline-primary" onClick={() => setRejecting(false)}>
                {t('action.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <div className="d-flex flex-wrap gap-2">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void decide('verify')}>
              {t('company.review.verify', { person: claim.person?.name ?? '' })}
            </button>
            <button type="button" className="btn btn-outline-danger" disabled={busy} onClick={() => setRejecting(true)}>
              {t('company.review.reject')}
            </button>
          </div>
        )}
      </div>
    </article>
  );
}

/** The claims waiting for a centre, oldest first. */
export function ClaimsReview() {
  const { t } = useI18n();
  const list = useApi<ClaimView[]>(companyEndpoints.claims('review'), { fresh: true });
  const [notice, setNotice] = useState('');
  return (
    <section aria-labelledby="claims-title">
      <h2 id="claims-title" className="h4">
        {t('company.review.pending')}
      </h2>
      <div role="status" aria-live="polite">
        {notice ? <p className="alert alert-success">{notice}</p> : null}
      </div>
      {list.loading && !list.data ? <LoadingState /> : null}
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {list.data && !list.data.length ? <EmptyState>{t('company.review.empty')}</EmptyState> : null}
      {list.data?.map((c) => (
        <ClaimCard
          key={c.id}
          claim={c}
          onDecided={(text) => {
            setNotice(text);
            list.reload();
          }}
        />
      ))}
    </section>
  );
}
