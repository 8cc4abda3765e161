import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { useSession } from './session.tsx';
import { signInHref } from './roles.ts';

/** Shows `children` to a signed-in person; sends anyone else to the sign-in page, which brings them back here. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const { t } = useI18n();
  if (session.status === 'loading') {
    return (
      <div aria-busy="true">
        <PageHeading documentTitle={t('state.loading')} ready={false}>
          {t('state.loading')}
        </PageHeading>
        <LoadingState />
      </div>
    );
  }
  if (session.status === 'signed-out') return <Navigate to={signInHref(location.pathname + location.search)} replace />;
  return <>{children}</>;
}
