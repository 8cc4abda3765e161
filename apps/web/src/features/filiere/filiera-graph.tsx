import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import type { FilieraMap, MapEdge } from './filiera-api.ts';
import { layout } from './filiera-layout.ts';
import { useRelationText } from './filiera-bits.tsx';
import { EDGE_STYLE } from './filiera-edge-style.ts';
import './filiera-messages.ts';

const W = 880;
const LINE = 22;

/** A name in at most two lines of about LINE characters, broken between words. */
export function labelLines(name: string): string[] {
  if (name.length <= LINE) return [name];
  const words = name.split(/\s+/);
  let first = '';
  while (words.length && `${first} ${words[0]}`.trim().length <= LINE) first = `${first} ${words.shift()}`.trim();
  if (!first) first = words.shift() ?? '';
  const rest = words.join(' ');
  return rest ? [first, rest.length > LINE + 4 ? `${rest.slice(0, LINE + 3)}…` : rest] : [first];
}
const H = 600;
const R = 20;

/**
 * The filiera as a picture: companies (circles) and centres (squares), placed by a deterministic force layout, linked
 * by their relations drawn by origin (declared dashed grey, verified solid blue, born from an agreement thick green,
 * introductions dotted orange). Each organisation is a link to its page, reachable with the keyboard and named with
 * its relations; the table beside it says everything the picture says.
 */
export default function FilieraGraph({ map }: { map: FilieraMap }) {
  const { t, tp, pick } = useI18n();
  const navigate = useNavigate();
  const relationText = useRelationText(map);
  const placed = useMemo(() => layout(map.nodes, map.edges, W, H), [map]);
  const at = new Map(placed.map((p) => [p.id, p]));
  const degree = (id: string) => map.edges.filter((e) => e.from === id || e.to === id).length;
  return (
    <figure className="filiera-graph" aria-labelledby="filiera-graph-caption">
      <figcaption id="filiera-graph-caption" className="h5">
        {t('fil.graph.title')}
      </figcaption>
      <ul className="filiera-legend">
        {(Object.keys(EDGE_STYLE) as MapEdge['source'][]).map((s) => (
          <li key={s}>
            <svg width="44" height="12" aria-hidden="true" focusable="false">
              <line
                x1="2"
                y1="6"
                x2="42"
                y2="6"
                stroke={EDGE_STYLE[s].stroke}
                strokeWidth={EDGE_STYLE[s].width}
                strokeDasharray={EDGE_STYLE[s].dash}
              />
            </svg>{' '}
            {t(`fil.source.${s}`)}
          </li>
        ))}
        <li>
          <svg width="16" height="16" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="7" className="filiera-node-company" />
          </svg>{' '}
          {t('fil.node.company')}
        </li>
        <li>
          <svg width="16" height="16" aria-hidden="true" focusable="false">
            <rect x="1" y="1" width="14" height="14" className="filiera-node-centre" />
          </svg>{' '}
          {t('fil.node.centre')}
        </li>
      </ul>
      <div className="filiera-graph-scroll">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="filiera-svg"
          role="group"
          aria-label={t('fil.graph.label', { name: pick(map.filiera.label)?.text ?? map.filiera.code })}
        >
          <defs>
            {(Object.keys(EDGE_STYLE) as MapEdge['source'][]).map((s) => (
              <marker
                key={s}
                id={`arrow-${s}`}
                viewBox="0 0 10 10"
                refX="10"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M0,0 L10,5 L0,10 z" fill={EDGE_STYLE[s].stroke} />
              </marker>
            ))}
          </defs>
          <g className="filiera-edges">
            {map.edges.map((e, i) => {
              const a = at.get(e.from);
              const b = at.get(e.to);
              if (!a || !b) return null;
              const len = Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
              const [dx, dy] = [(b.x - a.x) / len, (b.y - a.y) / len];
              // Two relations between the same pair are drawn a little apart.
              const twin = map.edges
                .slice(0, i)
                .filter((o) => (o.from === e.from && o.to === e.to) || (o.from === e.to && o.to === e.from)).length;
              const [ox, oy] = [-dy * twin * 7, dx * twin * 7];
              const st = EDGE_STYLE[e.source];
              return (
                <line
                  key={`${e.id ?? 'i'}-${i}`}
                  x1={a.x + dx * R + ox}
                  y1={a.y + dy * R + oy}
                  x2={b.x - dx * (R + 3) + ox}
                  y2={b.y - dy * (R + 3) + oy}
                  stroke={st.stroke}
                  strokeWidth={st.width}
                  strokeDasharray={st.dash}
                  markerEnd={
                    e.kind === 'partner-in' || e.kind === 'introduction' ? undefined : `url(#arrow-${e.source})`
                  }
                ></line>
              );
            })}
          </g>
          {map.nodes.map((n) => {
            const p = at.get(n.id);
            if (!p) return null;
            const href = `/organizzazioni/${encodeURIComponent(n.id)}`;
            const label = `${n.name}, ${t(n.kind === 'centre' ? 'fil.node.centre' : 'fil.node.company')}, ${tp('fil.node.relations', degree(n.id))}`;
            return (
              <a
                key={n.id}
                href={href}
                aria-label={label}
                className={`filiera-node filiera-node-${n.kind}`}
                onClick={(ev) => {
                  ev.preventDefault();
                  void navigate(href);
                }}
              >
                <title>
                  {map.edges
                    .filter((e) => e.from === n.id || e.to === n.id)
                    .map(relationText)
                    .join('; ') || n.name}
                </title>
                {n.kind === 'centre' ? (
                  <rect x={p.x - R} y={p.y - R} width={2 * R} height={2 * R} rx="3" />
                ) : (
                  <circle cx={p.x} cy={p.y} r={R} />
                )}
                <text x={p.x} y={p.y + R + 16} textAnchor="middle" className="filiera-label">
                  {labelLines(n.name).map((line, k) => (
                    <tspan key={line} x={p.x} dy={k ? 17 : 0}>
                      {line}
                    </tspan>
                  ))}
                </text>
              </a>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}
