import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import type { MapEdge, MapNode } from './filiera-api.ts';

export interface Placed {
  id: string;
  x: number;
  y: number;
}
type SimNode = { id: string; index?: number; x?: number; y?: number; vx?: number; vy?: number };

const TICKS = 300;

/** A small linear congruential generator: the same seed gives the same numbers, so the same map gives the same picture. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Places the map's organisations with a force layout (d3-force): relations pull, everyone repels, nobody overlaps.
 * Deterministic: the nodes and relations are taken in id order, the start is d3's phyllotaxis arrangement, the random source is
 * seeded, and the simulation runs a fixed number of ticks without a timer. The result is scaled into the box
 * `width` × `height` with a margin.
 */
export function layout(nodes: MapNode[], edges: MapEdge[], width: number, height: number, margin = 60): Placed[] {
  if (!nodes.length) return [];
  const sim: SimNode[] = [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((n) => ({ id: n.id }));
  const known = new Set(sim.map((n) => n.id));
  const links = edges
    .filter((e) => known.has(e.from) && known.has(e.to))
    .map((e) => ({ source: e.from, target: e.to }))
    .sort((a, b) => `${a.source} ${a.target}`.localeCompare(`${b.source} ${b.target}`));
  const simulation = forceSimulation(sim)
    .randomSource(seeded(20260))
    .force(
      'link',
      forceLink<SimNode, { source: string; target: string }>(links)
        .id((n) => n.id)
        .distance(110),
    )
    .force('charge', forceManyBody().strength(-420))
    .force('collide', forceCollide(46))
    .force('x', forceX(0).strength(0.06))
    .force('y', forceY(0).strength(0.1))
    .stop();
  simulation.tick(TICKS);
  const xs = sim.map((n) => n.x ?? 0);
  const ys = sim.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(
    (width - 2 * margin) / Math.max(1, maxX - minX),
    (height - 2 * margin) / Math.max(1, maxY - minY),
    2.4,
  );
  const offX = (width - (maxX - minX) * scale) / 2;
  const offY = (height - (maxY - minY) * scale) / 2;
  return sim.map((n) => ({
    id: n.id,
    x: Math.round(((n.x ?? 0) - minX) * scale + offX),
    y: Math.round(((n.y ?? 0) - minY) * scale + offY),
  }));
}
