import { Link } from 'react-router';
import { sendJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { filieraEndpoints, type FilieraMap, type MapEdge } from './filiera-api.ts';
import { EDGE_STYLE } from './filiera-edge-style.ts';
import { useAction } from '../matchmaking/use-action.ts';
import './filiera-messages.ts';

const org = (id: string) => `/organizzazioni/${encodeURIComponent(id)}`;

/**
 * The map's relations as a table (the picture's text alternative, and what a phone shows first): who, the relation,
 * with whom, and its origin; a centre's member verifies a declared relation from here.
 */
export function RelationsTable({
  map,
  canVerify,
  onVerified,
}: {
  map: FilieraMap;
  canVerify: boolean;
  onVerified: (said: string) => void;
}) {
  const { t } = useI18n();
  const names = new Map(map.nodes.map((n) => [n.id, n.name]));
  const { busy, failure, run } = useAction();
  const verify = (e: MapEdge, id: string) =>
    run(id, async () => {
      await sendJson('POST', filieraEndpoints.verify(id), {});
      onVerified(t('fil.verify.done', { from: names.get(e.from) ?? '', to: names.get(e.to) ?? '' }));
    });
  if (!map.edges.length) return <p>{t('fil.table.none')}</p>;
  return (
    <>
      {failure ? <ProblemAlert error={failure} /> : null}
      <div className="table-responsive">
        <table className="table filiera-table">
          <caption>{t('fil.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fil.table.from')}</th>
              <th scope="col">{t('fil.table.kind')}</th>
              <th scope="col">{t('fil.table.to')}</th>
              <th scope="col">{t('fil.table.source')}</th>
            </tr>
          </thead>
          <tbody>
            {map.edges.map((e, i) => (
              <tr key={`${e.id ?? 'intro'}-${i}`}>
                <th scope="row" data-label={t('fil.table.from')}>
                  <Link to={org(e.from)}>{names.get(e.from) ?? e.from}</Link>
                </th>
                <td data-label={t('fil.table.kind')}>{t(`fil.kind_short.${e.kind}`)}</td>
                <td data-label={t('fil.table.to')}>
                  <Link to={org(e.to)}>{names.get(e.to) ?? e.to}</Link>
                </td>
                <td data-label={t('fil.table.source')}>
                  <span className="filiera-source">
                    <svg width="28" height="10" aria-hidden="true" focusable="false">
                      <line
                        x1="1"
                        y1="5"
                        x2="27"
                        y2="5"
                        stroke={EDGE_STYLE[e.source].stroke}
                        strokeWidth={EDGE_STYLE[e.source].width}
                        strokeDasharray={EDGE_STYLE[e.source].dash}
                      />
                    </svg>{' '}
                    {t(`fil.source.${e.source}`)}
                  </span>
                  {canVerify && e.source === 'declared' && e.id ? (
                    <button
                      type="button"
                      className="btn btn-outline-primary btn-sm ms-2"
                      disabled={busy === e.id}
                      onClick={() => void verify(e, e.id!)}
                    >
                      {t('fil.verify.short')}
                      <span className="visually-hidden">
                        {' '}
                        {t('fil.verify.button', { from: names.get(e.from) ?? '', to: names.get(e.to) ?? '' })}
                      </span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
