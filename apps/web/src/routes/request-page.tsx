import { useState } from 'react';
import { useParams } from 'react-router';
import { useApi } from '../lib/use-api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { PendingPage } from '../components/ui/pending-page.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { FlashNotice } from '../components/ui/flash-notice.tsx';
import { SuccessPanel } from '../components/ui/success-panel.tsx';
import { Icon } from '../components/ui/icon.tsx';
import {
  requestEndpoints,
  type RequestAction,
  type RequestView,
  type TeamProposal,
} from '../features/requests/request-api.ts';
import { StateBadge, stateLabel } from '../features/requests/request-bits.tsx';
import {
  Paragraphs,
  RequestCentres,
  RequestFacts,
  RequestStepper,
  RequestTimeline,
} from '../features/requests/request-detail.tsx';
import { RequestActions } from '../features/requests/request-actions.tsx';
import { TeamProposalView } from '../features/requests/team-proposal.tsx';
import { RequestToAction } from '../features/actions/request-to-action.tsx';
import { NotFoundContent } from './not-found-page.tsx';

interface Done {
  action: RequestAction;
  count: number;
}

/** The company took its request back: said plainly (not as an error), with its reason when it gave one. */
function WithdrawnCallout({ request }: { request: RequestView }) {
  const { t } = useI18n();
  const reason = request.timeline?.findLast((e) => e.kind === 'state' && e.to === 'withdrawn')?.message;
  return (
    <div className="callout request-withdrawn">
      <div className="callout-title">
        <Icon name="minus-circle" />
        <span>{t('request.withdrawn_title')}</span>
      </div>
      <p>{reason ? t('request.withdrawn_reason', { reason }) : t('request.withdrawn_no_reason')}</p>
    </div>
  );
}

function RequestContent({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useApi<RequestView>(requestEndpoints.one(id), { fresh: true });
  // The answer of the last action replaces what was loaded: it is the request as it is now.
  const [updated, setUpdated] = useState<RequestView | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const request = updated ?? loaded.data;
  const full = request?.access === 'full';
  const proposal = useApi<TeamProposal>(full ? requestEndpoints.proposal(id) : null, { fresh: true });
  const crumbs = [
    { key: 'home', label: t('nav.home'), to: '/' },
    { key: 'requests', label: t('nav.requests'), to: '/richieste' },
  ];

  if (loaded.error?.status === 404) return <NotFoundContent what={t('request.not_found')} />;
  if (!request) return <PendingPage state={loaded} crumbs={crumbs} heading={t('request.loading')} />;

  const onDone = (next: RequestView, action: RequestAction) => {
    setUpdated(next);
    setDone((d) => ({ action, count: (d?.count ?? 0) + 1 }));
    proposal.reload();
  };

  return (
    <>
      <Breadcrumbs items={[...crumbs, { key: 'request', label: request.ref }]} />
      <FlashNotice />
      <p className="record-kicker request-kicker">
        <span className="request-ref">{request.ref}</span> <StateBadge state={request.state} />
      </p>
      <PageHeading documentTitle={`${request.ref} ${request.title}`}>{request.title}</PageHeading>
      {request.access === 'summary' ? (
        <>
          <p className="lead">{t('request.summary_only')}</p>
          {request.summary ? <Paragraphs text={request.summary} /> : null}
        </>
      ) : (
        <>
          <RequestStepper request={request} />
          {done ? (
            <SuccessPanel key={done.count} title={t(`request.done.${done.action}`)}>
              <p>{t('request.done.state', { state: t(stateLabel(request.state)) })}</p>
            </SuccessPanel>
          ) : null}
          {request.state === 'declined' ? (
            <div className="callout danger request-declined">
              <div className="callout-title">
                <Icon name="error" />
                <span>{t('request.declined_title')}</span>
              </div>
              <p>{request.declineReason ?? t('request.declined_no_reason')}</p>
            </div>
          ) : null}
          {request.state === 'withdrawn' ? <WithdrawnCallout request={request} /> : null}
          <div className="row g-4">
            <div className="col-12 col-xl-8">
              <RequestFacts request={request} />
              <TeamProposalView state={proposal} />
              <RequestActions request={request} onDone={onDone} proposal={proposal.data} />
              <RequestCentres request={request} />
              <RequestToAction request={request} />
            </div>
            <div className="col-12 col-xl-4">
              <RequestTimeline request={request} />
            </div>
          </div>
        </>
      )}
    </>
  );
}

/** One request: /richieste/:id. */
export function RequestPage() {
  const { id = '' } = useParams();
  return <RequestContent key={id} id={id} />;
}
