import { useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useApi } from '../lib/use-api.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { PendingPage } from '../components/ui/pending-page.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { useSession } from '../features/identity/session.tsx';
import { useReferenceData } from '../features/catalogue/reference-data.tsx';
import { eventEndpoints, type EventDetail } from '../features/events/event-api.ts';
import { EventForm } from '../features/events/event-form.tsx';
import { eventOrganizations } from '../features/events/event-roles.ts';
import { NotFoundContent } from './not-found-page.tsx';
import '../features/events/event-messages.ts';

/** /eventi/nuovo and /eventi/:id/modifica: a centre or the Region writes or changes an event. */
export function EventEditPage() {
  const { id } = useParams();
  return <RequireSignIn>{id ? <EditEvent id={id} /> : <CreateEvent />}</RequireSignIn>;
}

function crumbs(t: ReturnType<typeof useI18n>['t']) {
  return [
    { key: 'home', label: t('nav.home'), to: '/' },
    { key: 'events', label: t('events.title'), to: '/eventi' },
  ];
}

function CreateEvent() {
  const { t } = useI18n();
  const { user } = useSession();
  const { organizations } = useReferenceData();
  const allowed = eventOrganizations(user, organizations).length > 0;
  return (
    <>
      <Breadcrumbs items={[...crumbs(t), { key: 'new', label: t('events.form.create_title') }]} />
      <PageHeading documentTitle={t('events.form.create_title')}>{t('events.form.create_title')}</PageHeading>
      <p className="lead">{t('events.form.lead')}</p>
      {allowed || organizations.length === 0 ? (
        <EventForm />
      ) : (
        <p className="alert alert-warning">{t('events.form.not_allowed')}</p>
      )}
    </>
  );
}

function EditEvent({ id }: { id: string }) {
  const { t } = useI18n();
  const event = useApi<EventDetail>(eventEndpoints.one(id), { fresh: true });
  if (event.error?.status === 404) return <NotFoundContent what={t('events.not_found')} />;
  if (!event.data) return <PendingPage state={event} crumbs={crumbs(t)} heading={t('events.form.edit_title')} />;
  return (
    <>
      <Breadcrumbs items={[...crumbs(t), { key: 'edit', label: t('events.form.edit_title') }]} />
      <PageHeading documentTitle={t('events.form.edit_title')}>{t('events.form.edit_title')}</PageHeading>
      <p className="lead">{t('events.form.lead')}</p>
      {event.data.allowedActions.includes('edit') ? (
        <EventForm event={event.data} />
      ) : (
        <p className="alert alert-warning">{t('events.form.not_allowed')}</p>
      )}
    </>
  );
}
