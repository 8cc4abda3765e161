import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { useApi } from '../../lib/use-api.ts';
import type { ApiError } from '../../lib/api.ts';
import type { MessageKey } from '../../lib/messages.it.ts';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { reportEndpoints, type Kpi, type Protocol, type RagStatus } from './report-api.ts';
import './report-messages.ts';

const RAG_CLASS: Record<RagStatus, string> = {
  green: 'bg-success',
  amber: 'bg-warning text-dark',
  red: 'bg-danger',
  none: 'bg-secondary',
};
/** A RAG status as words on a coloured badge (never colour alone). */
export function RagBadge({ status, label }: { status: RagStatus; label?: string }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${RAG_CLASS[status]}`}>
      {label ? `${label}: ` : ''}
      {t(`report.rag.${status}` as MessageKey)}
    </span>
  );
}

const UNIT_KEYS: Record<string, MessageKey> = {
  EUR: 'report.unit.eur',
  hours: 'report.unit.hours',
  'working days': 'report.unit.working_days',
  rating: 'report.unit.rating',
  '%': 'report.unit.percent',
};
/** A KPI's value or target in the reader's language: "—" for no data (never 0 %), yes/no for booleans. */
export function useKpiFormat() {
  const { t, formatNumber } = useI18n();
  return (v: number | null | undefined, k: Pick<Kpi, 'unit' | 'kind'>): string => {
    if (v === null || v === undefined) return '—';
    if (k.kind === 'boolean') return v ? t('report.yes') : t('report.no');
    const n = formatNumber(Math.round(v * 100) / 100);
    if (k.unit === 'count') return n;
    const unit = UNIT_KEYS[k.unit];
    return unit ? t(unit, { n }) : `${n} ${k.unit}`;
  };
}

/** The protocol's parties by id (names for the ids a report carries), and the protocols themselves. */
export function useProtocols() {
  const protocols = useApi<{ items: Protocol[] }>(reportEndpoints.protocols());
  const names = new Map<string, string>();
  for (const p of protocols.data?.items ?? []) for (const party of p.parties) names.set(party.organization, party.name);
  return { protocols, nameOf: (id: string | null) => (id ? (names.get(id) ?? id) : '') };
}

/**
 * An API failure about a report: conflicts and refusals say what the server said (who signs next, the state), in a
 * sentence of the reader's language before it; everything else as the site's usual alert.
 */
export function ReportProblem({ error }: { error: ApiError }): ReactNode {
  const { t } = useI18n();
  if (error.status !== 409 && error.status !== 403) return <ProblemAlert error={error} />;
  return (
    <div className="alert alert-danger" role="alert">
      <p className="mb-1">{t(error.status === 409 ? 'report.error.conflict' : 'report.error.forbidden')}</p>
      {error.problem?.detail ? (
        <p className="mb-0 small" lang="en">
          {error.problem.detail}
        </p>
      ) : null}
    </div>
  );
}

/** A table that may scroll sideways on a phone: a named region reachable with the keyboard. */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable with the keyboard
    <div className="table-responsive" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
