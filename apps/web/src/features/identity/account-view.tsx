import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, endpoints, sendJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { problemMessageKey } from '../../components/ui/problem-alert.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { useOrganizationName } from '../catalogue/organization-name.tsx';
import { itemHref } from '../catalogue/record-kinds.ts';
import { useSession } from './session.tsx';
import { grantableRoles, managedOrganizations } from './permissions.ts';
import { roleLabel } from './roles.ts';
import { ChangePasswordForm } from './change-password-form.tsx';
import { InviteForm } from './invite-form.tsx';
import { ApiTokens } from './api-tokens.tsx';
import { CompanyLinks } from '../companies/company-links.tsx';
import { BookingLinks } from '../bookings/booking-links.tsx';

function SignOutEverywhere() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await sendJson('POST', endpoints.logoutEverywhere());
      // Leave the account page first: it would otherwise send a signed-out visitor to the sign-in page itself.
      try {
        await navigate('/accedi', { state: { notice: 'signed-out-everywhere' }, flushSync: true });
      } finally {
        session.forget();
      }
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('network', 0));
      setBusy(false);
    }
  };

  return (
    <>
      <p>{t('sessions.text')}</p>
      <button
        type="button"
        className="btn btn-outline-primary"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {t('sessions.everywhere')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('sessions.confirm_title')}
        confirmLabel={t('sessions.everywhere')}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
        busy={busy}
        error={error ? t(problemMessageKey(error)) : undefined}
      >
        <p>{t('sessions.confirm_text')}</p>
      </ConfirmDialog>
    </>
  );
}

/** My account: who I am, my organisations and roles, password and sessions; for managers, invitations and API tokens. */
export function AccountView() {
  const { t } = useI18n();
  const { user } = useSession();
  const { organizations, organizationById } = useReferenceData();
  const organizationName = useOrganizationName();
  if (!user) return null;
  const isAdmin = user.platformRole === 'admin';
  const managed = managedOrganizations(
    user,
    organizations.map((o) => o.id),
  );
  // Managers get a form per organisation; an administrator gets one form with an organisation choice.
  const inviteTargets = isAdmin
    ? []
    : managed.filter((o) => grantableRoles(user, o, organizationById.get(o)?.kind).length > 0);

  return (
    <>
      <section aria-labelledby="account-you" className="account-section">
        <h2 id="account-you" className="h4">
          {t('account.you')}
        </h2>
        <dl className="record-fields">
          <div className="record-field">
            <dt>{t('auth.name')}</dt>
            <dd>{user.name}</dd>
          </div>
          <div className="record-field">
            <dt>{t('auth.email')}</dt>
            <dd>{user.email}</dd>
          </div>
          {user.platformRole ? (
            <div className="record-field">
              <dt>{t('account.platform_role')}</dt>
              <dd>{t(roleLabel(user.platformRole))}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="account-memberships" className="account-section">
        <h2 id="account-memberships" className="h4">
          {t('account.memberships')}
        </h2>
        {user.memberships.length === 0 ? (
          <p>{t('account.no_memberships')}</p>
        ) : (
          <ul className="membership-list">
            {user.memberships.map((m) => (
              <li key={m.organization}>
                <Link to={itemHref('organization', m.organization)}>{organizationName(m.organization)}</Link>
                {' – '}
                {t(roleLabel(m.role))}
              </li>
            ))}
          </ul>
        )}
      </section>

      <CompanyLinks />
      <BookingLinks />

      {isAdmin || inviteTargets.length > 0 ? (
        <section aria-labelledby="account-invite" className="account-section">
          <h2 id="account-invite" className="h4">
            {t('invite.title')}
          </h2>
          <p>{t('invite.text')}</p>
          {isAdmin ? (
            <InviteForm organizations={managed} idPrefix="invite-any" />
          ) : (
            inviteTargets.map((o) => (
              <section key={o} aria-labelledby={`invite-${o}-title`} className="invite-block">
                <h3 id={`invite-${o}-title`} className="h5">
                  {t('invite.for', { organization: organizationName(o) })}
                </h3>
                <InviteForm organizations={[o]} idPrefix={`invite-${o}`} />
              </section>
            ))
          )}
        </section>
      ) : null}

      {managed.length > 0 ? (
        <section aria-labelledby="account-tokens" className="account-section">
          <h2 id="account-tokens" className="h4">
            {t('tokens.title')}
          </h2>
          <p>{t('tokens.text')}</p>
          <ApiTokens organizations={managed} />
        </section>
      ) : null}

      <section aria-labelledby="account-password-title" className="account-section">
        <h2 id="account-password-title" className="h4">
          {t('password.title')}
        </h2>
        <ChangePasswordForm />
      </section>

      <section aria-labelledby="account-sessions" className="account-section">
        <h2 id="account-sessions" className="h4">
          {t('sessions.title')}
        </h2>
        <SignOutEverywhere />
      </section>
    </>
  );
}
