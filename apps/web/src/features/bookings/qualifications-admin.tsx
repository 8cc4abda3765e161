import { useEffect, useRef, useState, type FormEvent } from 'react';
import { sendJson } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { TextField } from '../../components/ui/form-fields.tsx';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { bookingEndpoints, type Grant, type Qualification } from './booking-api.ts';
import { addDays, romeToday } from './rome-time.ts';
import './booking-messages.ts';

const GRANT_FIELDS = ['email', 'validUntil'] as const;

/** Grants a qualification to a person (by e-mail) until a date. */
function GrantForm({ qualification, onDone }: { qualification: Qualification; onDone: (said: string) => void }) {
  const { t, pick } = useI18n();
  const [email, setEmail] = useState('');
  const [validUntil, setValidUntil] = useState(() =>
    addDays(romeToday(), Math.round((qualification.validityMonths ?? 12) * 30.4)),
  );
  const submit = useSubmit(GRANT_FIELDS);
  const prefix = `grant-${qualification.id}`;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const local = localErrors(
      [
        ['email', !email.trim().includes('@'), t('booking.grant.email_missing')],
        ['validUntil', !!validUntil && validUntil <= romeToday(), t('booking.grant.date_past')],
      ],
      GRANT_FIELDS,
    );
    void submit.run(async () => {
      await sendJson('POST', bookingEndpoints.grants(qualification.id), {
        email: email.trim(),
        ...(validUntil ? { validUntil } : {}),
      });
      onDone(t('booking.grant.done', { email: email.trim(), name: pick(qualification.name)?.text ?? '' }));
      setEmail('');
    }, local);
  };
  return (
    <form onSubmit={onSubmit} noValidate className="grant-form">
      <h4 className="h6">{t('booking.grant.title')}</h4>
      <ErrorSummary
        items={submit.errors.items}
        attempt={submit.attempt}
        fields={{
          email: { id: `${prefix}-email`, label: t('booking.grant.email') },
          validUntil: { id: `${prefix}-until`, label: t('booking.grant.until') },
        }}
      />
      {submit.failure ? <ProblemAlert error={submit.failure} /> : null}
      <div className="row">
        <div className="col-md-7">
          <TextField
            id={`${prefix}-email`}
            label={t('booking.grant.email')}
            type="email"
            value={email}
            onChange={setEmail}
            autoComplete="off"
            required
            error={submit.errors.byField.email}
          />
        </div>
        <div className="col-md-5">
          <TextField
            id={`${prefix}-until`}
            label={t('booking.grant.until')}
            type="date"
            value={validUntil}
            onChange={setValidUntil}
            error={submit.errors.byField.validUntil}
          />
        </div>
      </div>
      <button type="submit" className="btn btn-primary btn-sm" disabled={submit.busy}>
        {t('booking.grant.submit')}
      </button>
    </form>
  );
}

/** Who holds one qualification, with revoke (a reason is required). */
function Holders({
  qualification,
  version,
  onSaid,
}: {
  qualification: Qualification;
  version: number;
  onSaid: (s: string) => void;
}) {
  const { t, formatDate } = useI18n();
  const grants = useApi<{ items: Grant[] }>(bookingEndpoints.grants(qualification.id), { fresh: true });
  const [revoking, setRevoking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [failed, setFailed] = useState(false);
  const seen = useRef(version);
  const { reload } = grants;
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  }, [version, reload]);
  const revoke = async (grant: Grant) => {
    if (reason.trim().length < 3) {
      setFailed(true);
      return;
    }
    try {
      await sendJson('POST', bookingEndpoints.revoke(grant.id), { reason: reason.trim() });
      setRevoking(null);
      setReason('');
      onSaid(t('booking.grant.revoked', { name: grant.user.name }));
      grants.reload();
    } catch {
      setFailed(true);
    }
  };
  if (grants.error) return <ProblemAlert error={grants.error} onRetry={grants.reload} />;
  const held = (grants.data?.items ?? []).filter((g) => !g.revokedAt);
  if (grants.data && held.length === 0) return <p className="small">{t('booking.grant.nobody')}</p>;
  return (
    <ul className="grant-list">
      {held.map((g) => (
        <li key={g.id}>
          <span>
            <strong>{g.user.name}</strong>
            {g.user.email ? ` (${g.user.email})` : ''} —{' '}
            {g.valid
              ? g.validUntil
                ? t('booking.qualifications.valid_until', { date: formatDate(g.validUntil) })
                : t('booking.qualifications.valid')
              : t('booking.qualifications.expired')}
          </span>{' '}
          {revoking === g.id ? (
            <span className="revoke-form">
              <TextField
                id={`revoke-${g.id}`}
                label={t('booking.grant.revoke_reason')}
                value={reason}
                onChange={(v) => {
                  setReason(v);
                  setFailed(false);
                }}
                required
                error={failed ? { text: t('booking.grant.revoke_missing') } : undefined}
              />
              <button type="button" className="btn btn-danger btn-sm" onClick={() => revoke(g)}>
                {t('booking.grant.revoke_confirm')}
              </button>{' '}
              <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setRevoking(null)}>
                {t('action.cancel')}
              </button>
            </span>
          ) : (
            <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setRevoking(g.id)}>
              {t('booking.grant.revoke', { name: g.user.name })}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The centre's qualifications: who holds each, grant and revoke. */
export function QualificationsAdmin({ organization }: { organization: string }) {
  const { t, pick } = useI18n();
  const list = useApi<{ items: Qualification[] }>(bookingEndpoints.qualifications(organization), { fresh: true });
  const [said, setSaid] = useState('');
  const [version, setVersion] = useState(0);
  const items = (list.data?.items ?? []).filter((q) => q.organization === organization);
  return (
    <section aria-labelledby="centre-qualifications" className="mb-4">
      <h2 id="centre-qualifications" className="h4">
        {t('booking.qualifications.centre')}
      </h2>
      <p>{t('booking.qualifications.centre_intro')}</p>
      <p role="status">{said}</p>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {list.data && items.length === 0 ? <EmptyState>{t('booking.qualifications.centre_none')}</EmptyState> : null}
      {items.map((q) => {
        const name = pick(q.name);
        return (
          <article key={q.id} className="card card-bg mb-3" aria-labelledby={`q-${q.id}`}>
            <div className="card-body">
              <h3 className="h5" id={`q-${q.id}`} lang={name?.isFallback ? name.lang : undefined}>
                {name?.text ?? q.id}
              </h3>
              <Holders qualification={q} version={version} onSaid={setSaid} />
              <GrantForm
                qualification={q}
                onDone={(text) => {
                  setSaid(text);
                  setVersion((v) => v + 1);
                }}
              />
            </div>
          </article>
        );
      })}
    </section>
  );
}
