import { useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { useApi } from '../../lib/use-api.ts';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { LocalizedText } from '../../components/ui/localized-text.tsx';
import { useSession } from '../identity/session.tsx';
import {
  canSteer,
  reportEndpoints,
  type KpiDefinition,
  type KpiTarget,
  type Objective,
  type Paged,
  type Protocol,
} from './report-api.ts';
import { ScrollTable, useKpiFormat, useProtocols } from './report-bits.tsx';
import { ObjectiveForm } from './objective-form.tsx';
import { TargetForm, ValueForm } from './kpi-entry-forms.tsx';
import './report-messages.ts';

/** The protocol itself: parties in signing order, signature, term and renewals. */
function ProtocolFacts({ protocol }: { protocol: Protocol }) {
  const { t, formatDate } = useI18n();
  return (
    <section aria-labelledby="protocol-title" className="mb-5">
      <h2 id="protocol-title" className="h3">
        <LocalizedText value={protocol.title} />
      </h2>
      <dl className="row">
        <dt className="col-sm-3">{t('objectives.protocol.signed')}</dt>
        <dd className="col-sm-9">
          {formatDate(protocol.signedOn)}
          {protocol.place ? ` — ${protocol.place}` : ''}
        </dd>
        <dt className="col-sm-3">{t('objectives.protocol.term')}</dt>
        <dd className="col-sm-9">
          {t('objectives.protocol.term_line', {
            months: String(protocol.termMonths),
            ends: formatDate(protocol.endsOn),
          })}
        </dd>
        <dt className="col-sm-3">{t('objectives.protocol.renewals')}</dt>
        <dd className="col-sm-9">
          {protocol.renewals.length ? (
            <ul className="list-unstyled mb-0">
              {protocol.renewals.map((r) => (
                <li key={r.renewedOn}>
                  {t('objectives.protocol.renewal_line', {
                    on: formatDate(r.renewedOn),
                    months: String(r.termMonths),
                  })}
                  {r.note ? (
                    <>
                      {' — '}
                      <LocalizedText value={r.note} />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            t('objectives.protocol.no_renewals')
          )}
        </dd>
        <dt className="col-sm-3">{t('objectives.protocol.parties')}</dt>
        <dd className="col-sm-9">
          <ol className="mb-0">
            {protocol.parties.map((p) => (
              <li key={p.organization}>
                {p.name}
                {p.role === 'region' ? ` (${t('objectives.protocol.region')})` : ''}
              </li>
            ))}
          </ol>
        </dd>
      </dl>
      <p>{t('objectives.protocol.aims')}</p>
    </section>
  );
}

const overlaps = (a: { from: string; to: string }, b: { from: string; to: string }) => a.from <= b.to && b.from <= a.to;

/** The objectives agreed per period, network-wide and per centre, with their KPIs' baselines and targets. */
export function ObjectivesView() {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const { protocols, nameOf } = useProtocols();
  const objectives = useApi<Paged<Objective>>(reportEndpoints.objectives({}), { fresh: true });
  const definitions = useApi<{ items: KpiDefinition[] }>(reportEndpoints.definitions());
  const targets = useApi<{ items: KpiTarget[] }>(reportEndpoints.targets(), { fresh: true });
  const fmt = useKpiFormat();
  const [editing, setEditing] = useState<Objective | null>(null);
  const steer = canSteer(user);
  const reload = () => {
    objectives.reload();
    targets.reload();
  };
  const defOf = new Map((definitions.data?.items ?? []).map((d) => [d.code, d]));
  const periods = [...new Set((objectives.data?.items ?? []).map((o) => `${o.from}/${o.to}`))].sort().reverse();
  const protocol = protocols.data?.items[0];
  return (
    <>
      {protocol ? <ProtocolFacts protocol={protocol} /> : null}
      {objectives.error ? <ProblemAlert error={objectives.error} onRetry={objectives.reload} /> : null}
      {!objectives.data && !objectives.error ? <LoadingState /> : null}
      {objectives.data && !objectives.data.items.length ? <p>{t('objectives.none')}</p> : null}
      {periods.map((key) => {
        const [from, to] = key.split('/') as [string, string];
        const mine = (objectives.data?.items ?? [])
          .filter((o) => o.from === from && o.to === to)
          .sort(
            (a, b) =>
              (a.organization ?? '').localeCompare(b.organization ?? '') || a.reference.localeCompare(b.reference),
          );
        return (
          <section key={key} className="mb-5" aria-labelledby={`period-${key}`}>
            <h2 id={`period-${key}`} className="h3">
              {t('report.period', { from: formatDate(from), to: formatDate(to) })}
            </h2>
            {mine.map((o) => (
              <article key={o.id} className="card card-bg mb-3">
                <div className="card-body">
                  <h3 className="h5 card-title">
                    {o.reference} · {o.organization ? nameOf(o.organization) : t('report.network')}
                  </h3>
                  <LocalizedText value={o.text} as="p" />
                  {o.kpis.length ? (
                    <ScrollTable label={t('report.objectives.kpis_of', { ref: o.reference })}>
                      <table className="table table-sm">
                        <caption className="visually-hidden">
                          {t('report.objectives.kpis_of', { ref: o.reference })}
                        </caption>
                        <thead>
                          <tr>
                            <th scope="col">{t('report.col.kpi')}</th>
                            <th scope="col">{t('objectives.col.kind')}</th>
                            <th scope="col">{t('objectives.col.baseline')}</th>
                            <th scope="col">{t('objectives.col.target')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {o.kpis.map((code) => {
                            const d = defOf.get(code);
                            const shape = { unit: d?.unit ?? 'count', kind: d?.kind ?? 'count' };
                            const tg = (targets.data?.items ?? []).find(
                              (x) => x.kpi === code && x.organization === o.organization && overlaps(x, o),
                            );
                            return (
                              <tr key={code}>
                                <th scope="row" className="fw-normal">
                                  {d ? <LocalizedText value={d.label} note={false} /> : code}
                                </th>
                                <td>
                                  {d
                                    ? `${t(`objectives.kind.${d.kind}`)}, ${t(d.direction === 'up' ? 'objectives.up' : 'objectives.down')}, ${t(d.source === 'manual' ? 'objectives.manual' : 'objectives.computed')}`
                                    : '—'}
                                </td>
                                <td>{fmt(tg?.baseline ?? null, shape)}</td>
                                <td>
                                  {tg ? (
                                    <>
                                      {fmt(tg.target, shape)}
                                      {tg.from !== o.from || tg.to !== o.to ? (
                                        <span className="d-block small">
                                          {t('report.period', { from: formatDate(tg.from), to: formatDate(tg.to) })}
                                        </span>
                                      ) : null}
                                    </>
                                  ) : (
                                    '—'
                                  )}
                                </td>
                              </tr>
                            );
                          })}
                        </tbody>
                      </table>
                    </ScrollTable>
                  ) : (
                    <p className="text-muted">{t('objectives.no_kpis')}</p>
                  )}
                  {steer ? (
                    <button
                      type="button"
                      className="btn btn-outline-primary btn-sm"
                      onClick={() => {
                        setEditing(o);
                        requestAnimationFrame(() => document.getElementById('objective-form-title')?.focus());
                      }}
                    >
                      {t('objectives.edit', { ref: o.reference })}
                    </button>
                  ) : null}
                </div>
              </article>
            ))}
          </section>
        );
      })}
      {steer && definitions.data && protocol ? (
        <>
          <ObjectiveForm
            key={editing?.id ?? 'new'}
            editing={editing}
            definitions={definitions.data.items}
            parties={protocol.parties}
            onDone={() => {
              setEditing(null);
              reload();
            }}
          />
          <TargetForm definitions={definitions.data.items} parties={protocol.parties} onDone={reload} />
          <ValueForm definitions={definitions.data.items} parties={protocol.parties} onDone={reload} />
        </>
      ) : null}
    </>
  );
}
