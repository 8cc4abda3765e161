import { Link } from 'react-router';
import { endpoints, type NetworkOverviewWithAims } from '../lib/api.ts';
import { useApi } from '../lib/use-api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { SearchBox } from '../features/search/search-box.tsx';
import { OrganizationCard } from '../features/catalogue/organization-card.tsx';
import { TuscanyMap } from '../features/network/tuscany-map.tsx';
import { NetworkTotals } from '../features/network/network-totals.tsx';
import { FlashNotice } from '../components/ui/flash-notice.tsx';
import { StructuredData, useSiteOrigin } from '../lib/page-head.tsx';
import { networkJsonLd } from '../features/catalogue/structured-data.ts';
import { UpcomingEvents } from '../features/events/event-list-view.tsx';
import '../features/events/event-messages.ts';

export function HomePage() {
  const { t, pick } = useI18n();
  const origin = useSiteOrigin();
  const network = useApi<NetworkOverviewWithAims>(endpoints.network());
  const data = network.data;
  const members = data ? [...(data.region ? [data.region] : []), ...data.centres] : [];

  return (
    <>
      <section className="home-hero" aria-labelledby="home-title">
        <div className="row">
          <div className="col-lg-8">
            <PageHeading documentTitle={t('home.document_title')} description={t('home.lead')}>
              <span id="home-title">{t('home.title')}</span>
            </PageHeading>
            <FlashNotice />
            <p className="lead home-lead">{t('home.lead')}</p>
          </div>
        </div>
        <div className="home-search">
          <SearchBox variant="hero" />
        </div>
      </section>

      <section className="home-events mb-5" aria-labelledby="home-events-title">
        <h2 id="home-events-title">{t('events.upcoming')}</h2>
        <UpcomingEvents limit={3} />
        <p className="mt-3">
          <Link to="/eventi">{t('events.all_link')}</Link>
        </p>
      </section>

      <div aria-busy={network.loading}>
        {network.loading ? <LoadingState /> : null}
        {network.error ? <ProblemAlert error={network.error} onRetry={network.reload} /> : null}
        {data ? (
          <>
            <StructuredData data={networkJsonLd(data, origin, pick)} />
            <section className="home-network" aria-labelledby="home-network-title">
              <h2 id="home-network-title">{t('home.network_title')}</h2>
              <div className="row g-4 align-items-start">
                <div className="col-lg-5">
                  <figure className="map-figure">
                    <TuscanyMap centres={data.centres} region={data.region} />
                    <figcaption className="map-caption">{t('map.caption')}</figcaption>
                  </figure>
                </div>
                <div className="col-lg-7">
                  <p>{t('home.network_text')}</p>
                  <h3 className="h5">{t('home.totals_title')}</h3>
                  <NetworkTotals totals={data.totals} />
                  <p>
                    <Link to="/chi-siamo">{t('home.about_link')}</Link>
                  </p>
                </div>
              </div>
            </section>

            <section className="home-members" aria-labelledby="home-members-title">
              <h2 id="home-members-title">{t('home.members_title')}</h2>
              <p>{t('home.members_text')}</p>
              {members.length === 0 ? (
                <EmptyState>{t('home.members_empty')}</EmptyState>
              ) : (
                <ul className="row g-4 list-unstyled member-cards">
                  {members.map((org) => (
                    <li key={org.id} className="col-12 col-md-6 col-xl-4">
                      <OrganizationCard organization={org} headingLevel={3} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        ) : null}
      </div>
    </>
  );
}
