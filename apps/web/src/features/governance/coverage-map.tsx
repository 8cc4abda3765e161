import { Fragment } from 'react';
import { Link } from 'react-router';
import type { S3Coverage } from '@clock/contracts';
import { useI18n } from '../../lib/i18n.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { itemHref } from '../catalogue/record-kinds.ts';
import { coverageGrid, heatLevel } from './governance-series.ts';
import { ScrollBox } from './kpi-bits.tsx';
import './governance-messages.ts';

type Labelled = { code: string; label: { it?: string; en?: string } };

/** The labels of the S3 matrix and the centres' names, shared by the map, the gaps and the overlaps. */
function useCoverageNames(coverage: S3Coverage) {
  const { pick } = useI18n();
  const { organizationById } = useReferenceData();
  const name = (list: Labelled[], code: string) => pick(list.find((x) => x.code === code)?.label)?.text ?? code;
  return {
    priority: (code: string) => name(coverage.priorities, code),
    area: (code: string) => name(coverage.areas, code),
    centre: (id: string) => {
      const o = organizationById.get(id);
      return o?.shortName ?? o?.name ?? id;
    },
  };
}

/** The centres on the map: every centre of the network (one with no record shows "—" throughout), in name order. */
const centresOf = (coverage: S3Coverage, centres: string[], name: (id: string) => string) =>
  [...new Set([...centres, ...coverage.cells.map((c) => c.organization)])].sort((a, b) =>
    name(a).localeCompare(name(b)),
  );

/**
 * The heat map: a row per S3 cell (priority × area), a column per centre, each cell shaded by how many records the
 * centre has there and always showing the number ("—" for none). On a phone, a list per centre replaces the table.
 */
export function CoverageMap({ coverage }: { coverage: S3Coverage }) {
  const { t, formatNumber } = useI18n();
  const names = useCoverageNames(coverage);
  const { grid, max } = coverageGrid(coverage.cells);
  const { organizations } = useReferenceData();
  const centres = centresOf(
    coverage,
    organizations.filter((o) => o.kind === 'centre').map((o) => o.id),
    names.centre,
  );
  const gaps = new Set(coverage.gaps.map((g) => `${g.priority}×${g.area}`));
  return (
    <>
      <p className="small text-muted">{t('gov.coverage.legend')}</p>
      <ScrollBox label={t('gov.coverage.title')} className="d-none d-md-block">
        <table className="table table-sm gov-heat">
          <caption className="visually-hidden">{t('gov.coverage.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('gov.coverage.cell')}</th>
              {centres.map((c) => (
                <th scope="col" key={c} className="text-center">
                  {names.centre(c)}
                </th>
              ))}
              <th scope="col" className="text-center">
                {t('gov.coverage.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {coverage.priorities.map((p) => (
              <Fragment key={p.code}>
                <tr className="gov-heat-group">
                  <th scope="colgroup" colSpan={centres.length + 2}>
                    {names.priority(p.code)}
                  </th>
                </tr>
                {coverage.areas.map((a) => {
                  const key = `${p.code}×${a.code}`;
                  const row = grid.get(key);
                  const total = [...(row?.values() ?? [])].reduce((s, n) => s + n, 0);
                  return (
                    <tr key={key} className={gaps.has(key) ? 'gov-heat-gap' : undefined}>
                      <th scope="row" className="fw-normal">
                        <span className="visually-hidden">{names.priority(p.code)} × </span>
                        {names.area(a.code)}
                      </th>
                      {centres.map((c) => {
                        const n = row?.get(c) ?? 0;
                        return (
                          <td key={c} className={`text-center gov-heat-${heatLevel(n, max)}`}>
                            {n ? formatNumber(n) : '—'}
                          </td>
                        );
                      })}
                      <td className="text-center fw-semibold">
                        {total ? formatNumber(total) : t('gov.coverage.none')}
                      </td>
                    </tr>
                  );
                })}
              </Fragment>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <div className="d-md-none gov-heat-list">
        <h4 className="h6">{t('gov.coverage.by_centre')}</h4>
        {centres.map((c) => {
          const mine = coverage.cells.filter((x) => x.organization === c).sort((a, b) => b.records - a.records);
          return (
            <details key={c} className="gov-heat-centre">
              <summary>
                {names.centre(c)} — {t('gov.coverage.centre_cells', { count: formatNumber(mine.length) })}
              </summary>
              <ul>
                {mine.map((x) => (
                  <li key={`${x.priority}×${x.area}`}>
                    {names.priority(x.priority)} × {names.area(x.area)}:{' '}
                    {t('gov.coverage.records', { count: formatNumber(x.records) })}
                  </li>
                ))}
              </ul>
            </details>
          );
        })}
      </div>
    </>
  );
}

/** The cells nobody covers. */
export function CoverageGaps({ coverage }: { coverage: S3Coverage }) {
  const { t } = useI18n();
  const names = useCoverageNames(coverage);
  if (!coverage.gaps.length) return <p>{t('gov.gaps.empty')}</p>;
  return (
    <ul className="gov-gaps">
      {coverage.gaps.map((g) => (
        <li key={`${g.priority}×${g.area}`}>
          <strong>{names.priority(g.priority)}</strong> × {names.area(g.area)}
        </li>
      ))}
    </ul>
  );
}

/** Pairs of centres duplicating each other in a cell, with the similarity and the records that overlap (linked). */
export function CoverageOverlaps({ coverage }: { coverage: S3Coverage }) {
  const { t, formatNumber } = useI18n();
  const names = useCoverageNames(coverage);
  if (!coverage.overlaps.length) return <p>{t('gov.overlaps.empty')}</p>;
  return (
    <ul className="list-unstyled gov-overlaps">
      {coverage.overlaps.map((o) => (
        <li key={`${o.organizations.join('+')}:${o.priority}×${o.area}`} className="gov-overlap">
          <p className="mb-1">
            <strong>
              {names.centre(o.organizations[0])} ↔ {names.centre(o.organizations[1])}
            </strong>{' '}
            — {names.priority(o.priority)} × {names.area(o.area)} ·{' '}
            {t('gov.overlaps.similarity', { value: formatNumber(Math.round(o.similarity * 100) / 100) })}
          </p>
          <ul>
            {o.records.map((r) => (
              <li key={`${r.type}:${r.id}`}>
                <Link to={itemHref(r.type, r.id)}>{r.title}</Link>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
