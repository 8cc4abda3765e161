import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import type { NotificationView } from '../requests/request-api.ts';
import { stateLabel } from '../requests/request-bits.tsx';
import '../governance-reports/report-nav-messages.ts';

const KINDS = [
  'request-received',
  'request-submitted',
  'request-triage',
  'request-opened',
  'request-invited',
  'request-declined',
  'request-interest',
  'request-team',
  'request-started',
  'request-closed',
  'request-rated',
  'request-overdue',
  'request-withdrawn',
  'request-addressed',
  'company-claim-submitted',
  'company-claim-verified',
  'company-claim-rejected',
  'action-partner-added',
  'action-milestone-due',
  'meeting-action-assigned',
  'report-signature-awaited',
];

/** Tells other parts of the page (the header's count) that notifications were read. */
export const NOTIFICATIONS_CHANGED = 'clock:notifications-changed';
export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}

/** The sentence of a notification in the reader's language (the server's wording), from its kind and parameters. */
export function useNotificationText() {
  const { t, formatDate } = useI18n();
  return (n: Pick<NotificationView, 'kind' | 'params'>): string => {
    const p = n.params;
    const name = p.title ? `${p.ref} — ${p.title}` : (p.ref ?? '');
    const date = (iso: string | undefined) => (iso ? formatDate(iso) : '');
    const vars = {
      name,
      due: p.due ? date(p.due) : t('notification.due_unknown'),
      reason: p.reason ?? '',
      organization: p.organization ?? '',
      lead: p.lead ?? '',
      partners: p.partners ?? '',
      rating: p.rating ?? '',
      since: date(p.since),
      state: p.state ? t(stateLabel(p.state)).toLocaleLowerCase() : '',
      company: p.company ?? '',
      person: p.person ?? '',
      ref: p.ref ?? '',
      milestone: p.milestone ?? '',
      item: p.item ?? '',
    };
    // A confidential subject's notification carries no words of it: one neutral sentence, whatever the event.
    if (p.confidential)
      return t(p.subject === 'request' ? 'notification.confidential' : 'notification.confidential_item', vars);
    if (!KINDS.includes(n.kind)) return t('notification.other', { name });
    if (n.kind === 'request-team' && p.partners) return t('notification.request-team-partners', vars);
    if (n.kind === 'request-withdrawn' && p.reason) return t('notification.request-withdrawn-reason', vars);
    return t(`notification.${n.kind}` as MessageKey, vars);
  };
}
