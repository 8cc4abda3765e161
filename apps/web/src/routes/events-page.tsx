import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { FlashNotice } from '../components/ui/flash-notice.tsx';
import { EventListView } from '../features/events/event-list-view.tsx';
import { EVENTS_ICS_FEED, EVENTS_RSS_FEED } from '../features/events/event-api.ts';
import { Link } from 'react-router';
import { useSession } from '../features/identity/session.tsx';
import { useReferenceData } from '../features/catalogue/reference-data.tsx';
import { eventOrganizations } from '../features/events/event-roles.ts';
import '../features/events/event-messages.ts';
import '../features/news/news-messages.ts';
import '../features/matchmaking/matchmaking-messages.ts';

/** /eventi: the network's shared calendar of events and training. */
export function EventsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { organizations } = useReferenceData();
  const organizer = eventOrganizations(user, organizations).length > 0;
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'events', label: t('events.title') },
        ]}
      />
      <PageHeading pageType="CollectionPage" documentTitle={t('events.title')} description={t('events.lead')}>
        {t('events.title')}
      </PageHeading>
      <FlashNotice />
      <p className="lead">{t('events.lead')}</p>
      <p className="d-flex flex-wrap gap-3">
        <Link to="/newsletter">{t('news.subscribe_cta')}</Link>
        <Link to="/incontri">{t('mm.list.title')}</Link>
        <a href={EVENTS_ICS_FEED} type="text/calendar">
          {t('events.feed_ics')}
        </a>
        <a href={EVENTS_RSS_FEED} type="application/rss+xml">
          {t('events.feed_rss')}
        </a>
        {organizer ? (
          <Link className="btn btn-primary btn-sm" to="/eventi/nuovo">
            {t('events.new')}
          </Link>
        ) : null}
      </p>
      <EventListView />
    </>
  );
}
