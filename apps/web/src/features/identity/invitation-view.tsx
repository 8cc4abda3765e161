import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { endpoints, sendJson, type Invitation, type Me } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { localErrors } from '../../lib/form-errors.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { TextField } from '../../components/ui/form-fields.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert, problemMessageKey } from '../../components/ui/problem-alert.tsx';
import { useOrganizationName } from '../catalogue/organization-name.tsx';
import { itemHref } from '../catalogue/record-kinds.ts';
import { useSession } from './session.tsx';
import { roleLabel } from './roles.ts';

const FIELDS = ['name', 'password'] as const;

function AcceptForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit(FIELDS);
  const { byField } = submit.errors;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(
      async () => {
        const me = await sendJson<Me>('POST', endpoints.acceptInvitation(token), { name: name.trim(), password });
        session.adopt(me);
        navigate(itemHref('organization', invitation.organization), { state: { notice: 'joined' } });
      },
      localErrors(
        [
          ['name', !name.trim(), t('form.error.required')],
          ['password', password.length < 10, t('form.error.too_short', { min: 10 })],
        ],
        FIELDS,
      ),
    );
  };

  const failure = submit.failure;
  const failureText = !failure
    ? undefined
    : failure.status === 404
      ? t('invitation.invalid')
      : failure.status === 409
        ? t('invitation.exists', { email: invitation.email })
        : t(problemMessageKey(failure));

  return (
    <form className="clock-form" method="post" noValidate onSubmit={onSubmit}>
      <ErrorSummary
        items={submit.errors.items}
        fields={{
          name: { id: 'invite-name', label: t('auth.name') },
          password: { id: 'invite-password', label: t('invitation.password') },
        }}
        attempt={submit.attempt}
        intro={failureText}
      />
      {failure?.status === 409 ? (
        <p>
          <Link to="/accedi">{t('signup.to_sign_in')}</Link>
        </p>
      ) : null}
      <TextField
        id="invite-name"
        label={t('auth.name')}
        autoComplete="name"
        value={name}
        onChange={setName}
        error={byField.name}
        required
      />
      <TextField
        id="invite-password"
        label={t('invitation.password')}
        hint={t('auth.password_hint')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        error={byField.password}
        required
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {submit.busy ? t('state.working') : t('invitation.submit')}
        </button>
      </div>
    </form>
  );
}

/** What the invitation offers (organisation, role, address), then the new account's name and password. */
export function InvitationView({ token }: { token: string }) {
  const { t } = useI18n();
  const session = useSession();
  const organizationName = useOrganizationName();
  const invitation = useApi<Invitation>(endpoints.invitation(token));

  if (invitation.loading) {
    return (
      <div aria-busy="true">
        <LoadingState />
      </div>
    );
  }
  if (invitation.error) {
    return invitation.error.status === 404 || invitation.error.status === 400 ? (
      <div className="alert alert-danger" role="alert">
        <p>{t('invitation.invalid')}</p>
        <p className="mb-0">
          <Link to="/">{t('not_found.home')}</Link>
        </p>
      </div>
    ) : (
      <ProblemAlert error={invitation.error} onRetry={invitation.reload} />
    );
  }
  const data = invitation.data;
  if (!data) return null;
  return (
    <>
      <p className="lead">
        {t('invitation.lead_before')} <strong>{organizationName(data.organization)}</strong> {t('invitation.lead_role')}{' '}
        <strong>{t(roleLabel(data.role))}</strong>.
      </p>
      <dl className="record-fields invitation-facts">
        <div className="record-field">
          <dt>{t('type.organization')}</dt>
          <dd>
            <Link to={itemHref('organization', data.organization)}>{organizationName(data.organization)}</Link>
          </dd>
        </div>
        <div className="record-field">
          <dt>{t('account.role')}</dt>
          <dd>{t(roleLabel(data.role))}</dd>
        </div>
        <div className="record-field">
          <dt>{t('auth.email')}</dt>
          <dd>{data.email}</dd>
        </div>
      </dl>
      {session.user ? (
        <p className="notice-panel">{t('invitation.signed_in_as', { name: session.user.name })}</p>
      ) : null}
      <h2 className="h4 mt-4">{t('invitation.form_title')}</h2>
      <AcceptForm token={token} invitation={data} />
    </>
  );
}
