import { MAP_BOUNDS } from './tuscany-outline.ts';

// Equirectangular projection with the standard parallel through the middle of Tuscany, so shapes are not squashed.
const STANDARD_PARALLEL = ((MAP_BOUNDS.north + MAP_BOUNDS.south) / 2) * (Math.PI / 180);
const SCALE = 200; // SVG units per degree of latitude

export const MAP_WIDTH = Math.round((MAP_BOUNDS.east - MAP_BOUNDS.west) * Math.cos(STANDARD_PARALLEL) * SCALE);
export const MAP_HEIGHT = Math.round((MAP_BOUNDS.north - MAP_BOUNDS.south) * SCALE);

/** SVG coordinates of a point given in degrees. */
export function project(lon: number, lat: number): { x: number; y: number } {
  return {
    x: (lon - MAP_BOUNDS.west) * Math.cos(STANDARD_PARALLEL) * SCALE,
    y: (MAP_BOUNDS.north - lat) * SCALE,
  };
}

export function pathOf(points: readonly (readonly [number, number])[]): string {
  return (
    points
      .map(([lon, lat], i) => {
        const { x, y } = project(lon, lat);
        return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
      })
      .join(' ') + ' Z'
  );
}

export interface LabelBox {
  x: number;
  y: number;
  anchor: 'start' | 'end';
  box: { left: number; right: number; top: number; bottom: number };
}

/**
 * Places each label beside its dot where it overlaps no earlier label and stays inside the map, trying right,
 * left, then shifted up or down. Width is estimated from the character count (no DOM measuring needed).
 */
export function placeLabels(points: { x: number; y: number; text: string }[], fontSize: number): LabelBox[] {
  // Every dot is an obstacle from the start, so no label covers another member's dot.
  const DOT = 8;
  const placed: LabelBox['box'][] = points.map(({ x, y }) => ({
    left: x - DOT,
    right: x + DOT,
    top: y - DOT,
    bottom: y + DOT,
  }));
  const overlaps = (b: LabelBox['box']) =>
    placed.some((p) => b.left < p.right && b.right > p.left && b.top < p.bottom && b.bottom > p.top);
  return points.map(({ x, y, text }) => {
    const width = text.length * fontSize * 0.56;
    const gap = 9;
    const candidates: { dx: number; dy: number; anchor: 'start' | 'end' }[] = [
      { dx: gap, dy: 0, anchor: 'start' },
      { dx: -gap, dy: 0, anchor: 'end' },
      { dx: gap, dy: -fontSize, anchor: 'start' },
      { dx: -gap, dy: -fontSize, anchor: 'end' },
      { dx: gap, dy: fontSize, anchor: 'start' },
      { dx: -gap, dy: fontSize, anchor: 'end' },
      { dx: 0, dy: -fontSize * 1.1, anchor: 'start' },
      { dx: 0, dy: fontSize * 1.3, anchor: 'start' },
      { dx: 0, dy: -fontSize * 1.1, anchor: 'end' },
      { dx: 0, dy: fontSize * 1.3, anchor: 'end' },
      { dx: gap, dy: -2 * fontSize, anchor: 'start' },
      { dx: -gap, dy: 2 * fontSize, anchor: 'end' },
    ];
    const boxFor = (c: (typeof candidates)[number]) => {
      const lx = x + c.dx;
      const ly = y + c.dy + fontSize * 0.35;
      const left = c.anchor === 'start' ? lx : lx - width;
      return { lx, ly, box: { left, right: left + width, top: ly - fontSize, bottom: ly + fontSize * 0.3 } };
    };
    const inside = (b: LabelBox['box']) => b.left >= 0 && b.right <= MAP_WIDTH && b.top >= 0 && b.bottom <= MAP_HEIGHT;
    const choice =
      candidates.find((c) => {
        const { box } = boxFor(c);
        return inside(box) && !overlaps(box);
      }) ?? candidates[0]!;
    const { lx, ly, box } = boxFor(choice);
    placed.push(box);
    return { x: lx, y: ly, anchor: choice.anchor, box };
  });
}
