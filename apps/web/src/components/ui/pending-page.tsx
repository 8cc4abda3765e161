import type { ApiState } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Breadcrumbs, type Crumb } from './breadcrumbs.tsx';
import { LoadingState } from './loading-state.tsx';
import { PageHeading } from './page-heading.tsx';
import { ProblemAlert } from './problem-alert.tsx';

/** A page whose data is still loading or failed to load: breadcrumbs, a heading, the spinner or a retryable alert. */
export function PendingPage({
  state,
  crumbs,
  heading,
}: {
  state: ApiState<unknown>;
  crumbs: Crumb[];
  heading: string;
}) {
  const { t } = useI18n();
  return (
    <div aria-busy={state.loading}>
      <Breadcrumbs items={[...crumbs, { key: 'current', label: t('state.loading') }]} />
      <PageHeading documentTitle={state.error ? t('error.title') : t('state.loading')} ready={!!state.error}>
        {state.error ? t('error.title') : heading}
      </PageHeading>
      {state.loading ? <LoadingState /> : null}
      {state.error ? <ProblemAlert error={state.error} onRetry={state.reload} /> : null}
    </div>
  );
}
