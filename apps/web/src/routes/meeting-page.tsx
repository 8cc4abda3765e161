import { useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useEditedRecord } from '../lib/use-edited-record.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { StatusLine } from '../components/ui/status-line.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { actionEndpoints, type Meeting } from '../features/actions/action-api.ts';
import { MeetingDetail } from '../features/actions/meeting-detail.tsx';
import '../features/actions/action-messages.ts';

/** /nucleo/riunioni/:id: one meeting of the nucleus. */
export function MeetingPage() {
  const { t, formatDateTime } = useI18n();
  const { id = '' } = useParams();
  const { loaded, shown, said, changed } = useEditedRecord<Meeting>(actionEndpoints.meeting(id), id);
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
      <StatusLine said={said} />
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
          <MeetingDetail meeting={shown} onChange={changed} />
        </>
      ) : null}
    </RequireSignIn>
  );
}
