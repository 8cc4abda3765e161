import type { ApiError } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import '../../features/search/search-messages.ts';

/** The reader-facing sentence for an API failure. */
export function problemMessageKey(error: ApiError): MessageKey {
  if (error.kind === 'network') return 'error.network';
  if (error.status === 404) return 'error.not_found';
  if (error.status === 429) return 'error.rate_limited';
  if (error.status === 400 || error.status === 422) return 'error.invalid_request';
  // Matching while the search index is being built after a start (Retry-After): not a failure.
  if (error.status === 503 && error.problem?.code === 'UNAVAILABLE') return 'error.unavailable';
  if (error.status >= 500) return 'error.server';
  if (error.kind === 'invalid-response') return 'error.invalid_response';
  return 'error.generic';
}

interface ProblemAlertProps {
  error: ApiError;
  onRetry?: () => void;
}

/** An API failure told in the reader's language; never a blank page. */
export function ProblemAlert({ error, onRetry }: ProblemAlertProps) {
  const { t } = useI18n();
  const problem = error.problem;
  return (
    <div className="alert alert-danger problem-alert" role="alert">
      <h2 className="h5 alert-heading">{t('error.title')}</h2>
      <p>{t(problemMessageKey(error))}</p>
      {problem?.errors?.length ? (
        <>
          <p className="mb-1">{t('error.fields')}</p>
          {/* The server words field problems in English. */}
          <ul lang="en">
            {problem.errors.map((e) => (
              <li key={`${e.pointer}:${e.message}`}>
                <code>{e.pointer}</code> {e.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {problem ? (
        <p className="problem-reference">
          {t('error.reference', { code: problem.code, status: problem.status })}
          {problem.instance ? ` · ${t('error.instance', { instance: problem.instance })}` : ''}
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" className="btn btn-outline-danger btn-sm" onClick={onRetry}>
          {t('action.retry')}
        </button>
      ) : null}
    </div>
  );
}
