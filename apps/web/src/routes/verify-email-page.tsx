import { useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { EmailVerification } from '../features/identity/email-verification.tsx';

export function VerifyEmailPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  return (
    <div className="row">
      <div className="col-lg-7 col-xl-6">
        <PageHeading documentTitle={t('verify.title')}>{t('verify.title')}</PageHeading>
        <EmailVerification token={token} />
      </div>
    </div>
  );
}
