import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { localErrors } from '../../lib/form-errors.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { TextField } from '../../components/ui/form-fields.tsx';
import { problemMessageKey } from '../../components/ui/problem-alert.tsx';
import { useSession } from './session.tsx';
import { landingPath, safeReturnPath } from './roles.ts';
import { formatWait } from './wait-time.ts';

const FIELDS = ['email', 'password'] as const;

/** An account chosen elsewhere on the page (the demo accounts) to fill the form with. */
export interface SignInPreset {
  email: string;
  password: string;
  name: string;
}

/**
 * E-mail and password; wrong credentials, an unconfirmed address and too many attempts each get their own message.
 * Afterwards: back to the page the person came from (`?torna=`, a path of this site only), else to their role's work.
 */
export function SignInForm({ preset }: { preset?: SignInPreset | null }) {
  const { t, tp } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit(FIELDS);
  const { byField } = submit.errors;
  const submitButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!preset) return;
    setEmail(preset.email);
    setPassword(preset.password);
    submitButton.current?.focus();
  }, [preset]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(
      async () => {
        const me = await session.signIn(email.trim(), password);
        navigate(safeReturnPath(params.get('torna'), landingPath(me)));
      },
      localErrors(
        [
          ['email', !email.trim(), t('signin.email_missing')],
          ['password', !password, t('signin.password_missing')],
        ],
        FIELDS,
      ),
    );
  };

  const failure = submit.failure;
  const failureText = !failure
    ? undefined
    : failure.status === 401
      ? t('signin.wrong')
      : failure.status === 403
        ? t('signin.unverified')
        : failure.status === 429
          ? t('signin.too_many', { wait: formatWait(failure.retryAfter, tp) })
          : t(problemMessageKey(failure));

  return (
    <form className="clock-form" method="post" noValidate onSubmit={onSubmit}>
      <ErrorSummary
        items={submit.errors.items}
        fields={{
          email: { id: 'signin-email', label: t('auth.email') },
          password: { id: 'signin-password', label: t('auth.password') },
        }}
        attempt={submit.attempt}
        intro={failureText}
      />
      {failure?.status === 403 ? (
        <p>
          <Link to="/password-dimenticata">{t('signin.unverified_link')}</Link>
        </p>
      ) : null}
      <TextField
        id="signin-email"
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
        id="signin-password"
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={byField.password}
        required
      />
      <p className="form-status" role="status">
        {preset && email === preset.email ? t('demo.filled', { name: preset.name }) : ''}
      </p>
      <div className="form-actions">
        <button ref={submitButton} type="submit" className="btn btn-primary" disabled={submit.busy}>
          {submit.busy ? t('signin.signing_in') : t('signin.submit')}
        </button>
      </div>
      <ul className="form-links">
        <li>
          <Link to="/password-dimenticata">{t('signin.forgot')}</Link>
        </li>
        <li>
          {t('signin.no_account')} <Link to="/registrati">{t('signin.sign_up')}</Link>
        </li>
      </ul>
    </form>
  );
}
