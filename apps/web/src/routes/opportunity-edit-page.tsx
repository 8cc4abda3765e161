import { useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useApi } from '../lib/use-api.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { PendingPage } from '../components/ui/pending-page.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { useSession } from '../features/identity/session.tsx';
import { opportunityEndpoints, type Opportunity } from '../features/brokerage/opportunity-api.ts';
import { OpportunityForm } from '../features/brokerage/opportunity-form.tsx';
import { companiesOf } from '../features/brokerage/brokerage-roles.ts';
import '../features/brokerage/brokerage-messages.ts';

/** /opportunita/nuova and /opportunita/:id/modifica: a company writes an opportunity or changes it before publication. */
export function OpportunityEditPage() {
  const { id } = useParams();
  return <RequireSignIn>{id ? <EditOpportunity id={id} /> : <CreateOpportunity />}</RequireSignIn>;
}

function crumbs(t: ReturnType<typeof useI18n>['t']) {
  return [
    { key: 'home', label: t('nav.home'), to: '/' },
    { key: 'opportunities', label: t('brokerage.list.title'), to: '/opportunita' },
  ];
}

function CreateOpportunity() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <>
      <Breadcrumbs items={[...crumbs(t), { key: 'new', label: t('brokerage.form.new_title') }]} />
      <PageHeading documentTitle={t('brokerage.form.new_title')}>{t('brokerage.form.new_title')}</PageHeading>
      <p className="lead">{t('brokerage.form.lead')}</p>
      {companiesOf(user).length ? (
        <OpportunityForm />
      ) : (
        <p className="alert alert-warning">{t('brokerage.form.no_company')}</p>
      )}
    </>
  );
}

function EditOpportunity({ id }: { id: string }) {
  const { t, pick } = useI18n();
  const o = useApi<Opportunity>(opportunityEndpoints.one(id), { fresh: true });
  if (!o.data) return <PendingPage state={o} crumbs={crumbs(t)} heading={t('brokerage.form.edit_title')} />;
  const title = pick(o.data.title)?.text ?? o.data.reference;
  return (
    <>
      <Breadcrumbs
        items={[
          ...crumbs(t),
          { key: 'one', label: title, to: `/opportunita/${id}` },
          { key: 'edit', label: t('brokerage.form.edit_title') },
        ]}
      />
      <PageHeading documentTitle={t('brokerage.form.edit_title')}>{t('brokerage.form.edit_title')}</PageHeading>
      {o.data.actions.includes('edit') ? (
        <OpportunityForm opportunity={o.data} />
      ) : (
        <p className="alert alert-warning">{t('edit.failure.forbidden')}</p>
      )}
    </>
  );
}
