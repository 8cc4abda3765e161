import { useI18n } from '../../lib/i18n.tsx';
import type { ActionState, ActionSummary } from './action-api.ts';
import './action-messages.ts';

/**
 * Progress as a bar with its value written beside it (the bar is decoration: the text is what is read). With nothing
 * to measure it says "—", never 0 %.
 */
export function ProgressValue({ value }: { value: number | null }) {
  const { t, formatNumber } = useI18n();
  if (value === null)
    return (
      <span className="action-progress">
        <span aria-hidden="true">{t('action.progress.none')}</span>
        <span className="visually-hidden">{t('action.progress.none_hint')}</span>
      </span>
    );
  const text = `${formatNumber(value)} %`;
  return (
    <span className="action-progress">
      <span className="progress action-progress-bar" aria-hidden="true">
        <span className="progress-bar" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
      </span>
      <span className="action-progress-text">{text}</span>
    </span>
  );
}

const STATE_CLASS: Record<ActionState, string> = {
  planned: 'bg-secondary',
  running: 'bg-primary',
  late: 'bg-danger',
  closed: 'bg-success',
  cancelled: 'bg-dark',
};

/** The stored state, and the lateness the rule computes when it differs (both shown). */
export function ActionStateBadges({ action }: { action: Pick<ActionSummary, 'state' | 'late'> }) {
  const { t } = useI18n();
  return (
    <span className="action-state">
      <span className={`badge ${STATE_CLASS[action.state]}`}>{t(`action.state.${action.state}`)}</span>
      {action.late && action.state !== 'late' ? (
        <span className="badge bg-danger ms-1" title={t('action.late_rule')}>
          {t('action.state.late')}
          <span className="visually-hidden"> — {t('action.late_rule')}</span>
        </span>
      ) : null}
    </span>
  );
}

/** "from 1 March 2026 to 30 June 2027" in the reader's language. */
export function usePeriod() {
  const { t, formatDate } = useI18n();
  return (from: string, to: string) => t('action.period', { from: formatDate(from), to: formatDate(to) });
}
