import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, sendJson } from '../lib/api.ts';
import { clearApiCache, useApi } from '../lib/use-api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { SuccessPanel } from '../components/ui/success-panel.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ConfirmDialog } from '../components/ui/confirm-dialog.tsx';
import { eventEndpoints, eventWhen, type Registration } from '../features/events/event-api.ts';
import '../features/events/event-messages.ts';

function useCrumbs(last: string) {
  const { t } = useI18n();
  return [
    { key: 'home', label: t('nav.home'), to: '/' },
    { key: 'events', label: t('events.title'), to: '/eventi' },
    { key: 'here', label: last },
  ];
}

function InvalidLink() {
  const { t } = useI18n();
  return (
    <div className="alert alert-warning" role="alert">
      <p className="mb-0">{t('events.registration.invalid_link')}</p>
    </div>
  );
}

/** /eventi/conferma?token=: the registrant confirms the address by a click (mail scanners open links too). */
export function EventConfirmPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState<Registration | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      setDone(await sendJson<Registration>('POST', eventEndpoints.confirm(), { token }));
      clearApiCache();
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError('invalid-response', 0));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Breadcrumbs items={useCrumbs(t('events.confirm.title'))} />
      <PageHeading documentTitle={t('events.confirm.title')}>{t('events.confirm.title')}</PageHeading>
      {done ? (
        <RegistrationDone registration={done} />
      ) : token.length < 20 || failure?.status === 404 || failure?.status === 400 ? (
        <InvalidLink />
      ) : (
        <>
          <p>{t('events.confirm.text')}</p>
          {failure ? <ProblemAlert error={failure} /> : null}
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void confirm()}>
            {t('events.confirm.button')}
          </button>
        </>
      )}
    </>
  );
}

function RegistrationDone({ registration }: { registration: Registration }) {
  const { t, pick } = useI18n();
  const key = registration.state === 'waiting' ? 'events.register.waiting' : ('events.register.confirmed' as const);
  return (
    <SuccessPanel
      title={registration.state === 'waiting' ? t('events.register.waiting_title') : t('events.confirm.done')}
    >
      <p>
        <Link to={`/eventi/${registration.event.id}`}>{pick(registration.event.title)?.text}</Link>
      </p>
      <p>{t(`${key}_text`, { position: registration.position ?? '' })}</p>
    </SuccessPanel>
  );
}

/**
 * /eventi/iscrizioni/:id(?token=): a registration as its registrant sees it (signed in, or through the link in their
 * mail): the state, attendance, the certificate once attended, and cancelling.
 */
export function EventRegistrationPage() {
  const { t, pick, lang } = useI18n();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? undefined;
  const registration = useApi<Registration>(eventEndpoints.registration(id, token), { fresh: true });
  const [cancelling, setCancelling] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const cancel = async () => {
    setBusy(true);
    try {
      await sendJson('POST', eventEndpoints.cancelRegistration(id), token ? { token } : {});
      clearApiCache();
      setCancelling(false);
      setCancelled(true);
      registration.reload();
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError('invalid-response', 0));
    } finally {
      setBusy(false);
    }
  };
  const r = registration.data;
  const live = r && ['pending-confirmation', 'confirmed', 'waiting'].includes(r.state);
  return (
    <>
      <Breadcrumbs items={useCrumbs(t('events.registration.title'))} />
      <PageHeading documentTitle={t('events.registration.title')}>{t('events.registration.title')}</PageHeading>
      {registration.error?.status === 404 ||
      registration.error?.status === 400 ||
      registration.error?.status === 401 ? (
        <InvalidLink />
      ) : registration.error ? (
        <ProblemAlert error={registration.error} onRetry={registration.reload} />
      ) : !r ? (
        <LoadingState />
      ) : (
        <>
          {cancelled ? (
            <div className="alert alert-success" role="status">
              {t('events.registration.cancelled')}
            </div>
          ) : null}
          <dl className="row">
            <dt className="col-sm-3">{t('events.registration.event')}</dt>
            <dd className="col-sm-9">
              <Link to={`/eventi/${r.event.id}`}>{pick(r.event.title)?.text}</Link>
              {' — '}
              <time dateTime={r.event.start}>{eventWhen({ start: r.event.start, end: r.event.start }, lang)}</time>
            </dd>
            <dt className="col-sm-3">{t('events.registration.name')}</dt>
            <dd className="col-sm-9">{r.name}</dd>
            <dt className="col-sm-3">{t('events.registration.state')}</dt>
            <dd className="col-sm-9">
              {t(`events.registration.state.${r.state}`)}
              {r.state === 'waiting' && r.position ? ` (${r.position})` : ''}
            </dd>
            {r.attended > 0 || r.state === 'attended' ? (
              <>
                <dt className="col-sm-3">{t('events.registration.attended')}</dt>
                <dd className="col-sm-9">
                  {t('events.registration.attended_value', { attended: r.attended, sessions: r.sessions })}
                </dd>
              </>
            ) : null}
          </dl>
          {r.certificate ? (
            <p>
              <a className="btn btn-primary" href={eventEndpoints.certificate(r.id, token)} download>
                {t('events.registration.certificate')}
              </a>
            </p>
          ) : null}
          {live ? (
            <button type="button" className="btn btn-outline-danger" onClick={() => setCancelling(true)}>
              {t('events.registration.cancel')}
            </button>
          ) : null}
          <ConfirmDialog
            open={cancelling}
            title={t('events.registration.cancel')}
            confirmLabel={t('events.registration.cancel')}
            onConfirm={() => void cancel()}
            onCancel={() => setCancelling(false)}
            busy={busy}
            error={failure?.message}
          >
            <p>{t('events.registration.cancel_confirm')}</p>
          </ConfirmDialog>
        </>
      )}
    </>
  );
}
