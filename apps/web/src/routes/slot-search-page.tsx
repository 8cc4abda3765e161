import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { SlotSearch } from '../features/bookings/slot-search.tsx';

/** /disponibilita: free time on every centre's equipment at once. */
export function SlotSearchPage() {
  const { t } = useI18n();
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'slots', label: t('booking.slots.title') },
        ]}
      />
      <PageHeading documentTitle={t('booking.slots.title')}>{t('booking.slots.title')}</PageHeading>
      <p className="lead">{t('booking.slots.lead')}</p>
      <SlotSearch />
    </>
  );
}
