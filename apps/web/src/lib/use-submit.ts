import { useCallback, useRef, useState } from 'react';
import { ApiError } from './api.ts';
import { useI18n } from './i18n.tsx';
import { formErrorsFromProblem, NO_ERRORS, type FormErrors } from './form-errors.ts';

export interface Submit {
  /** Field errors (next to the fields and in the summary). */
  errors: FormErrors;
  /** A failure that belongs to no field (wrong password, expired link, server down…). */
  failure: ApiError | null;
  /** Counts failed submits: the error summary takes the focus each time. */
  attempt: number;
  busy: boolean;
  /**
   * Runs the request; its field errors are mapped onto `fields`, other failures land in `failure`. Errors found before
   * sending (`local`) stop the request. Nothing typed is touched: the form keeps its own values.
   */
  run: (action: () => Promise<void>, local?: FormErrors) => Promise<void>;
  reset: () => void;
}

export function useSubmit(fields: readonly string[]): Submit {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;

  const run = useCallback(
    async (action: () => Promise<void>, local?: FormErrors) => {
      if (running.current) return;
      if (local?.items.length) {
        setErrors(local);
        setFailure(null);
        setAttempt((n) => n + 1);
        return;
      }
      running.current = true;
      setBusy(true);
      try {
        await action();
        setErrors(NO_ERRORS);
        setFailure(null);
      } catch (error) {
        const mapped = formErrorsFromProblem(error, fieldsRef.current, t);
        if (mapped) {
          setErrors(mapped);
          setFailure(null);
        } else {
          setErrors(NO_ERRORS);
          setFailure(error instanceof ApiError ? error : new ApiError('invalid-response', 0));
        }
        setAttempt((n) => n + 1);
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [t],
  );

  const reset = useCallback(() => {
    setErrors(NO_ERRORS);
    setFailure(null);
  }, []);

  return { errors, failure, attempt, busy, run, reset };
}
