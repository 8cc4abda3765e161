import { useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { InvitationView } from '../features/identity/invitation-view.tsx';

export function InvitationPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  return (
    <div className="row">
      <div className="col-lg-8 col-xl-7">
        <PageHeading documentTitle={t('invitation.title')}>{t('invitation.title')}</PageHeading>
        <InvitationView token={token} />
      </div>
    </div>
  );
}
