import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { AccountView } from '../features/identity/account-view.tsx';

export function AccountPage() {
  const { t } = useI18n();
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'account', label: t('account.my_account') },
        ]}
      />
      <div className="row">
        <div className="col-lg-9 col-xl-8">
          <PageHeading documentTitle={t('account.my_account')}>{t('account.my_account')}</PageHeading>
          <AccountView />
        </div>
      </div>
    </RequireSignIn>
  );
}
