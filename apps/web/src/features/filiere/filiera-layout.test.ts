import { describe, expect, it } from 'vitest';
import { layout } from './filiera-layout.ts';
import type { MapEdge, MapNode } from './filiera-api.ts';

const node = (id: string, kind: MapNode['kind'] = 'company'): MapNode => ({
  id,
  kind,
  name: id,
  province: null,
  sectors: [],
});
const edge = (from: string, to: string): MapEdge => ({
  id: `${from}-${to}`,
  from,
  to,
  kind: 'supplier-of',
  source: 'declared',
});

describe('the filiera map layout', () => {
  const nodes = ['a', 'b', 'c', 'd', 'e', 'f', 'centre'].map((id) => node(id, id === 'centre' ? 'centre' : 'company'));
  const edges = [edge('a', 'b'), edge('c', 'b'), edge('d', 'b'), edge('b', 'e'), edge('f', 'e')];

  it('gives the same picture for the same map, whatever the order of the nodes', () => {
    const one = layout(nodes, edges, 800, 560);
    const two = layout([...nodes].reverse(), [...edges].reverse(), 800, 560);
    const byId = (p: { id: string }[]) => [...p].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(two)).toEqual(byId(one));
  });

  it('keeps every node inside the box and apart from the others', () => {
    const placed = layout(nodes, edges, 800, 560);
    for (const p of placed) {
      expect(p.x).toBeGreaterThanOrEqual(40);
      expect(p.x).toBeLessThanOrEqual(760);
      expect(p.y).toBeGreaterThanOrEqual(40);
      expect(p.y).toBeLessThanOrEqual(520);
    }
    for (const p of placed)
      for (const q of placed) if (p !== q) expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(30);
  });

  it('places a single organisation in the middle and nothing for an empty map', () => {
    expect(layout([node('x')], [], 800, 560)).toEqual([{ id: 'x', x: 400, y: 280 }]);
    expect(layout([], [], 800, 560)).toEqual([]);
  });
});

describe('the names under the nodes', () => {
  it('break between words in at most two lines', async () => {
    const { labelLines } = await import('./filiera-graph.tsx');
    expect(labelLines('LUCENSE')).toEqual(['LUCENSE']);
    expect(labelLines('Cartiera Brancoli Tissue S.p.A.')).toEqual(['Cartiera Brancoli', 'Tissue S.p.A.']);
    const long = labelLines('Consorzio Polo Tecnologico Magona per la chimica della costa livornese');
    expect(long).toHaveLength(2);
    expect(long[1]!.endsWith('…')).toBe(true);
  });
});
