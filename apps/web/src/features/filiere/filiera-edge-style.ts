import type { MapEdge } from './filiera-api.ts';

/** How each kind of link is drawn; the legend and the words in the table say the same. */
export const EDGE_STYLE: Record<MapEdge['source'], { stroke: string; dash?: string; width: number }> = {
  declared: { stroke: '#5c6f82', dash: '6 5', width: 2 },
  verified: { stroke: '#0066cc', width: 2.5 },
  agreement: { stroke: '#008055', width: 4 },
  introduction: { stroke: '#a66300', dash: '2 4', width: 2.5 },
};
