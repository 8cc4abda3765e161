import { useState } from 'react';
import { Link } from 'react-router';
import { sendJson } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { CopyButton } from '../../components/ui/copy-button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert, problemMessageKey } from '../../components/ui/problem-alert.tsx';
import { bookingEndpoints, type Booking, type BookingList, type Grant, type Qualification } from './booking-api.ts';
import { BookingItem, useBookingAction } from './booking-item.tsx';
import './booking-messages.ts';

const ENDED = new Set(['declined', 'cancelled', 'expired', 'completed', 'no-show']);

/** The person's bookings: coming ones first (with cancel), then the past and the ended ones. */
function BookingLists() {
  const { t } = useI18n();
  const list = useApi<BookingList>(bookingEndpoints.list({ scope: 'mine', limit: 200 }), { fresh: true });
  const [cancelling, setCancelling] = useState<Booking | null>(null);
  const action = useBookingAction(() => {
    setCancelling(null);
    list.reload();
  });
  if (list.error) return <ProblemAlert error={list.error} onRetry={list.reload} />;
  if (!list.data) return <LoadingState />;
  const now = Date.now();
  const coming = list.data.items
    .filter((b) => !ENDED.has(b.state) && Date.parse(b.end) > now)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const past = list.data.items
    .filter((b) => !coming.includes(b))
    .sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  return (
    <>
      <section aria-labelledby="my-coming" className="mb-4">
        <h2 id="my-coming" className="h4">
          {t('booking.mine.coming')}
        </h2>
        {coming.length === 0 ? (
          <EmptyState action={<Link to="/disponibilita">{t('booking.mine.find')}</Link>}>
            {t('booking.mine.none')}
          </EmptyState>
        ) : (
          <ul className="booking-list">
            {coming.map((b) => (
              <li key={b.id}>
                <BookingItem booking={b}>
                  {b.allowedActions.includes('cancel') ? (
                    <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setCancelling(b)}>
                      {t('booking.mine.cancel')}
                    </button>
                  ) : null}
                </BookingItem>
              </li>
            ))}
          </ul>
        )}
      </section>
      {past.length ? (
        <section aria-labelledby="my-past" className="mb-4">
          <h2 id="my-past" className="h4">
            {t('booking.mine.past')}
          </h2>
          <ul className="booking-list">
            {past.map((b) => (
              <li key={b.id}>
                <BookingItem booking={b} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ConfirmDialog
        open={!!cancelling}
        title={t('booking.mine.cancel_title')}
        confirmLabel={t('booking.mine.cancel_confirm')}
        onConfirm={() => cancelling && void action.run(cancelling.id, 'cancel')}
        onCancel={() => setCancelling(null)}
        busy={action.busy}
        error={action.failure ? t(problemMessageKey(action.failure)) : undefined}
      >
        <p>{t('booking.mine.cancel_text', { ref: cancelling?.ref ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}

/** The private calendar address of the person's bookings, to copy into a calendar app, or to download once. */
function CalendarFeed() {
  const { t } = useI18n();
  const feed = useApi<{ url: string }>(bookingEndpoints.feed(), { fresh: true });
  const [url, setUrl] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);
  const shown = url ?? feed.data?.url;
  const reset = async () => {
    setResetting(true);
    try {
      const made = await sendJson<{ url: string }>('POST', bookingEndpoints.feedReset(), {});
      setUrl(made.url);
    } finally {
      setResetting(false);
    }
  };
  return (
    <section aria-labelledby="my-feed" className="mb-4">
      <h2 id="my-feed" className="h4">
        {t('booking.feed.title')}
      </h2>
      <p>{t('booking.feed.intro')}</p>
      {feed.error ? <ProblemAlert error={feed.error} onRetry={feed.reload} /> : null}
      {shown ? (
        <>
          <div className="field">
            <label className="field-label" htmlFor="feed-url">
              {t('booking.feed.label')}
            </label>
            <input id="feed-url" className="form-control" readOnly value={shown} />
          </div>
          <p className="feed-actions">
            <CopyButton targetId="feed-url" label={t('booking.feed.copy')} />{' '}
            <a className="btn btn-outline-primary btn-sm" href={shown} download="prenotazioni.ics">
              {t('booking.feed.download')}
            </a>{' '}
            <button type="button" className="btn btn-link btn-sm" onClick={reset} disabled={resetting}>
              {t('booking.feed.reset')}
            </button>
          </p>
          <p className="small">{t('booking.feed.private')}</p>
        </>
      ) : null}
    </section>
  );
}

/** The qualifications the person holds, with their validity. */
function MyQualifications() {
  const { t, pick, formatDate } = useI18n();
  const grants = useApi<{ items: Grant[] }>(bookingEndpoints.myQualifications(), { fresh: true });
  const names = useApi<{ items: Qualification[] }>(bookingEndpoints.qualifications());
  const name = (id: string) => pick(names.data?.items.find((q) => q.id === id)?.name)?.text ?? id;
  return (
    <section aria-labelledby="abilitazioni" className="mb-4">
      <h2 id="abilitazioni" className="h4" tabIndex={-1}>
        {t('booking.qualifications.mine')}
      </h2>
      <p>{t('booking.qualifications.mine_intro')}</p>
      {grants.error ? <ProblemAlert error={grants.error} onRetry={grants.reload} /> : null}
      {grants.data?.items.length === 0 ? <EmptyState>{t('booking.qualifications.none')}</EmptyState> : null}
      {grants.data?.items.length ? (
        <ul className="qualification-list">
          {grants.data.items.map((g) => (
            <li key={g.id}>
              <strong>{name(g.qualification)}</strong> —{' '}
              {g.revokedAt
                ? t('booking.qualifications.revoked', { date: formatDate(g.revokedAt) })
                : !g.valid
                  ? t('booking.qualifications.expired')
                  : g.validUntil
                    ? t('booking.qualifications.valid_until', { date: formatDate(g.validUntil) })
                    : t('booking.qualifications.valid')}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** "Le mie prenotazioni": bookings, the calendar feed and the person's qualifications. */
export function MyBookings() {
  return (
    <>
      <BookingLists />
      <CalendarFeed />
      <MyQualifications />
    </>
  );
}
