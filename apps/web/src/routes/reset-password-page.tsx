import { useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { PasswordResetForm } from '../features/identity/password-reset-form.tsx';

export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  return (
    <div className="row">
      <div className="col-lg-7 col-xl-6">
        <PageHeading documentTitle={t('reset.title')}>{t('reset.title')}</PageHeading>
        <p className="lead">{t('reset.lead')}</p>
        <PasswordResetForm token={token} />
      </div>
    </div>
  );
}
