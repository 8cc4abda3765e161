import { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useApi } from '../lib/use-api.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { actionEndpoints, type Meeting } from '../features/actions/action-api.ts';
import { MeetingDetail } from '../features/actions/meeting-detail.tsx';
import '../features/actions/action-messages.ts';

/** /nucleo/riunioni/:id: one meeting of the nucleus. */
export function MeetingPage() {
  const { t, formatDateTime } = useI18n();
  const { id = '' } = useParams();
  const location = useLocation();
  const loaded = useApi<Meeting>(actionEndpoints.meeting(id), { fresh: true });
  const [meeting, setMeeting] = useState<Meeting | undefined>(undefined);
  const [said, setSaid] = useState((location.state as { said?: string } | null)?.said ?? '');
  useEffect(() => setMeeting(loaded.data), [loaded.data]);
  const shown = meeting ?? loaded.data;
  const title = shown ? t('meeting.title', { ref: shown.ref }) : t('meeting.list.title');
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'nucleus', label: t('meeting.list.title'), to: '/nucleo' },
          { key: 'one', label: shown?.ref ?? '…' },
        ]}
      />
      <PageHeading documentTitle={title} ready={!!shown || !!loaded.error}>
        {title}
      </PageHeading>
      <div role="status" className={said ? 'alert alert-success' : 'visually-hidden'}>
        {said}
      </div>
      {loaded.error ? <ProblemAlert error={loaded.error} onRetry={loaded.reload} /> : null}
      {!shown && !loaded.error ? <LoadingState /> : null}
      {shown ? (
        <>
          <p>
            {formatDateTime(shown.startsAt)}
            {shown.place ? ` — ${shown.place}` : ''}
            {shown.onlineUrl ? (
              <>
                {' — '}
                <a href={shown.onlineUrl} rel="noopener noreferrer">
                  {t('meeting.online_join')}
                </a>
              </>
            ) : null}{' '}
            <span className="badge bg-secondary">{t(`meeting.state.${shown.state}`)}</span>
          </p>
          <MeetingDetail
            meeting={shown}
            onChange={(next, message) => {
              setMeeting(next);
              setSaid(message);
            }}
          />
        </>
      ) : null}
    </RequireSignIn>
  );
}
