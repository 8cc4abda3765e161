import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { RequestForm } from '../features/requests/request-form.tsx';

/** A new request: /richieste/nuova. */
export function RequestCreatePage() {
  const { t } = useI18n();
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'requests', label: t('nav.requests'), to: '/richieste' },
          { key: 'new', label: t('request.form.title') },
        ]}
      />
      <PageHeading documentTitle={t('request.form.title')}>{t('request.form.title')}</PageHeading>
      <p className="lead">{t('request.form.lead')}</p>
      <RequestForm />
    </RequireSignIn>
  );
}
