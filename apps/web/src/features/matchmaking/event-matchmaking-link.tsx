import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { useApi } from '../../lib/use-api.ts';
import { matchmakingEndpoints, type MatchmakingDay } from './matchmaking-api.ts';
import './matchmaking-messages.ts';

/** On an event's page: the matchmaking day that belongs to it, if any (1:1 meetings, agendas). */
export function EventMatchmakingLink({ eventId }: { eventId: string }) {
  const { t, pick } = useI18n();
  const days = useApi<{ items: MatchmakingDay[] }>(matchmakingEndpoints.list({ event: eventId }));
  if (!days.data?.items.length) return null;
  return (
    <div className="callout note mm-event-link">
      <div className="callout-title">{t('mm.event.title')}</div>
      <ul className="mb-0">
        {days.data.items.map((d) => (
          <li key={d.id}>
            <Link to={`/incontri/${d.id}`}>{pick(d.title)?.text ?? d.reference}</Link> — {t('mm.event.text')}
          </li>
        ))}
      </ul>
    </div>
  );
}
