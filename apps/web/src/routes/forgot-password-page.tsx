import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { PasswordForgotForm } from '../features/identity/password-forgot-form.tsx';

export function ForgotPasswordPage() {
  const { t } = useI18n();
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'signin', label: t('signin.title'), to: '/accedi' },
          { key: 'forgot', label: t('forgot.title') },
        ]}
      />
      <div className="row">
        <div className="col-lg-7 col-xl-6">
          <PageHeading documentTitle={t('forgot.title')}>{t('forgot.title')}</PageHeading>
          <p className="lead">{t('forgot.lead')}</p>
          <PasswordForgotForm />
        </div>
      </div>
    </>
  );
}
