import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { TeamMembers } from './team-members.tsx';
import { sendJson } from '../../lib/api.ts';
import { useI18n, type Lang } from '../../lib/i18n.tsx';
import { itemHref } from '../catalogue/record-kinds.ts';
import { useOrganizationName } from '../catalogue/organization-name.tsx';
import { requestEndpoints, type MatchingAnswer } from './request-api.ts';

/** Matching starts once title and description together have this many characters. */
export const MATCHING_MIN_CHARS = 30;
const DEBOUNCE_MS = 700;

interface MatchingInput {
  title: string;
  description: string;
  lang: Lang;
  sector?: string;
  filiera?: string;
}

type Status = 'idle' | 'waiting' | 'done' | 'failed';

/** Asks the matching engine about the problem being written, ~700 ms after the typing stops; stale answers are dropped. */
function useLiveMatching({ title, description, lang, sector, filiera }: MatchingInput) {
  const [answer, setAnswer] = useState<MatchingAnswer | null>(null);
  const [status, setStatus] = useState<Status>('idle');
  const sequence = useRef(0);
  const text = `${title.trim()}\n${description.trim()}`.trim();
  const enough = title.trim().length + description.trim().length >= MATCHING_MIN_CHARS;

  useEffect(() => {
    if (!enough) return;
    const mine = ++sequence.current;
    const timer = window.setTimeout(() => {
      setStatus('waiting');
      sendJson<MatchingAnswer>('POST', requestEndpoints.matching(), {
        text,
        lang,
        sector: sector || undefined,
        filiera: filiera || undefined,
        limit: 20,
      }).then(
        (a) => {
          if (sequence.current !== mine) return;
          setAnswer(a);
          setStatus('done');
        },
        () => {
          if (sequence.current === mine) setStatus('failed');
        },
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, lang, sector, filiera, enough]);

  return { answer: enough ? answer : null, status: enough ? status : 'idle' };
}

/**
 * Who in the network could help, while the problem is being written: the aspects the engine found, the best
 * organisations with what they cover, and the best team with what it misses. Announced politely.
 */
export function MatchingPanel(props: MatchingInput) {
  const { t, tp } = useI18n();
  const orgName = useOrganizationName();
  const { answer, status } = useLiveMatching(props);
  const team = answer?.teams[0];
  const organizations = answer?.organizations.slice(0, 5) ?? [];

  return (
    <section className="matching-panel" aria-labelledby="matching-title">
      <h2 id="matching-title" className="h4">
        {t('matching.title')}
      </h2>
      <p className="matching-intro">{t('matching.intro')}</p>
      <div aria-live="polite" className="matching-live">
        {status === 'idle' ? (
          <p className="matching-status">{t('matching.idle', { min: MATCHING_MIN_CHARS })}</p>
        ) : null}
        {status === 'waiting' && !answer ? <p className="matching-status">{t('matching.working')}</p> : null}
        {status === 'failed' ? <p className="matching-status">{t('matching.failed')}</p> : null}
        {answer ? (
          <>
            <p className="matching-status">
              {answer.aspects.length ? tp('matching.found', answer.aspects.length) : t('matching.none')}
            </p>
            {answer.truncated ? <p className="matching-status">{t('matching.truncated')}</p> : null}
            {answer.aspects.length ? (
              <>
                <h3 className="h6">{t('matching.aspects')}</h3>
                <ul className="matching-aspects">
                  {answer.aspects.map((a) => (
                    <li key={a.label}>{a.label}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {organizations.length ? (
              <>
                <h3 className="h6">{t('matching.organizations')}</h3>
                <ol className="matching-organizations">
                  {organizations.map((o) => (
                    <li key={o.id}>
                      <Link to={itemHref('organization', o.id)}>{orgName(o.id)}</Link>
                      {o.covers.length ? (
                        <span className="matching-covers">
                          {t('matching.covers', { aspects: o.covers.join(', ') })}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
            {team ? (
              <>
                <h3 className="h6">{t('matching.team')}</h3>
                <TeamMembers members={team.members} />
                <p className="matching-team-missing">
                  {team.missing.length
                    ? t('matching.team_missing', { aspects: team.missing.join(', ') })
                    : t('matching.team_complete')}
                </p>
              </>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
