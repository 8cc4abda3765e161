import { useState } from 'react';
import { sendJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useApi } from '../../lib/use-api.ts';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { StatusLine } from '../../components/ui/status-line.tsx';
import { clock, matchmakingEndpoints, type Grid, type MeetingRequest, type Participant } from './matchmaking-api.ts';
import { personLine, RequestState } from './matchmaking-bits.tsx';
import { useAction } from './use-action.ts';
import './matchmaking-messages.ts';

const STATES = ['requested', 'accepted', 'declined'] as const;

/**
 * The organiser's desk: participants and requests by state, who to chase (empty agendas, unanswered requests), the
 * scheduler, and the whole grid of slots × tables with what could not be placed and why.
 */
export function OrganiserPanel({
  dayId,
  requests,
  onScheduled,
}: {
  dayId: string;
  requests: MeetingRequest[];
  onScheduled: () => void;
}) {
  const { t, tp, lang } = useI18n();
  const grid = useApi<Grid>(matchmakingEndpoints.schedule(dayId), { fresh: true });
  const participants = useApi<{ items: Participant[] }>(matchmakingEndpoints.participants(dayId), { fresh: true });
  const { busy, failure, run } = useAction();
  const [said, setSaid] = useState('');
  const schedule = () =>
    run('schedule', async () => {
      const r = await sendJson<{ placed: number; unplaced: string[] }>('POST', matchmakingEndpoints.schedule(dayId));
      setSaid(t('mm.org.scheduled', { placed: r.placed, unplaced: r.unplaced.length }));
      grid.reload();
      onScheduled();
    });
  const count = (s: string) => requests.filter((r) => r.state === s).length;
  return (
    <>
      <h3 className="h5">{t('mm.org.summary')}</h3>
      <ul className="mm-counts">
        <li>{tp('mm.org.participants', participants.data?.items.length ?? 0)}</li>
        {STATES.map((s) => (
          <li key={s}>
            {t(`mm.org.count.${s}`)}: <strong>{count(s)}</strong>
          </li>
        ))}
      </ul>
      {requests.length ? (
        <details className="mm-all-requests">
          <summary>{t('mm.org.all_requests', { n: requests.length })}</summary>
          <ul>
            {requests.map((r) => (
              <li key={r.id}>
                {t('mm.org.asks', { from: personLine(r.from), to: personLine(r.to) })} <RequestState state={r.state} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="d-flex flex-wrap align-items-center gap-3 my-3">
        <button type="button" className="btn btn-primary" onClick={() => void schedule()} disabled={busy !== null}>
          {busy ? t('state.working') : t('mm.org.schedule')}
        </button>
        <span>
          {grid.data?.scheduledAt
            ? t('mm.org.last', {
                when: new Date(grid.data.scheduledAt).toLocaleString(lang === 'en' ? 'en-GB' : 'it-IT', {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                  timeZone: 'Europe/Rome',
                }),
              })
            : t('mm.org.never')}
        </span>
      </div>
      <StatusLine said={said} />
      {failure ? <ProblemAlert error={failure} /> : null}
      {grid.error ? <ProblemAlert error={grid.error} onRetry={grid.reload} /> : null}
      {!grid.data ? (
        grid.loading ? (
          <LoadingState />
        ) : null
      ) : (
        <>
          <div className="row g-4">
            <section className="col-lg-6" aria-labelledby="mm-chase-empty">
              <h3 id="mm-chase-empty" className="h5">
                {t('mm.org.empty_agendas')}
              </h3>
              {grid.data.emptyAgendas.length ? (
                <ul>
                  {grid.data.emptyAgendas.map((p) => (
                    <li key={p.id}>{personLine(p)}</li>
                  ))}
                </ul>
              ) : (
                <p>{t('mm.org.none')}</p>
              )}
            </section>
            <section className="col-lg-6" aria-labelledby="mm-chase-unanswered">
              <h3 id="mm-chase-unanswered" className="h5">
                {t('mm.org.unanswered')}
              </h3>
              {grid.data.unanswered.length ? (
                <ul>
                  {grid.data.unanswered.map((r) => (
                    <li key={r.id}>{t('mm.org.asks', { from: personLine(r.from), to: personLine(r.to) })}</li>
                  ))}
                </ul>
              ) : (
                <p>{t('mm.org.none')}</p>
              )}
            </section>
          </div>
          <h3 className="h5 mt-4" id="mm-grid-title">
            {t('mm.org.grid')}
          </h3>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways on a phone takes the focus, so the keyboard can scroll it */}
          <div className="table-responsive mm-grid-wrap" role="region" tabIndex={0} aria-labelledby="mm-grid-title">
            <table
              className="table table-bordered table-sm mm-grid"
              style={{ minWidth: `${5 + grid.data.tables * 11}rem` }}
            >
              <caption className="visually-hidden">{t('mm.org.grid_caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mm.agenda.time')}</th>
                  {[...Array(grid.data.tables).keys()].map((i) => (
                    <th scope="col" key={i}>
                      {t('mm.org.table_n', { n: i + 1 })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.data.slots.map((s) => (
                  <tr key={s.slot}>
                    <th scope="row">
                      <time dateTime={s.start}>{clock(s.start)}</time>
                    </th>
                    {[...Array(grid.data!.tables).keys()].map((i) => {
                      const m = grid.data!.meetings.find((x) => x.slot === s.slot && x.table === i + 1);
                      return (
                        <td key={i}>
                          {m ? (
                            <>
                              {personLine(m.a)}
                              <span aria-hidden="true"> ↔ </span>
                              <span className="visually-hidden"> {t('mm.org.and')} </span>
                              {personLine(m.b)}
                            </>
                          ) : (
                            <span className="text-muted">{t('mm.org.free')}</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 className="h5 mt-4">{t('mm.org.unplaced')}</h3>
          {grid.data.unplaced.length ? (
            <ul>
              {grid.data.unplaced.map((u) => (
                <li key={u.request}>
                  {t('mm.org.pair', { a: personLine(u.a), b: personLine(u.b) })} — {t(`mm.reason.${u.reason}`)}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('mm.org.all_placed')}</p>
          )}
          <h3 className="h5 mt-4">{t('mm.org.participants_title')}</h3>
          {participants.data ? (
            <ul>
              {participants.data.items.map((p) => (
                <li key={p.id}>{personLine(p)}</li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </>
  );
}
