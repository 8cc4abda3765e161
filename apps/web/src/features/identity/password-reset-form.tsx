import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { endpoints, sendJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { SuccessPanel } from '../../components/ui/success-panel.tsx';
import { localErrors } from '../../lib/form-errors.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { TextField } from '../../components/ui/form-fields.tsx';
import { problemMessageKey } from '../../components/ui/problem-alert.tsx';

const FIELDS = ['password'] as const;

/** Sets a new password with the e-mailed link's token; every session of the account ends. */
export function PasswordResetForm({ token }: { token: string }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const submit = useSubmit(FIELDS);

  if (done) {
    return (
      <SuccessPanel title={t('reset.done_title')}>
        <p>{t('reset.done_text')}</p>
        <p>
          <Link to="/accedi">{t('signup.to_sign_in')}</Link>
        </p>
      </SuccessPanel>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(
      async () => {
        await sendJson('POST', endpoints.passwordResetConfirm(), { token, password });
        setDone(true);
      },
      localErrors([['password', password.length < 10, t('form.error.too_short', { min: 10 })]], FIELDS),
    );
  };

  const failure = submit.failure;
  return (
    <form className="clock-form" method="post" noValidate onSubmit={onSubmit}>
      <ErrorSummary
        items={submit.errors.items}
        fields={{ password: { id: 'reset-password', label: t('reset.new_password') } }}
        attempt={submit.attempt}
        intro={failure ? (failure.status === 404 ? t('reset.invalid_link') : t(problemMessageKey(failure))) : undefined}
      />
      {failure?.status === 404 ? (
        <p>
          <Link to="/password-dimenticata">{t('reset.ask_again')}</Link>
        </p>
      ) : null}
      <TextField
        id="reset-password"
        label={t('reset.new_password')}
        hint={t('auth.password_hint')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        error={submit.errors.byField.password}
        required
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {submit.busy ? t('state.working') : t('reset.submit')}
        </button>
      </div>
    </form>
  );
}
