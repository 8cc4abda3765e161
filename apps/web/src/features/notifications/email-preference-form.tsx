import { useEffect, useState, type FormEvent } from 'react';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache, useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { RadioGroup } from '../../components/ui/form-fields.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { useEditFailureText } from '../editing/edit-failure.ts';
import { requestEndpoints, type EmailPreference } from '../requests/request-api.ts';

const FIELDS = ['email'] as const;
const CHOICES: EmailPreference[] = ['immediate', 'daily', 'off'];

/** How notifications arrive by e-mail: each event, one daily digest, or none. */
export function EmailPreferenceForm() {
  const { t } = useI18n();
  const current = useApi<{ email: EmailPreference }>(requestEndpoints.preferences());
  const [value, setValue] = useState<EmailPreference | ''>('');
  const [saved, setSaved] = useState(false);
  const submit = useSubmit(FIELDS);
  const failureText = useEditFailureText(submit.failure);

  useEffect(() => {
    if (current.data && value === '') setValue(current.data.email);
  }, [current.data, value]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void submit.run(async () => {
      await sendJson('PUT', requestEndpoints.preferences(), { email: value });
      clearApiCache();
      setSaved(true);
    });
  };

  return (
    <section aria-labelledby="email-pref-title" className="request-section" aria-busy={current.loading}>
      <h2 id="email-pref-title" className="h4">
        {t('notifications.email_title')}
      </h2>
      {current.loading ? <LoadingState /> : null}
      {current.error ? <ProblemAlert error={current.error} onRetry={current.reload} /> : null}
      {value ? (
        <form className="clock-form" noValidate onSubmit={onSubmit}>
          <ErrorSummary
            items={submit.errors.items}
            fields={{ email: { id: 'email-pref', label: t('notifications.email_legend') } }}
            attempt={submit.attempt}
            intro={failureText}
          />
          <RadioGroup
            id="email-pref"
            name="email-pref"
            legend={t('notifications.email_legend')}
            hint={t('notifications.email_hint')}
            options={CHOICES.map((c) => ({ value: c, label: t(`notifications.email.${c}`) }))}
            value={value}
            onChange={(v) => {
              setSaved(false);
              setValue(v as EmailPreference);
            }}
            error={submit.errors.byField.email}
          />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={submit.busy}>
              {submit.busy ? t('state.saving') : t('notifications.email_save')}
            </button>
          </div>
          <p className="form-status" role="status">
            {saved ? t('notifications.email_saved') : ''}
          </p>
        </form>
      ) : null}
    </section>
  );
}
