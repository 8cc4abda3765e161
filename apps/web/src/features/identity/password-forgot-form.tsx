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

const FIELDS = ['email'] as const;

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function PasswordForgotForm() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const submit = useSubmit(FIELDS);

  if (sentTo) {
    return (
      <SuccessPanel title={t('forgot.done_title')}>
        <p>{t('forgot.done_text', { email: sentTo })}</p>
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
        await sendJson('POST', endpoints.passwordReset(), { email: email.trim() });
        setSentTo(email.trim());
      },
      localErrors([['email', !email.trim(), t('form.error.required')]], FIELDS),
    );
  };

  return (
    <form className="clock-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary
        items={submit.errors.items}
        fields={{ email: { id: 'forgot-email', label: t('auth.email') } }}
        attempt={submit.attempt}
        intro={submit.failure ? t(problemMessageKey(submit.failure)) : undefined}
      />
      <TextField
        id="forgot-email"
        label={t('auth.email')}
        type="email"
        autoComplete="email"
        value={email}
        onChange={setEmail}
        error={submit.errors.byField.email}
        required
        spellCheck={false}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {submit.busy ? t('state.working') : t('forgot.submit')}
        </button>
      </div>
    </form>
  );
}
