import { Link } from 'react-router';
import type { ApiState } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { itemHref } from '../catalogue/record-kinds.ts';
import type { TeamProposal } from './request-api.ts';
import { TeamMembers } from './team-members.tsx';
import { NextFreeSlot, useNextFreeSlots } from '../bookings/next-free-slot.tsx';

/** One cell of the table: covered by the catalogue (✓), declared by the centre, both, or neither — always in words. */
function Coverage({ catalogue, declared }: { catalogue: boolean; declared: boolean }) {
  const { t } = useI18n();
  if (!catalogue && !declared) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t('proposal.not_covered')}</span>
      </>
    );
  }
  return (
    <span className="coverage">
      {catalogue ? (
        <span className="coverage-catalogue">
          <span aria-hidden="true">✓</span>
          <span className="visually-hidden">{t('proposal.catalogue')}</span>
        </span>
      ) : null}
      {declared ? <span className="coverage-declared">{t('proposal.declared')}</span> : null}
    </span>
  );
}

/**
 * The team proposal: a table of the problem's aspects × the centres involved (✓ from the catalogue, "dichiarato"
 * from what the centre claims), the aspects nobody covers, the equipment involved, and the engine's suggested teams.
 */
export function TeamProposalView({ state }: { state: ApiState<TeamProposal> }) {
  const { t } = useI18n();
  const p = state.data;
  // The next free time of each instrument involved, where it can be booked here.
  const free = useNextFreeSlots(p?.centres.flatMap((c) => c.equipment.map((eq) => eq.id)) ?? []);
  return (
    <section aria-labelledby="rq-proposal" className="request-section team-proposal" aria-busy={state.loading}>
      <h2 id="rq-proposal" className="h4">
        {t('proposal.title')}
      </h2>
      {state.loading ? <LoadingState /> : null}
      {state.error ? <ProblemAlert error={state.error} onRetry={state.reload} /> : null}
      {p ? (
        <>
          <p>{t('proposal.intro')}</p>
          {p.centres.length === 0 ? (
            <p>{t('proposal.no_centres')}</p>
          ) : p.aspects.length === 0 ? (
            <p>{t('proposal.no_aspects')}</p>
          ) : (
            <div className="table-responsive">
              <table className="table proposal-table">
                <caption>{t('proposal.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('proposal.aspect')}</th>
                    {p.centres.map((c) => (
                      <th scope="col" key={c.organization}>
                        {c.name}
                        {c.teamRole ? (
                          <span className="proposal-role">
                            {' '}
                            ({t(c.teamRole === 'lead' ? 'request.role.lead' : 'request.role.partner')})
                          </span>
                        ) : null}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {p.aspects.map((a) => (
                    <tr key={a.label}>
                      <th scope="row">{a.label}</th>
                      {p.centres.map((c) => (
                        <td key={c.organization}>
                          <Coverage catalogue={c.covers.includes(a.label)} declared={c.claims.includes(a.label)} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="proposal-legend">{t('proposal.legend')}</p>
          {p.centres.length ? (
            <p className="proposal-missing">
              {p.missing.length
                ? t('proposal.missing', { aspects: p.missing.join(', ') })
                : t('proposal.nothing_missing')}
            </p>
          ) : null}
          {p.centres.some((c) => c.equipment.length) ? (
            <>
              <h3 className="h5">{t('proposal.equipment')}</h3>
              <ul className="proposal-equipment">
                {p.centres.flatMap((c) =>
                  c.equipment.map((eq) => (
                    <li key={`${c.organization}-${eq.id}`}>
                      <Link to={itemHref('equipment', eq.id)}>{eq.title}</Link>{' '}
                      <span className="proposal-owner">({c.name})</span> <NextFreeSlot slot={free.get(eq.id)} />
                    </li>
                  )),
                )}
              </ul>
            </>
          ) : null}
          {p.suggested.length ? (
            <>
              <h3 className="h5">{t('proposal.suggested')}</h3>
              <ol className="proposal-suggested">
                {p.suggested.slice(0, 3).map((team, i) => (
                  <li key={i}>
                    <TeamMembers members={team.members} />
                    {team.missing.length ? t('proposal.team_missing', { aspects: team.missing.join(', ') }) : null}
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
