import { useSearchParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { SelectField } from '../components/ui/form-fields.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { useSession } from '../features/identity/session.tsx';
import { useOrganizationName } from '../features/catalogue/organization-name.tsx';
import { ApprovalQueue } from '../features/bookings/approval-queue.tsx';
import { QualificationsAdmin } from '../features/bookings/qualifications-admin.tsx';
import { UsageDownload } from '../features/bookings/usage-download.tsx';
import { centresOf } from '../features/bookings/booking-roles.ts';

/** /prenotazioni/centro: a centre's approval queue, its coming bookings, usage as CSV and its qualifications. */
export function CentreBookingsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const name = useOrganizationName();
  const centres = centresOf(user);
  const asked = params.get('organizzazione');
  const organization = asked && (centres.includes(asked) || user?.platformRole === 'admin') ? asked : centres[0];
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'centre', label: t('booking.centre.title') },
        ]}
      />
      <PageHeading documentTitle={t('booking.centre.title')}>{t('booking.centre.title')}</PageHeading>
      <p className="lead">{t('booking.centre.lead')}</p>
      {centres.length > 1 ? (
        <div className="col-md-6">
          <SelectField
            id="centre-choice"
            label={t('booking.centre.choose')}
            value={organization ?? ''}
            onChange={(v) => setParams({ organizzazione: v }, { replace: true })}
            options={centres.map((c) => ({ value: c, label: name(c) }))}
          />
        </div>
      ) : null}
      {organization ? (
        <>
          <ApprovalQueue key={`q-${organization}`} organization={organization} />
          <UsageDownload key={`u-${organization}`} organization={organization} />
          <QualificationsAdmin key={`a-${organization}`} organization={organization} />
        </>
      ) : (
        <EmptyState>{t('booking.centre.none')}</EmptyState>
      )}
    </RequireSignIn>
  );
}
