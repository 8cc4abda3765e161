import { Link, useParams } from 'react-router';
import type { Organization } from '@clock/contracts';
import { endpoints } from '../lib/api.ts';
import { useApi } from '../lib/use-api.ts';
import { PendingPage } from '../components/ui/pending-page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { itemHref } from '../features/catalogue/record-kinds.ts';
import { OrganizationForm } from '../features/editing/organization-form.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { useSession } from '../features/identity/session.tsx';
import { canEditProfile } from '../features/identity/permissions.ts';
import { NotFoundContent } from './not-found-page.tsx';

function OrganizationEdit() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const org = useApi<Organization>(endpoints.organization(id));
  const crumbs = [
    { key: 'home', label: t('nav.home'), to: '/' },
    { key: 'orgs', label: t('nav.organizations'), to: '/organizzazioni' },
  ];
  if (org.error?.status === 404) return <NotFoundContent what={t('organization.not_found')} />;
  if (!org.data) return <PendingPage state={org} crumbs={crumbs} heading={t('state.loading')} />;
  const o = org.data;
  const name = o.shortName ?? o.name;
  const heading = t('edit.profile_title', { organization: name });
  const href = itemHref('organization', o.id);
  return (
    <>
      <Breadcrumbs items={[...crumbs, { key: 'org', label: name, to: href }, { key: 'edit', label: t('edit.edit') }]} />
      <PageHeading documentTitle={heading}>{heading}</PageHeading>
      {canEditProfile(user, o.id) ? (
        <OrganizationForm key={o.id} organization={o} />
      ) : (
        <div className="notice-panel">
          <p>{t('edit.not_allowed_profile', { organization: name })}</p>
          <p className="mb-0">
            <Link to={href}>{t('edit.back_to_organization')}</Link>
          </p>
        </div>
      )}
    </>
  );
}

/** Changing an organisation's profile: /organizzazioni/<id>/modifica. */
export function OrganizationEditPage() {
  return (
    <RequireSignIn>
      <OrganizationEdit />
    </RequireSignIn>
  );
}
