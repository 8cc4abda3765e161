import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import { NotificationsView } from '../features/notifications/notifications-view.tsx';
import { EmailPreferenceForm } from '../features/notifications/email-preference-form.tsx';

/** The signed-in person's notifications and e-mail preference: /notifiche. */
export function NotificationsPage() {
  const { t } = useI18n();
  return (
    <RequireSignIn>
      <Breadcrumbs
        items={[
          { key: 'home', label: t('nav.home'), to: '/' },
          { key: 'notifications', label: t('notifications.title') },
        ]}
      />
      <div className="row">
        <div className="col-lg-9 col-xl-8">
          <PageHeading documentTitle={t('notifications.title')}>{t('notifications.title')}</PageHeading>
          <NotificationsView />
          <EmailPreferenceForm />
        </div>
      </div>
    </RequireSignIn>
  );
}
