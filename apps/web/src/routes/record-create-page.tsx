import { Link, useParams } from 'react-router';
import type { Organization } from '@clock/contracts';
import { endpoints } from '../lib/api.ts';
import { useApi } from '../lib/use-api.ts';
import { PendingPage } from '../components/ui/pending-page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import type { MessageKey } from '../lib/messages.it.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { itemHref, typeOfAddSlug, type RecordType } from '../features/catalogue/record-kinds.ts';
import { RecordForm } from '../features/editing/record-form.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { useSession } from '../features/identity/session.tsx';
import { canEditRecords } from '../features/identity/permissions.ts';
import { NotFoundContent } from './not-found-page.tsx';

const TITLE: Record<RecordType, MessageKey> = {
  competence: 'edit.add_title.competence',
  service: 'edit.add_title.service',
  equipment: 'edit.add_title.equipment',
  expert: 'edit.add_title.expert',
};

function RecordCreate({ type }: { type: RecordType }) {
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
  const heading = t(TITLE[type], { organization: name });
  const href = itemHref('organization', o.id);
  return (
    <>
      <Breadcrumbs items={[...crumbs, { key: 'org', label: name, to: href }, { key: 'add', label: heading }]} />
      <PageHeading documentTitle={heading}>{heading}</PageHeading>
      {canEditRecords(user, o.id) ? (
        <RecordForm type={type} organization={o.id} cancelTo={href} />
      ) : (
        <div className="notice-panel">
          <p>{t('edit.not_allowed', { organization: name })}</p>
          <p className="mb-0">
            <Link to={href}>{t('edit.back_to_organization')}</Link>
          </p>
        </div>
      )}
    </>
  );
}

/** Adding a record to an organisation: /organizzazioni/<id>/aggiungi/<competenza|servizio|attrezzatura|esperto>. */
export function RecordCreatePage() {
  const { kind = '' } = useParams();
  const type = typeOfAddSlug(kind);
  if (!type) return <NotFoundContent />;
  return (
    <RequireSignIn>
      <RecordCreate type={type} />
    </RequireSignIn>
  );
}
