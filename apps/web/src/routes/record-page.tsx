import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { endpoints, type CatalogueRecord } from '../lib/api.ts';
import { useApi } from '../lib/use-api.ts';
import { PendingPage } from '../components/ui/pending-page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { describe, StructuredData, useSiteOrigin } from '../lib/page-head.tsx';
import { recordJsonLd } from '../features/catalogue/structured-data.ts';
import { FallbackNote } from '../components/ui/localized-text.tsx';
import { RECORD_KINDS, type RecordType } from '../features/catalogue/record-kinds.ts';
import { RecordDetail } from '../features/catalogue/record-detail.tsx';
import { recordSummary, recordTitle } from '../features/catalogue/record-text.ts';
import { NotFoundContent } from './not-found-page.tsx';
import { FlashNotice } from '../components/ui/flash-notice.tsx';
import { RecordEditActions } from '../features/editing/record-edit-actions.tsx';
import { useSession } from '../features/identity/session.tsx';
import { canEditRecords, canReadHistory } from '../features/identity/permissions.ts';
import type { BookingPolicy } from '../features/bookings/booking-api.ts';
import { ContactAction } from '../features/companies/contact-action.tsx';

// The booking panel (calendar and form) only on a bookable instrument's page: its code loads with it.
const BookingPanel = lazy(() =>
  import('../features/bookings/booking-panel.tsx').then((m) => ({ default: m.BookingPanel })),
);

// Only members of the record's organisation see its history: the others never download it.
const RecordHistory = lazy(() =>
  import('../features/editing/record-history.tsx').then((m) => ({ default: m.RecordHistory })),
);

/** The page of one competence, service, equipment or expert. */
export function RecordPage({ type }: { type: RecordType }) {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const { user } = useSession();
  const origin = useSiteOrigin();
  const kind = RECORD_KINDS[type];
  const record = useApi<CatalogueRecord>(endpoints.record(kind.collection, id));
  const crumbs = [
    { key: 'home', label: t('nav.home'), to: '/' },
    { key: 'list', label: t(kind.plural), to: kind.path },
  ];

  if (record.error?.status === 404) return <NotFoundContent what={t('record.not_found', { what: t(kind.singular) })} />;
  if (!record.data) return <PendingPage state={record} crumbs={crumbs} heading={t(kind.singular)} />;
  const title = pick(recordTitle(record.data));
  const text = title?.text ?? record.data.id;
  const booking = type === 'equipment' ? (record.data as { booking?: BookingPolicy }).booking : undefined;
  return (
    <>
      <Breadcrumbs items={[...crumbs, { key: 'current', label: text }]} />
      <p className="record-kicker">
        <span className="badge type-badge">{t(kind.singular)}</span>
      </p>
      <StructuredData
        data={recordJsonLd(record.data, type, {
          origin,
          path: kind.path,
          pick,
          name: text,
          category: t(kind.singular),
        })}
      />
      <PageHeading
        pageType="ItemPage"
        documentTitle={`${text} – ${t(kind.singular)}`}
        description={describe(pick(recordSummary(record.data))?.text)}
        kind={type === 'expert' ? 'profile' : type === 'equipment' ? 'product' : 'website'}
        lang={title?.isFallback ? title.lang : undefined}
      >
        {text}
        {title ? <FallbackNote picked={title} /> : null}
      </PageHeading>
      <FlashNotice />
      <RecordEditActions type={type} record={record.data} title={text} />
      <RecordDetail record={record.data} type={type} />
      {booking?.bookable ? (
        <Suspense fallback={<div aria-busy="true" />}>
          <BookingPanel
            equipment={record.data.id}
            title={text}
            organization={record.data.organization}
            terms={booking}
          />
        </Suspense>
      ) : type === 'equipment' && canEditRecords(user, record.data.organization) ? (
        <p>
          <Link to={`${kind.path}/${encodeURIComponent(record.data.id)}/prenotazioni`}>
            {t('booking.panel.set_up')}
          </Link>
        </p>
      ) : null}
      <ContactAction type={type} id={record.data.id} organization={record.data.organization} />
      {canReadHistory(user, record.data.organization) ? (
        <Suspense fallback={<div aria-busy="true" />}>
          <RecordHistory collection={kind.collection} id={record.data.id} organization={record.data.organization} />
        </Suspense>
      ) : null}
    </>
  );
}
