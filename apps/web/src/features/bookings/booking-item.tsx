import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { sendJson, type ApiError } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { OrganizationLink } from '../catalogue/organization-name.tsx';
import { bookingEndpoints, equipmentPath, type Booking } from './booking-api.ts';
import { CATEGORY_LABEL, PriceLine, StateBadge, useWhen } from './booking-bits.tsx';
import './booking-messages.ts';

/** One booking as a card: what, when, state, price, who (for the centre), and the actions the caller may take. */
export function BookingItem({
  booking,
  showBooker,
  children,
}: {
  booking: Booking;
  showBooker?: boolean;
  children?: ReactNode;
}) {
  const { t, pick, formatDateTime } = useI18n();
  const when = useWhen();
  const title = pick(booking.equipment.title)?.text ?? booking.equipment.id;
  return (
    <article className="booking-item card card-bg" aria-labelledby={`booking-${booking.id}`}>
      <div className="card-body">
        <h3 className="h5 mb-1" id={`booking-${booking.id}`}>
          <Link to={equipmentPath(booking.equipment.id)}>{title}</Link>{' '}
          <span className="booking-ref">{booking.ref}</span>
        </h3>
        <p className="mb-1">
          <StateBadge state={booking.state} /> {when(booking.start, booking.end)}
        </p>
        <dl className="booking-facts">
          <div>
            <dt>{t('booking.item.centre')}</dt>
            <dd>
              <OrganizationLink id={booking.equipment.organization} />
            </dd>
          </div>
          {showBooker && booking.booker ? (
            <div>
              <dt>{t('booking.item.booker')}</dt>
              <dd>
                {booking.booker.name}
                {booking.organization ? ` — ${booking.organization.name}` : ''}
                {booking.category ? ` (${t(CATEGORY_LABEL[booking.category])})` : ''}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('booking.item.purpose')}</dt>
            <dd>{booking.purpose}</dd>
          </div>
          <div>
            <dt>{t('booking.item.price')}</dt>
            <dd>{booking.price ? <PriceLine quote={booking.price} frozen /> : t('booking.price.none')}</dd>
          </div>
          {booking.state === 'requested' && booking.expiresAt ? (
            <div>
              <dt>{t('booking.item.expires')}</dt>
              <dd>{formatDateTime(booking.expiresAt)}</dd>
            </div>
          ) : null}
          {booking.reason ? (
            <div>
              <dt>{t('booking.item.reason')}</dt>
              <dd>{booking.reason}</dd>
            </div>
          ) : null}
        </dl>
        {children}
      </div>
    </article>
  );
}

/** Runs one booking action and reports its failure next to the buttons. */
export function useBookingAction(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  /** True when the server accepted the action. */
  const run = async (id: string, action: 'approve' | 'decline' | 'cancel', body: object = {}): Promise<boolean> => {
    setBusy(true);
    setFailure(null);
    try {
      await sendJson('POST', bookingEndpoints.action(id, action), body);
      onDone();
      return true;
    } catch (error) {
      setFailure(error as ApiError);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const alert = failure ? <ProblemAlert error={failure} /> : null;
  return { busy, run, alert, failure };
}
