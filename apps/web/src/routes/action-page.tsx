import { useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useEditedRecord } from '../lib/use-edited-record.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { StatusLine } from '../components/ui/status-line.tsx';
import { actionEndpoints, type Action } from '../features/actions/action-api.ts';
import { ActionDetail } from '../features/actions/action-detail.tsx';
import '../features/actions/action-messages.ts';

/** /azioni/:id: one joint action (the public ones for anyone; the server answers 404 to who may not see it). */
export function ActionPage() {
  const { t, pick } = useI18n();
  const { id = '' } = useParams();
  const { loaded, shown, said, changed } = useEditedRecord<Action>(actionEndpoints.action(id), id);
  const name = shown ? `${shown.ref} ${pick(shown.title)?.text ?? ''}` : t('action.list.title');
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'actions', label: t('action.list.title'), to: '/azioni' },
          { key: 'one', label: shown?.ref ?? t('action.list.title') },
        ]}
      />
      <PageHeading documentTitle={name} ready={!!shown || !!loaded.error}>
        {name}
      </PageHeading>
      <StatusLine said={said} />
      {loaded.error ? <ProblemAlert error={loaded.error} onRetry={loaded.reload} /> : null}
      {!shown && !loaded.error ? <LoadingState /> : null}
      {shown ? <ActionDetail action={shown} onChange={changed} /> : null}
    </>
  );
}
