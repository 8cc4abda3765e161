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

/** A chart's SVG: an image named by its title and described by its summary, drawn in a fixed coordinate space. */
function ChartSvg(p: { className: string; width: number; height: number; ids: ChartIds; children: ReactNode }) {
  return (
    <svg
      className={p.className}
      viewBox={`0 0 ${p.width} ${p.height}`}
      role="img"
      aria-labelledby={p.ids.title}
      aria-describedby={p.ids.summary}
    >
      <title>{p.ids.name}</title>
      {p.children}
    </svg>
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
    <ChartSvg className="gov-svg gov-svg-series" width={W} height={H} ids={ids}>
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
              {/* Just above its bar; above the target line too when the line runs close over the bar (a target far
                  above, as for a "less is better" KPI, would otherwise carry the value and read as the target). */}
              <text
                x={x0 + bw / 2}
                y={(p.target !== null && y(p.target) <= yv && yv - y(p.target) < 22 ? y(p.target) : yv) - 8}
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
    </ChartSvg>
  );
}

const YN_H = 150;

/**
 * A yes/no KPI per period as a row of marks, one per period: a filled disc with a tick for «sì», an open ring with a
 * cross for «no», a dashed empty ring for no data, each with its word («—» for no data) under it (a column of heights says nothing about a yes/no);
 * a period whose target is «sì» has its word in bold.
 */
export function YesNoChart({ points, ids }: { points: SeriesPoint[]; ids: ChartIds }) {
  const { t } = useI18n();
  const innerW = W - M.left - M.right;
  const x = scaleBand<string>({ domain: points.map((p) => p.label), range: [0, innerW], padding: 0.3 });
  const r = Math.max(8, Math.min(22, x.bandwidth() / 2 - 2));
  const cy = 44;
  return (
    <ChartSvg className="gov-svg gov-svg-series gov-svg-yesno" width={W} height={YN_H} ids={ids}>
      <Group left={M.left} top={M.top - 8}>
        {points.map((p) => {
          const cx = (x(p.label) ?? 0) + x.bandwidth() / 2;
          const state = p.value === null ? 'none' : p.value >= 1 ? 'yes' : 'no';
          const d = r * 0.45;
          return (
            <g key={p.label} className={`gov-yn gov-yn-${state}`}>
              <circle cx={cx} cy={cy} r={r} className="gov-yn-mark" />
              {state === 'yes' && (
                <polyline
                  points={`${cx - d},${cy} ${cx - d / 3},${cy + d * 0.7} ${cx + d},${cy - d * 0.6}`}
                  className="gov-yn-glyph"
                />
              )}
              {state === 'no' && (
                <path
                  d={`M${cx - d * 0.7},${cy - d * 0.7} L${cx + d * 0.7},${cy + d * 0.7} M${cx + d * 0.7},${cy - d * 0.7} L${cx - d * 0.7},${cy + d * 0.7}`}
                  className="gov-yn-glyph"
                />
              )}
              <text
                x={cx}
                y={cy + r + 22}
                textAnchor="middle"
                className={`gov-value${p.target !== null && p.target >= 1 ? ' gov-yn-expected' : ''}`}
              >
                {state === 'none' ? '—' : t(state === 'yes' ? 'gov.yes' : 'gov.no')}
              </text>
              <text x={cx} y={cy + r + 48} textAnchor="middle" className="gov-label">
                {p.label}
              </text>
            </g>
          );
        })}
      </Group>
    </ChartSvg>
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
    <ChartSvg className="gov-svg gov-svg-bars" width={BAR_W} height={height} ids={ids}>
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
    </ChartSvg>
  );
}
