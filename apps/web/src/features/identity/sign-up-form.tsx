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

const FIELDS = ['name', 'email', 'password'] as const;

/** A new account: name, e-mail and password; then "check your e-mail" (the server answers the same for a known address). */
export function SignUpForm() {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const submit = useSubmit(FIELDS);
  const { byField } = submit.errors;

  if (sentTo) {
    return (
      <SuccessPanel title={t('signup.done_title')}>
        <p>{t('signup.done_text', { email: sentTo })}</p>
        <p>{t('signup.done_hint')}</p>
        <p>
          <Link to="/accedi?torna=%2Fimprese%2Fnuova">{t('signup.to_sign_in')}</Link>
        </p>
        <p>{t('company.join.after_signup')}</p>
      </SuccessPanel>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(
      async () => {
        await sendJson('POST', endpoints.signup(), { name: name.trim(), email: email.trim(), password });
        setSentTo(email.trim());
      },
      localErrors(
        [
          ['name', !name.trim(), t('form.error.required')],
          ['email', !email.trim(), t('form.error.required')],
          ['password', password.length < 10, t('form.error.too_short', { min: 10 })],
        ],
        FIELDS,
      ),
    );
  };

  return (
    <form className="clock-form" method="post" noValidate onSubmit={onSubmit}>
      <ErrorSummary
        items={submit.errors.items}
        fields={{
          name: { id: 'signup-name', label: t('auth.name') },
          email: { id: 'signup-email', label: t('auth.email') },
          password: { id: 'signup-password', label: t('auth.password') },
        }}
        attempt={submit.attempt}
        intro={submit.failure ? t(problemMessageKey(submit.failure)) : undefined}
      />
      <TextField
        id="signup-name"
        label={t('auth.name')}
        autoComplete="name"
        value={name}
        onChange={setName}
        error={byField.name}
        required
      />
      <TextField
        id="signup-email"
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        value={email}
        onChange={setEmail}
        error={byField.email}
        required
        spellCheck={false}
      />
      <TextField
        id="signup-password"
        label={t('auth.password')}
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
          {submit.busy ? t('state.working') : t('signup.submit')}
        </button>
      </div>
      <p className="form-links">
        {t('signup.have_account')} <Link to="/accedi">{t('signup.to_sign_in')}</Link>
      </p>
    </form>
  );
}
