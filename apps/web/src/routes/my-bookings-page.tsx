import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { MyBookings } from '../features/bookings/my-bookings.tsx';

/** /prenotazioni: the person's bookings, calendar feed and qualifications. */
export function MyBookingsPage() {
  const { t } = useI18n();
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'mine', label: t('booking.mine.title') },
        ]}
      />
      <PageHeading documentTitle={t('booking.mine.title')}>{t('booking.mine.title')}</PageHeading>
      <p className="lead">{t('booking.mine.lead')}</p>
      <MyBookings />
    </RequireSignIn>
  );
}
