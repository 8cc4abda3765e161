import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import { Icon } from '../../components/ui/icon.tsx';
import type { Confidentiality, RequestState, RequestView } from './request-api.ts';

export const stateLabel = (state: RequestState | string): MessageKey => `request.state.${state}` as MessageKey;
export const confidentialityLabel = (c: Confidentiality | string): MessageKey =>
  `request.confidentiality.${c}` as MessageKey;

/** The state as a badge with its name in words (the colour only repeats it). */
export function StateBadge({ state }: { state: RequestState }) {
  const { t } = useI18n();
  return <span className={`badge request-state-badge state-${state}`}>{t(stateLabel(state))}</span>;
}

/** "In ritardo": an icon and the word, never colour alone. */
export function OverdueMark() {
  const { t } = useI18n();
  return (
    <span className="overdue-mark">
      <Icon name="warning-circle" className="icon-sm" />
      <span>{t('request.overdue')}</span>
    </span>
  );
}

/** "Risposta attesa entro il …", with the overdue mark when the date has passed. */
export function DueLine({ request }: { request: Pick<RequestView, 'dueAt' | 'overdue'> }) {
  const { t, formatDate } = useI18n();
  if (!request.dueAt) return null;
  return (
    <span className="due-line">
      {t('request.due', { date: formatDate(request.dueAt) })}
      {request.overdue ? (
        <>
          {' '}
          <OverdueMark />
        </>
      ) : null}
    </span>
  );
}
