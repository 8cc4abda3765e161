import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { useSession } from '../identity/session.tsx';
import { centresOf } from './booking-roles.ts';

/** The account page's way to bookings: one's own, the free-slot search and, for centre staff, the centre's queue. */
export function BookingLinks() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user) return null;
  return (
    <section aria-labelledby="account-bookings" className="account-section">
      <h2 id="account-bookings" className="h4">
        {t('booking.account.title')}
      </h2>
      <ul className="list-unstyled">
        <li>
          <Link to="/prenotazioni">{t('booking.mine.title')}</Link>
        </li>
        <li>
          <Link to="/disponibilita">{t('booking.slots.title')}</Link>
        </li>
        {centresOf(user).length ? (
          <li>
            <Link to="/prenotazioni/centro">{t('booking.centre.title')}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
