import { useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useApi } from '../lib/use-api.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { actionEndpoints, type Action } from '../features/actions/action-api.ts';
import { ActionForm } from '../features/actions/action-form.tsx';
import '../features/actions/action-messages.ts';

/** /azioni/nuova: open a joint action led by one of the person's centres. */
export function ActionCreatePage() {
  const { t } = useI18n();
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'actions', label: t('action.list.title'), to: '/azioni' },
          { key: 'new', label: t('action.form.create_title') },
        ]}
      />
      <PageHeading documentTitle={t('action.form.create_title')}>{t('action.form.create_title')}</PageHeading>
      <ActionForm />
    </RequireSignIn>
  );
}

/** /azioni/:id/modifica: the lead's members change the action's fields. */
export function ActionEditPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const action = useApi<Action>(actionEndpoints.action(id), { fresh: true });
  const title = t('action.form.edit_title', { ref: action.data?.ref ?? '' });
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'actions', label: t('action.list.title'), to: '/azioni' },
          { key: 'one', label: action.data?.ref ?? '…', to: `/azioni/${id}` },
          { key: 'edit', label: t('action.detail.edit') },
        ]}
      />
      <PageHeading documentTitle={title} ready={!!action.data || !!action.error}>
        {title}
      </PageHeading>
      {action.error ? <ProblemAlert error={action.error} onRetry={action.reload} /> : null}
      {!action.data && !action.error ? <LoadingState /> : null}
      {action.data ? <ActionForm action={action.data} /> : null}
    </RequireSignIn>
  );
}
