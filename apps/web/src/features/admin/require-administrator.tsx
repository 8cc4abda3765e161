import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { PageHeading } from '../../components/ui/page-heading.tsx';
import { RequireSignIn } from '../identity/require-sign-in.tsx';
import { useSession } from '../identity/session.tsx';
import { canAdminister } from './admin-api.ts';

function AdministratorsOnly({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { user } = useSession();
  if (canAdminister(user)) return <>{children}</>;
  return (
    <>
      <PageHeading documentTitle={t('admin.title')}>{t('admin.title')}</PageHeading>
      <div className="notice-panel">
        <p>{t('admin.not_allowed')}</p>
        <p className="mb-0">
          <Link to="/account">{t('account.my_account')}</Link>
        </p>
      </div>
    </>
  );
}

/** The administration area: a signed-in administrator or Region officer; others are told it is not theirs. */
export function RequireAdministrator({ children }: { children: ReactNode }) {
  return (
    <RequireSignIn>
      <AdministratorsOnly>{children}</AdministratorsOnly>
    </RequireSignIn>
  );
}
