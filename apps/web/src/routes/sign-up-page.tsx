import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { SignUpForm } from '../features/identity/sign-up-form.tsx';

export function SignUpPage() {
  const { t } = useI18n();
  return (
    <>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'signup', label: t('signup.title') },
        ]}
      />
      <div className="row">
        <div className="col-lg-7 col-xl-6">
          <PageHeading documentTitle={t('signup.title')}>{t('signup.title')}</PageHeading>
          <p className="lead">{t('signup.lead')}</p>
          <SignUpForm />
        </div>
      </div>
    </>
  );
}
