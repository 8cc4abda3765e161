import type { ReactNode } from 'react';
import type { RagStatus } from '@clock/contracts';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import { formatKpiValue } from './governance-series.ts';
import './governance-messages.ts';

const SYMBOL: Record<RagStatus, string> = { green: '●', amber: '▲', red: '■', none: '○' };

/** A RAG status in words (with a shape and a colour as extras, never alone). */
export function StatusBadge({ status }: { status: RagStatus }) {
  const { t } = useI18n();
  return (
    <span className={`gov-status gov-status-${status}`}>
      <span aria-hidden="true">{SYMBOL[status]} </span>
      {t(`gov.status.${status}` as MessageKey)}
    </span>
  );
}

/** A KPI value as text in the reader's language: "—" for no data. */
export function useKpiFormat() {
  const { t, formatNumber } = useI18n();
  return (value: number | null | undefined, unit: string) =>
    unit === 'yes/no' && value !== null && value !== undefined
      ? t(value >= 1 ? 'gov.yes' : 'gov.no')
      : formatKpiValue(value, unit, formatNumber);
}

/** The unit in words ("working days", "percentage"), or the unit itself when it has no translation. */
export function useUnitLabel() {
  const { t } = useI18n();
  const known = new Set(['count', '%', 'working days', 'rating', 'hours', 'EUR', 'yes/no']);
  return (unit: string) => (known.has(unit) ? t(`gov.kpi.unit.${unit}` as MessageKey) : unit);
}

/**
 * A table's horizontal scrolling box (a phone): a named region that takes the keyboard focus, so the part of the table
 * off the screen can be scrolled to without a pointer.
 */
export function ScrollBox({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div
      className={`table-responsive${className ? ` ${className}` : ''}`}
      role="region"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
    >
      {children}
    </div>
  );
}
