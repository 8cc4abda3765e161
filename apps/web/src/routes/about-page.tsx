import { Link } from 'react-router';
import { endpoints, type NetworkOverviewWithAims } from '../lib/api.ts';
import { useApi } from '../lib/use-api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { LocalizedText } from '../components/ui/localized-text.tsx';
import { itemHref } from '../features/catalogue/record-kinds.ts';

export function AboutPage() {
  const { t, formatDate } = useI18n();
  const network = useApi<NetworkOverviewWithAims>(endpoints.network());
  const data = network.data;
  const protocol = data?.protocol;
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'about', label: t('nav.about') },
        ]}
      />
      <PageHeading pageType="AboutPage" documentTitle={t('about.title')}>
        {t('about.title')}
      </PageHeading>
      <p className="lead">{t('about.lead')}</p>
      <div aria-busy={network.loading}>
        {network.loading ? <LoadingState /> : null}
        {network.error ? <ProblemAlert error={network.error} onRetry={network.reload} /> : null}
        {data && protocol ? (
          <>
            <section aria-labelledby="about-protocol" className="mb-5">
              <h2 id="about-protocol">{t('about.protocol')}</h2>
              {protocol.signedOn || protocol.place ? (
                <p className="protocol-signed">
                  {protocol.signedOn && protocol.place
                    ? t('about.signed_on_at', { date: formatDate(protocol.signedOn), place: protocol.place })
                    : protocol.signedOn
                      ? t('about.signed_on', { date: formatDate(protocol.signedOn) })
                      : t('about.signed_at', { place: protocol.place ?? '' })}
                </p>
              ) : null}
              <LocalizedText value={protocol.summary} paragraphs />
            </section>
            {data.aims?.length ? (
              <section aria-labelledby="about-aims" className="mb-5">
                <h2 id="about-aims">{t('about.aims')}</h2>
                <ul className="aims-list">
                  {data.aims.map((aim, i) => (
                    <LocalizedText key={i} as="li" value={aim} />
                  ))}
                </ul>
              </section>
            ) : null}
            <section aria-labelledby="about-members" className="mb-5">
              <h2 id="about-members">{t('about.members')}</h2>
              <p>{t('about.members_text')}</p>
              <ul className="members-list">
                {[...(data.region ? [data.region] : []), ...data.centres].map((org) => (
                  <li key={org.id}>
                    <Link to={itemHref('organization', org.id)}>{org.name}</Link>
                    {org.town ? <span className="member-town"> – {org.town}</span> : null}
                    {org.profile?.district ? (
                      <>
                        {': '}
                        <LocalizedText value={org.profile.district} />
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="about-nucleus" className="mb-5">
              <h2 id="about-nucleus">{t('about.nucleus')}</h2>
              <p>{t('about.nucleus_text')}</p>
              <p>{t('about.nucleus_tasks')}</p>
              <ul className="members-list">
                {data.centres.map((org) => (
                  <li key={org.id}>{t('about.nucleus_member', { centre: org.shortName ?? org.name })}</li>
                ))}
              </ul>
            </section>
          </>
        ) : null}
      </div>
    </>
  );
}
