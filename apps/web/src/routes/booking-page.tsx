import { Link, useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useApi } from '../lib/use-api.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { bookingEndpoints, type Booking } from '../features/bookings/booking-api.ts';
import { BookingItem } from '../features/bookings/booking-item.tsx';

/**
 * /prenotazioni/:id: one booking, where its notifications, e-mails and calendar entries lead (its booker and the
 * owning centre's staff; anyone else gets the server's 404). What can be done with it is on the two lists.
 */
export function BookingPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const booking = useApi<Booking>(bookingEndpoints.one(id), { fresh: true });
  const title = booking.data ? `${t('booking.page.title')} ${booking.data.ref}` : t('booking.page.title');
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'mine', label: t('booking.mine.title'), to: '/prenotazioni' },
          { key: 'one', label: booking.data?.ref ?? t('booking.page.title') },
        ]}
      />
      <PageHeading documentTitle={title}>{title}</PageHeading>
      {booking.error ? <ProblemAlert error={booking.error} onRetry={booking.reload} /> : null}
      {!booking.data && !booking.error ? <LoadingState /> : null}
      {booking.data ? (
        <>
          <BookingItem booking={booking.data} showBooker />
          <p className="mt-3">
            {booking.data.allowedActions.some((a) => a === 'approve' || a === 'decline') ? (
              <Link to="/prenotazioni/centro">{t('booking.page.to_queue')}</Link>
            ) : (
              <Link to="/prenotazioni">{t('booking.page.to_mine')}</Link>
            )}
          </p>
        </>
      ) : null}
    </RequireSignIn>
  );
}
