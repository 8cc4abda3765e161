import type { ApiError } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { problemMessageKey } from '../../components/ui/problem-alert.tsx';

/** What to say when a save fails for a reason that belongs to no field. */
export function useEditFailureText(failure: ApiError | null): string | undefined {
  const { t } = useI18n();
  if (!failure) return undefined;
  if (failure.status === 401) return t('edit.failure.signed_out');
  if (failure.status === 403) return t('edit.failure.forbidden');
  if (failure.status === 404) return t('edit.failure.gone');
  if (failure.status === 409) return t('edit.failure.conflict');
  return t(problemMessageKey(failure));
}
