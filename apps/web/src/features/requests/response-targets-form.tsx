import { useEffect, useState, type FormEvent } from 'react';
import { sendJson } from '../../lib/api.ts';
import { useApi, clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { TextField } from '../../components/ui/form-fields.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { useEditFailureText } from '../editing/edit-failure.ts';
import { requestEndpoints, type ResponseTargets } from './request-api.ts';

const FIELDS = ['firstResponseDays', 'triageDays', 'teamDays'] as const;
type Field = (typeof FIELDS)[number];
const LABELS = {
  firstResponseDays: 'targets.first_response',
  triageDays: 'targets.triage',
  teamDays: 'targets.team',
} as const;

/** The network's response-time targets in working days; the nucleus and administrators change them. */
export function ResponseTargetsForm({ editable }: { editable: boolean }) {
  const { t } = useI18n();
  const current = useApi<ResponseTargets>(requestEndpoints.targets());
  const [values, setValues] = useState<Record<Field, string> | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = useSubmit(FIELDS);
  const failureText = useEditFailureText(submit.failure);

  useEffect(() => {
    if (current.data && !values)
      setValues({
        firstResponseDays: String(current.data.firstResponseDays),
        triageDays: String(current.data.triageDays),
        teamDays: String(current.data.teamDays),
      });
  }, [current.data, values]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!values) return;
    setSaved(false);
    const local = localErrors(
      FIELDS.map((f) => [f, !/^\d+$/.test(values[f].trim()), t('form.error.integer')] as [string, boolean, string]),
      FIELDS,
    );
    void submit.run(async () => {
      const body = Object.fromEntries(FIELDS.map((f) => [f, Number(values[f])]));
      const next = await sendJson<ResponseTargets>('PUT', requestEndpoints.targets(), body);
      clearApiCache();
      setValues({
        firstResponseDays: String(next.firstResponseDays),
        triageDays: String(next.triageDays),
        teamDays: String(next.teamDays),
      });
      setSaved(true);
    }, local);
  };

  return (
    <section aria-labelledby="targets-title" className="request-section targets" aria-busy={current.loading}>
      <h2 id="targets-title" className="h4">
        {t('targets.title')}
      </h2>
      <p>{t('targets.intro')}</p>
      {current.loading ? <LoadingState /> : null}
      {current.error ? <ProblemAlert error={current.error} onRetry={current.reload} /> : null}
      {values && !editable ? (
        <ul>
          {FIELDS.map((f) => (
            <li key={f}>
              {t(LABELS[f])}: {t('targets.days', { days: values[f] })}
            </li>
          ))}
        </ul>
      ) : null}
      {values && editable ? (
        <form className="clock-form targets-form" noValidate onSubmit={onSubmit}>
          <ErrorSummary
            items={submit.errors.items}
            fields={Object.fromEntries(FIELDS.map((f) => [f, { id: `tg-${f}`, label: t(LABELS[f]) }]))}
            attempt={submit.attempt}
            intro={failureText}
          />
          <div className="row g-3">
            {FIELDS.map((f) => (
              <div key={f} className="col-12 col-md-4">
                <TextField
                  id={`tg-${f}`}
                  type="number"
                  inputMode="numeric"
                  label={t(LABELS[f])}
                  hint={t('targets.hint')}
                  value={values[f]}
                  onChange={(v) => setValues((x) => (x ? { ...x, [f]: v } : x))}
                  error={submit.errors.byField[f]}
                  required
                />
              </div>
            ))}
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={submit.busy}>
              {submit.busy ? t('state.saving') : t('targets.save')}
            </button>
          </div>
          <p className="form-status" role="status">
            {saved ? t('targets.saved') : ''}
          </p>
        </form>
      ) : null}
    </section>
  );
}
