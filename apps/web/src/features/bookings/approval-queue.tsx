import { useState, type FormEvent } from 'react';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { TextField } from '../../components/ui/form-fields.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { bookingEndpoints, type Booking, type BookingList, type BookingState } from './booking-api.ts';
import { BookingItem, useBookingAction } from './booking-item.tsx';
import { addDays, romeInstant, romeToday } from './rome-time.ts';
import './booking-messages.ts';

/** Approve, or decline with a reason (required: the requester reads it). */
function Decision({ booking, onDone }: { booking: Booking; onDone: (said: string) => void }) {
  const { t } = useI18n();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useBookingAction(() => undefined);
  const id = `decline-${booking.id}`;
  const approve = async () => {
    if (await action.run(booking.id, 'approve')) onDone(t('booking.queue.approved', { ref: booking.ref }));
  };
  const decline = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setMissing(true);
      document.getElementById(id)?.focus();
      return;
    }
    if (await action.run(booking.id, 'decline', { reason: reason.trim() }))
      onDone(t('booking.queue.declined', { ref: booking.ref }));
  };
  return (
    <div className="booking-decision">
      {action.alert}
      {!declining ? (
        <p className="mb-0">
          {booking.allowedActions.includes('approve') ? (
            <button type="button" className="btn btn-primary btn-sm" onClick={approve} disabled={action.busy}>
              {t('booking.queue.approve', { ref: booking.ref })}
            </button>
          ) : null}{' '}
          {booking.allowedActions.includes('decline') ? (
            <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setDeclining(true)}>
              {t('booking.queue.decline', { ref: booking.ref })}
            </button>
          ) : null}
          {!booking.allowedActions.includes('approve') ? (
            <span className="small d-block mt-1">{t('booking.queue.not_yours')}</span>
          ) : null}
        </p>
      ) : (
        <form onSubmit={decline} noValidate>
          <TextField
            id={id}
            label={t('booking.queue.reason')}
            hint={t('booking.queue.reason_hint')}
            value={reason}
            onChange={setReason}
            multiline
            rows={3}
            required
            error={missing ? { text: t('booking.queue.reason_missing') } : undefined}
          />
          <button type="submit" className="btn btn-danger btn-sm" disabled={action.busy}>
            {t('booking.queue.decline_confirm')}
          </button>{' '}
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setDeclining(false)}>
            {t('action.cancel')}
          </button>
        </form>
      )}
    </div>
  );
}

function useCentreList(state: BookingState) {
  return useApi<BookingList>(bookingEndpoints.list({ scope: 'centre', state, limit: 200 }), { fresh: true });
}

/** The centre's requests waiting for an answer, then its coming confirmed bookings. */
export function ApprovalQueue({ organization }: { organization: string }) {
  const { t } = useI18n();
  const requested = useCentreList('requested');
  const confirmed = useCentreList('confirmed');
  const [said, setSaid] = useState('');
  const ours = (list: BookingList | undefined) =>
    (list?.items ?? [])
      .filter((b) => b.equipment.organization === organization)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const soon = ours(confirmed.data).filter(
    (b) => Date.parse(b.end) > Date.now() && Date.parse(b.start) < Date.parse(romeInstant(addDays(romeToday(), 30))),
  );
  return (
    <>
      <section aria-labelledby="queue-title" className="mb-4">
        <h2 id="queue-title" className="h4">
          {t('booking.queue.title')}
        </h2>
        <p role="status" className="queue-status">
          {said}
        </p>
        {requested.error ? <ProblemAlert error={requested.error} onRetry={requested.reload} /> : null}
        {requested.loading ? <LoadingState /> : null}
        {requested.data && ours(requested.data).length === 0 ? (
          <EmptyState>{t('booking.queue.empty')}</EmptyState>
        ) : null}
        <ul className="booking-list">
          {ours(requested.data).map((b) => (
            <li key={b.id}>
              <BookingItem booking={b} showBooker>
                <Decision
                  booking={b}
                  onDone={(text) => {
                    setSaid(text);
                    requested.reload();
                    confirmed.reload();
                  }}
                />
              </BookingItem>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="coming-title" className="mb-4">
        <h2 id="coming-title" className="h4">
          {t('booking.queue.coming')}
        </h2>
        {confirmed.data && soon.length === 0 ? <EmptyState>{t('booking.queue.coming_empty')}</EmptyState> : null}
        <ul className="booking-list">
          {soon.map((b) => (
            <li key={b.id}>
              <BookingItem booking={b} showBooker />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
