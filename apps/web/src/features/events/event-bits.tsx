import { useI18n } from '../../lib/i18n.tsx';
import type { EventSummary } from './event-api.ts';
import './event-messages.ts';

/** Places left, the waiting list, or why one cannot register: in words, never as a colour alone. */
export function EventAvailabilityBadge({ event }: { event: EventSummary }) {
  const { t, tp } = useI18n();
  if (event.state === 'cancelled') return <span className="badge bg-danger">{t('events.state.cancelled')}</span>;
  if (event.state === 'draft') return <span className="badge bg-secondary">{t('events.state.draft')}</span>;
  const a = event.availability;
  if (!a.open) return <span className="badge bg-secondary">{t('events.closed')}</span>;
  if (a.free === null) return <span className="badge bg-success">{t('events.unlimited')}</span>;
  if (a.free <= 0) return <span className="badge bg-warning text-dark">{t('events.full')}</span>;
  return <span className="badge bg-success">{tp('events.free', a.free)}</span>;
}

export function EventKindBadge({ kind }: { kind: EventSummary['kind'] }) {
  const { t } = useI18n();
  return <span className="badge type-badge">{t(`events.kind.${kind}`)}</span>;
}
