import { useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useApi } from '../lib/use-api.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { opportunityEndpoints, type Opportunity } from '../features/brokerage/opportunity-api.ts';
import { OpportunityView } from '../features/brokerage/opportunity-view.tsx';
import { BrokerageNotice, OpportunityManage } from '../features/brokerage/opportunity-manage.tsx';
import { useSession } from '../features/identity/session.tsx';
import '../features/brokerage/brokerage-messages.ts';

/** /opportunita/:id: one opportunity; for its company and handling centre also its review, interests and matches. */
export function OpportunityPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const { user } = useSession();
  // Signed in, the answer is the caller's own (company named or not, actions, reviews): never from the shared cache.
  const o = useApi<Opportunity>(opportunityEndpoints.one(id), { fresh: !!user });
  const title = o.data ? pick(o.data.title) : undefined;
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'opportunities', label: t('brokerage.list.title'), to: '/opportunita' },
          { key: 'one', label: title?.text ?? o.data?.reference ?? '…' },
        ]}
      />
      {o.error ? (
        <ProblemAlert error={o.error} onRetry={o.reload} />
      ) : !o.data ? (
        <LoadingState />
      ) : (
        <>
          <PageHeading
            documentTitle={title?.text ?? o.data.reference}
            lang={title?.isFallback ? title.lang : undefined}
          >
            {title?.text ?? o.data.reference}
          </PageHeading>
          <BrokerageNotice />
          <OpportunityView o={o.data} />
          <OpportunityManage o={o.data} onChange={o.reload} />
        </>
      )}
    </>
  );
}
