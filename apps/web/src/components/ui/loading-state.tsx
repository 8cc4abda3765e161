import { useI18n } from '../../lib/i18n.tsx';

/** A polite "loading" line with a spinner; put it inside the container marked aria-busy. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="loading-state" role="status">
      <span className="loading-spinner" aria-hidden="true" />
      <span>{label ?? t('state.loading')}</span>
    </div>
  );
}
