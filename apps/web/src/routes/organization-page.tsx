import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import type { Organization } from '@clock/contracts';
import { endpoints } from '../lib/api.ts';
import { useApi } from '../lib/use-api.ts';
import { PendingPage } from '../components/ui/pending-page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { describe, StructuredData, useSiteOrigin } from '../lib/page-head.tsx';
import { organizationJsonLd } from '../features/catalogue/structured-data.ts';
import { OrganizationProfile } from '../features/catalogue/organization-profile.tsx';
import { OrganizationOfferTabs } from '../features/catalogue/organization-offer-tabs.tsx';
import { NotFoundContent } from './not-found-page.tsx';
import { hasDistinctFullName } from '../features/catalogue/record-text.ts';
import { FlashNotice } from '../components/ui/flash-notice.tsx';
import { OrganizationEditActions } from '../features/editing/organization-edit-actions.tsx';
import { useSession } from '../features/identity/session.tsx';
import { canReadHistory } from '../features/identity/permissions.ts';
import { OrganizationContact } from '../features/companies/organization-contact.tsx';
import { CompanySection } from '../features/companies/company-section.tsx';

const RecordHistory = lazy(() =>
  import('../features/editing/record-history.tsx').then((m) => ({ default: m.RecordHistory })),
);

export function OrganizationPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const { user } = useSession();
  const origin = useSiteOrigin();
  const org = useApi<Organization>(endpoints.organization(id));
  const crumbs = [
    { key: 'home', label: t('nav.home'), to: '/' },
    { key: 'orgs', label: t('nav.organizations'), to: '/organizzazioni' },
  ];

  if (org.error?.status === 404) return <NotFoundContent what={t('organization.not_found')} />;
  if (!org.data) return <PendingPage state={org} crumbs={crumbs} heading={t('type.organization')} />;
  const o = org.data;
  return (
    <>
      <Breadcrumbs items={[...crumbs, { key: 'current', label: o.shortName ?? o.name }]} />
      <StructuredData data={organizationJsonLd(o, origin, pick)} />
      <PageHeading
        pageType="ProfilePage"
        documentTitle={o.shortName ?? o.name}
        description={describe(pick(o.description)?.text ?? o.name)}
      >
        {o.shortName ?? o.name}
      </PageHeading>
      {hasDistinctFullName(o) ? <p className="lead">{o.name}</p> : null}
      <FlashNotice />
      <OrganizationEditActions organization={o} />
      <OrganizationProfile organization={o} />
      <OrganizationContact organization={o.id} />
      {o.kind === 'company' ? <CompanySection id={o.id} /> : null}
      <section aria-labelledby="org-offer" className="mt-5">
        <h2 id="org-offer" className="h3">
          {t('organization.offer')}
        </h2>
        <OrganizationOfferTabs organization={o} />
      </section>
      {canReadHistory(user, o.id) ? (
        <Suspense fallback={<div aria-busy="true" />}>
          <RecordHistory collection="organizations" id={o.id} organization={o.id} />
        </Suspense>
      ) : null}
    </>
  );
}
