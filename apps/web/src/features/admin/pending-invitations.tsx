import { useState } from 'react';
import { sendJson } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { roleLabel } from '../identity/roles.ts';
import { adminEndpoints, type Invitation } from './admin-api.ts';

/** Invitations not accepted yet (people without an account so far), each of which can be sent again. */
export function PendingInvitations() {
  const { t, formatDateTime } = useI18n();
  const list = useApi<Invitation[]>(adminEndpoints.invitations(), { fresh: true });
  const [notice, setNotice] = useState('');
  const action = useSubmit([]);
  const resend = (i: Invitation) =>
    void action.run(async () => {
      await sendJson('POST', adminEndpoints.resend(i.id));
      setNotice(t('admin.person.invitation_sent', { email: i.email }));
      list.reload();
    });
  return (
    <section aria-labelledby="pending-invitations" className="form-section">
      <h2 id="pending-invitations" className="h4">
        {t('admin.invitations.title')}
      </h2>
      <div className="invitations-notice" role="status" aria-live="polite">
        {notice ? <p className="alert alert-success">{notice}</p> : null}
      </div>
      {action.failure ? <ProblemAlert error={action.failure} /> : null}
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {list.data && list.data.length === 0 ? <p>{t('admin.invitations.none')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <ul className="list-unstyled pending-invitations">
          {list.data.map((i) => (
            <li key={i.id}>
              <strong>{i.email}</strong> —{' '}
              {t('admin.role_at', { role: t(roleLabel(i.role)), organization: i.organization })} —{' '}
              {i.expired
                ? t('admin.person.invitation_expired')
                : t('admin.person.invitation_until', { when: formatDateTime(i.expiresAt) })}{' '}
              <button type="button" className="btn btn-link btn-sm" onClick={() => resend(i)} disabled={action.busy}>
                {t('admin.person.resend')}
                <span className="visually-hidden">: {i.email}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
