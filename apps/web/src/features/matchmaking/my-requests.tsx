import { useState } from 'react';
import { sendJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { matchmakingEndpoints, type MeetingRequest } from './matchmaking-api.ts';
import { personLine, RequestState } from './matchmaking-bits.tsx';
import { useAction } from './use-action.ts';
import './matchmaking-messages.ts';

/** The requests a participant received (to accept or decline) and those they sent, with their state. */
export function MyRequests({
  me,
  requests,
  onChanged,
}: {
  me: string;
  requests: MeetingRequest[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { busy, failure, run } = useAction();
  const [said, setSaid] = useState('');
  const received = requests.filter((r) => r.to.id === me);
  const sent = requests.filter((r) => r.from.id === me);
  const answer = (r: MeetingRequest, a: 'accept' | 'decline') =>
    run(r.id, async () => {
      await sendJson('POST', matchmakingEndpoints.answer(r.id, a), {});
      setSaid(t(a === 'accept' ? 'mm.requests.accepted' : 'mm.requests.declined', { name: r.from.name }));
      onChanged();
    });
  return (
    <div className="row g-4">
      <p className="visually-hidden" role="status">
        {said}
      </p>
      {failure ? <ProblemAlert error={failure} /> : null}
      <section className="col-lg-6" aria-labelledby="mm-received">
        <h3 id="mm-received" className="h5">
          {t('mm.requests.received')}
        </h3>
        {received.length === 0 ? (
          <p>{t('mm.requests.none_received')}</p>
        ) : (
          <ul className="list-unstyled mm-requests">
            {received.map((r) => (
              <li key={r.id} className="mm-request">
                <p className="mb-1">
                  <strong>{personLine(r.from)}</strong> <RequestState state={r.state} />
                </p>
                {r.note ? <blockquote className="mm-note">{r.note}</blockquote> : null}
                {r.state === 'requested' ? (
                  <div className="d-flex flex-wrap gap-2">
                    <button
                      type="button"
                      className="btn btn-primary btn-sm"
                      disabled={busy === r.id}
                      onClick={() => void answer(r, 'accept')}
                    >
                      {t('mm.requests.accept', { name: r.from.name })}
                    </button>
                    <button
                      type="button"
                      className="btn btn-outline-secondary btn-sm"
                      disabled={busy === r.id}
                      onClick={() => void answer(r, 'decline')}
                    >
                      {t('mm.requests.decline', { name: r.from.name })}
                    </button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="col-lg-6" aria-labelledby="mm-sent">
        <h3 id="mm-sent" className="h5">
          {t('mm.requests.sent')}
        </h3>
        {sent.length === 0 ? (
          <p>{t('mm.requests.none_sent')}</p>
        ) : (
          <ul className="list-unstyled mm-requests">
            {sent.map((r) => (
              <li key={r.id} className="mm-request">
                <p className="mb-1">
                  <strong>{personLine(r.to)}</strong> <RequestState state={r.state} />
                </p>
                {r.note ? <blockquote className="mm-note">{r.note}</blockquote> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
