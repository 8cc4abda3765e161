import { Link, useParams } from 'react-router';
import { endpoints, type CatalogueRecord } from '../lib/api.ts';
import { useApi } from '../lib/use-api.ts';
import { PendingPage } from '../components/ui/pending-page.tsx';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { itemHref, RECORD_KINDS, type RecordType } from '../features/catalogue/record-kinds.ts';
import { recordTitle } from '../features/catalogue/record-text.ts';
import { useOrganizationName } from '../features/catalogue/organization-name.tsx';
import { RecordForm } from '../features/editing/record-form.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { useSession } from '../features/identity/session.tsx';
import { canEditRecords } from '../features/identity/permissions.ts';
import { NotFoundContent } from './not-found-page.tsx';

function RecordEdit({ type }: { type: RecordType }) {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const { user } = useSession();
  const organizationName = useOrganizationName();
  const kind = RECORD_KINDS[type];
  const record = useApi<CatalogueRecord>(endpoints.record(kind.collection, id));
  const crumbs = [
    { key: 'home', label: t('nav.home'), to: '/' },
    { key: 'list', label: t(kind.plural), to: kind.path },
  ];

  if (record.error?.status === 404) return <NotFoundContent what={t('record.not_found', { what: t(kind.singular) })} />;
  if (!record.data) return <PendingPage state={record} crumbs={crumbs} heading={t('edit.edit')} />;
  const data = record.data;
  const text = pick(recordTitle(data))?.text ?? data.id;
  const heading = t('edit.edit_title', { what: text });
  return (
    <>
      <Breadcrumbs
        items={[
          ...crumbs,
          { key: 'record', label: text, to: itemHref(type, data.id) },
          { key: 'edit', label: t('edit.edit') },
        ]}
      />
      <p className="record-kicker">
        <span className="badge type-badge">{t(kind.singular)}</span>
      </p>
      <PageHeading documentTitle={heading}>{heading}</PageHeading>
      {canEditRecords(user, data.organization) ? (
        <RecordForm
          key={data.id}
          type={type}
          organization={data.organization}
          record={data}
          cancelTo={itemHref(type, data.id)}
        />
      ) : (
        <div className="notice-panel">
          <p>{t('edit.not_allowed', { organization: organizationName(data.organization) })}</p>
          <p className="mb-0">
            <Link to={itemHref(type, data.id)}>{t('edit.back_to_record')}</Link>
          </p>
        </div>
      )}
    </>
  );
}

/** Changing a competence, service, equipment or expert: /<list>/<id>/modifica. */
export function RecordEditPage({ type }: { type: RecordType }) {
  return (
    <RequireSignIn>
      <RecordEdit type={type} />
    </RequireSignIn>
  );
}
