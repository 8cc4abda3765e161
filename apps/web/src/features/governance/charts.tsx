import { useId, type ReactNode } from 'react';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import { Group } from '@visx/group';
import { useI18n } from '../../lib/i18n.tsx';
import { ScrollBox } from './kpi-bits.tsx';
import './governance-messages.ts';

/**
 * Charts of the governance pages (decision 023): SVG drawn with visx scales and shapes, a fixed coordinate space
 * scaled by the viewBox (so the server renders them exactly as the browser does, and a phone shrinks them), and always
 * a title, a one-sentence summary and a table of the same numbers beside the picture. The SVG is an image with its
 * title as name; the table is what a screen reader or a keyboard user reads.
 */
/** The ids of a chart's title and summary (the SVG's name and description) and the title itself. */
export interface ChartIds {
  title: string;
  summary: string;
  name: string;
}

interface ChartFrameProps {
  title: string;
  summary: string;
  table: ReactNode;
  children: (ids: ChartIds) => ReactNode;
  headingLevel?: 3 | 4;
}

export function ChartFrame({ title, summary, table, children, headingLevel = 3 }: ChartFrameProps) {
  const { t } = useI18n();
  const id = useId();
  const ids: ChartIds = { title: `${id}-title`, summary: `${id}-summary`, name: title };
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <figure className="gov-chart">
      <Heading id={ids.title} className="gov-chart-title">
        {title}
      </Heading>
      <p id={ids.summary} className="gov-chart-summary">
        {summary}
      </p>
      {children(ids)}
      <details className="gov-chart-table">
        <summary>{t('gov.table')}</summary>
        <ScrollBox label={title}>{table}</ScrollBox>
      </details>
    </figure>
  );
}

export interface SeriesPoint {
  label: string;
  value: number | null;
  target: number | null;
}

const W = 560;
const H = 220;
const M = { top: 24, right: 12, bottom: 36, left: 12 };

/**
 * Values per period as columns, the target of each period as a dark line across its column; no data as "—" (with the
 * words beside it when the column is wide enough for them not to run into the next one).
 */
export function SeriesChart({
  points,
  format,
  ids,
}: {
  points: SeriesPoint[];
  format: (n: number | null) => string;
  ids: ChartIds;
}) {
  const { t } = useI18n();
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const top = Math.max(1, ...points.flatMap((p) => [p.value ?? 0, p.target ?? 0]));
  const x = scaleBand<string>({ domain: points.map((p) => p.label), range: [0, innerW], padding: 0.3 });
  const y = scaleLinear<number>({ domain: [0, top * 1.1], range: [innerH, 0] });
  const bw = x.bandwidth();
  return (
    <svg
      className="gov-svg gov-svg-series"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={ids.title}
      aria-describedby={ids.summary}
    >
      <title>{ids.name}</title>
      <Group left={M.left} top={M.top}>
        <Line from={{ x: 0, y: innerH }} to={{ x: innerW, y: innerH }} className="gov-axis" />
        {points.map((p) => {
          const x0 = x(p.label) ?? 0;
          const yv = p.value === null ? innerH : y(Math.max(0, p.value));
          return (
            <g key={p.label}>
              {p.value !== null && <Bar x={x0} y={yv} width={bw} height={innerH - yv} className="gov-bar" />}
              {p.target !== null && (
                <Line
                  from={{ x: x0 - 4, y: y(p.target) }}
                  to={{ x: x0 + bw + 4, y: y(p.target) }}
                  className="gov-target"
                />
              )}
              {/* Above the bar and above its target line, so neither hides the number. */}
              <text
                x={x0 + bw / 2}
                y={Math.min(yv, p.target === null ? yv : y(p.target)) - 8}
                textAnchor="middle"
                className="gov-value"
              >
                {p.value === null ? (bw >= 90 ? `— ${t('gov.chart.no_data')}` : '—') : format(p.value)}
              </text>
              <text x={x0 + bw / 2} y={innerH + 22} textAnchor="middle" className="gov-label">
                {p.label}
              </text>
            </g>
          );
        })}
      </Group>
    </svg>
  );
}

export interface BarDatum {
  key: string;
  label: string;
  value: number;
}

const BAR_W = 420;
const ROW = 26;
const LABEL_W = 170;

/** Horizontal bars, largest first, each with its label and its number written at its end. */
export function HBarChart({ data, ids }: { data: BarDatum[]; ids: ChartIds }) {
  const { formatNumber } = useI18n();
  const height = Math.max(1, data.length) * ROW + 8;
  const max = Math.max(1, ...data.map((d) => d.value));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, BAR_W - LABEL_W - 40] });
  const short = (s: string) => (s.length > 24 ? `${s.slice(0, 23)}…` : s);
  return (
    <svg
      className="gov-svg gov-svg-bars"
      viewBox={`0 0 ${BAR_W} ${height}`}
      role="img"
      aria-labelledby={ids.title}
      aria-describedby={ids.summary}
    >
      <title>{ids.name}</title>
      {data.map((d, i) => (
        <Group key={d.key} top={i * ROW + 4}>
          <text x={LABEL_W - 8} y={ROW / 2 + 4} textAnchor="end" className="gov-label">
            {short(d.label)}
          </text>
          <Bar x={LABEL_W} y={4} width={Math.max(2, x(d.value))} height={ROW - 10} className="gov-bar" />
          <text x={LABEL_W + Math.max(2, x(d.value)) + 6} y={ROW / 2 + 4} className="gov-value">
            {formatNumber(d.value)}
          </text>
        </Group>
      ))}
    </svg>
  );
}
