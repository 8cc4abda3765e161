import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { endpoints, type CatalogueRecord } from '../lib/api.ts';
import { useApi } from '../lib/use-api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { PendingPage } from '../components/ui/pending-page.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { itemHref } from '../features/catalogue/record-kinds.ts';
import { recordTitle } from '../features/catalogue/record-text.ts';
import { useOrganizationName } from '../features/catalogue/organization-name.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { useSession } from '../features/identity/session.tsx';
import { canEditRecords } from '../features/identity/permissions.ts';
import {
  bookingEndpoints,
  type BookingPolicy,
  type OpeningRule,
  type TariffList,
} from '../features/bookings/booking-api.ts';
import { PolicyForm } from '../features/bookings/policy-form.tsx';
import { OpeningHoursForm } from '../features/bookings/opening-hours-form.tsx';
import { TariffsForm } from '../features/bookings/tariffs-form.tsx';
import { ClosuresEditor } from '../features/bookings/closures-editor.tsx';
import { NotFoundContent } from './not-found-page.tsx';

/** What an instrument without a policy starts from (not bookable until the centre says so). */
const NEW_POLICY: BookingPolicy = {
  bookable: false,
  approval: 'manual',
  slotMinutes: 30,
  minMinutes: 60,
  maxMinutes: 480,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  leadHours: 24,
  horizonDays: 90,
  assistedOnly: false,
  pendingExpiryHours: 48,
  qualificationRequired: false,
  timezone: 'Europe/Rome',
  units: [],
};

function Editors({ equipment, organization }: { equipment: string; organization: string }) {
  const { t } = useI18n();
  const policy = useApi<BookingPolicy>(bookingEndpoints.policy(equipment), { fresh: true });
  const hours = useApi<{ items: OpeningRule[] }>(bookingEndpoints.openingRules(equipment), { fresh: true });
  const tariffs = useApi<TariffList>(bookingEndpoints.tariffs(equipment), { fresh: true });
  const [said, setSaid] = useState('');
  const failed = [policy, hours, tariffs].find((s) => s.error && s.error.status !== 404)?.error;
  if (failed) return <ProblemAlert error={failed} />;
  const ready = (s: { data?: unknown; error?: { status: number } }) => s.data !== undefined || s.error?.status === 404;
  if (!ready(policy) || !ready(hours) || !ready(tariffs)) return <LoadingState />;
  return (
    <>
      <p role="status" className="policy-status">
        {said}
      </p>
      <PolicyForm
        equipment={equipment}
        organization={organization}
        policy={policy.data ?? NEW_POLICY}
        onSaved={setSaid}
      />
      <OpeningHoursForm equipment={equipment} rules={hours.data?.items ?? []} onSaved={setSaid} />
      <TariffsForm equipment={equipment} tariffs={tariffs.data?.items ?? []} onSaved={setSaid} />
      <ClosuresEditor equipment={equipment} onSaid={setSaid} />
      <p>
        <Link to={`/prenotazioni/centro?organizzazione=${encodeURIComponent(organization)}`}>
          {t('booking.panel.centre_queue')}
        </Link>
      </p>
    </>
  );
}

/** /attrezzature/:id/prenotazioni: the owning centre sets how an instrument is booked and what it costs. */
export function BookingPolicyPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const { user } = useSession();
  const organizationName = useOrganizationName();
  const record = useApi<CatalogueRecord>(endpoints.record('equipment', id));
  const crumbs = [
    { key: 'home', label: t('nav.home'), to: '/' },
    { key: 'list', label: t('nav.equipment'), to: '/attrezzature' },
  ];
  if (record.error?.status === 404)
    return <NotFoundContent what={t('record.not_found', { what: t('type.equipment') })} />;
  if (!record.data) return <PendingPage state={record} crumbs={crumbs} heading={t('booking.policy.page')} />;
  const data = record.data;
  const text = pick(recordTitle(data))?.text ?? data.id;
  const heading = t('booking.policy.page_title', { title: text });
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          ...crumbs,
          { key: 'record', label: text, to: itemHref('equipment', data.id) },
          { key: 'policy', label: t('booking.policy.page') },
        ]}
      />
      <PageHeading documentTitle={heading}>{heading}</PageHeading>
      {canEditRecords(user, data.organization) ? (
        <Editors equipment={data.id} organization={data.organization} />
      ) : (
        <p>{t('edit.not_allowed', { organization: organizationName(data.organization) })}</p>
      )}
    </RequireSignIn>
  );
}
