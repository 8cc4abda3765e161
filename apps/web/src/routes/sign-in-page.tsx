import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { FlashNotice } from '../components/ui/flash-notice.tsx';
import { SignInForm, type SignInPreset } from '../features/identity/sign-in-form.tsx';
import { DemoAccounts } from '../features/demo/demo-accounts.tsx';
import { useSession } from '../features/identity/session.tsx';

export function SignInPage() {
  const { t } = useI18n();
  const { status, user } = useSession();
  const [preset, setPreset] = useState<SignInPreset | null>(null);
  const signedIn = status === 'signed-in' && user;
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'signin', label: t('signin.title') },
        ]}
      />
      <div className="row">
        <div className="col-lg-7 col-xl-6">
          <PageHeading documentTitle={t('signin.title')}>{t('signin.title')}</PageHeading>
          <FlashNotice />
          {signedIn ? (
            <div className="notice-panel">
              <p>{t('signin.already', { name: user.name })}</p>
              <p className="mb-0">
                <Link to="/account">{t('account.my_account')}</Link>
              </p>
            </div>
          ) : (
            <>
              <p className="lead">{t('signin.lead')}</p>
              <SignInForm preset={preset} />
            </>
          )}
        </div>
        {signedIn ? null : (
          <div className="col-lg-5 offset-xl-1">
            <DemoAccounts onChoose={setPreset} />
          </div>
        )}
      </div>
    </>
  );
}
