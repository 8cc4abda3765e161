import { useState, type FormEvent } from 'react';
import { endpoints, sendJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { localErrors } from '../../lib/form-errors.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { TextField } from '../../components/ui/form-fields.tsx';
import { problemMessageKey } from '../../components/ui/problem-alert.tsx';
import { useSession } from './session.tsx';

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** Current and new password; the other sessions of the account end. */
export function ChangePasswordForm() {
  const { t } = useI18n();
  const { user } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const submit = useSubmit(FIELDS);
  const { byField } = submit.errors;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    void submit.run(
      async () => {
        await sendJson('POST', endpoints.password(), { currentPassword: current, newPassword: next });
        setCurrent('');
        setNext('');
        setDone(true);
      },
      localErrors(
        [
          ['currentPassword', !current, t('form.error.required')],
          ['newPassword', next.length < 10, t('form.error.too_short', { min: 10 })],
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
          currentPassword: { id: 'password-current', label: t('password.current') },
          newPassword: { id: 'password-new', label: t('password.new') },
        }}
        attempt={submit.attempt}
        intro={submit.failure ? t(problemMessageKey(submit.failure)) : undefined}
      />
      {/* Password managers file the new password under this account. */}
      <input type="email" name="username" autoComplete="username" value={user?.email ?? ''} readOnly hidden />
      <TextField
        id="password-current"
        label={t('password.current')}
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        error={byField.currentPassword}
        required
      />
      <TextField
        id="password-new"
        label={t('password.new')}
        hint={t('auth.password_hint')}
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={setNext}
        error={byField.newPassword}
        required
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {submit.busy ? t('state.working') : t('password.submit')}
        </button>
      </div>
      <p className="form-status" role="status">
        {done ? t('password.done') : ''}
      </p>
    </form>
  );
}
