import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, endpoints, sendJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';

// A link is confirmed once: a second request (React's development double effects, a re-render) reuses the first.
const pending = new Map<string, Promise<void>>();
function confirmOnce(token: string): Promise<void> {
  let p = pending.get(token);
  if (!p) {
    p = sendJson('POST', endpoints.verify(), { token });
    pending.set(token, p);
  }
  return p;
}

/** Confirms the e-mail address of the link's token as soon as the page opens. */
export function EmailVerification({ token }: { token: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ status: 'working' | 'done' | 'failed'; error?: ApiError }>({
    status: 'working',
  });
  const result = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    confirmOnce(token).then(
      () => live && setState({ status: 'done' }),
      (error: unknown) =>
        live && setState({ status: 'failed', error: error instanceof ApiError ? error : new ApiError('network', 0) }),
    );
    return () => {
      live = false;
    };
  }, [token]);

  useEffect(() => {
    if (state.status !== 'working') result.current?.focus();
  }, [state.status]);

  if (state.status === 'working') {
    return (
      <div aria-busy="true">
        <LoadingState label={t('verify.working')} />
      </div>
    );
  }
  if (state.status === 'done') {
    return (
      <div className="success-panel" role="status" ref={result} tabIndex={-1}>
        <p>{t('verify.done')}</p>
        <p>
          <Link to="/accedi">{t('verify.sign_in')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div ref={result} tabIndex={-1}>
      {state.error?.status === 404 ? (
        <div className="alert alert-danger" role="alert">
          <p>{t('verify.invalid')}</p>
          <p className="mb-0">
            <Link to="/accedi">{t('verify.sign_in')}</Link> ·{' '}
            <Link to="/password-dimenticata">{t('signin.forgot')}</Link>
          </p>
        </div>
      ) : state.error ? (
        <ProblemAlert error={state.error} />
      ) : null}
    </div>
  );
}
