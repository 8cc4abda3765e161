import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import type { MeetingRequest } from './matchmaking-api.ts';
import './matchmaking-messages.ts';

const KINDS = ['centre', 'region', 'company', 'university', 'research_body', 'association', 'other'];
/** An organisation kind's name ("research-body" → "Ente di ricerca"). */
export function useKindLabel() {
  const { t } = useI18n();
  return (kind: string) => {
    const k = kind.replace(/-/g, '_');
    return KINDS.includes(k) ? t(`kind.${k}` as MessageKey) : kind;
  };
}

const STATE_CLASS: Record<MeetingRequest['state'], string> = {
  requested: 'bg-primary',
  accepted: 'bg-success',
  declined: 'bg-secondary',
  cancelled: 'bg-secondary',
};
/** A meeting request's state as a badge with words (never colour alone). */
export function RequestState({ state }: { state: MeetingRequest['state'] }) {
  const { t } = useI18n();
  return <span className={`badge ${STATE_CLASS[state]}`}>{t(`mm.state.${state}`)}</span>;
}

/** A person and their organisation on one line. */
export function personLine(p: { name: string; organization: string | null }) {
  return p.organization ? `${p.name} (${p.organization})` : p.name;
}
