import { useI18n } from '../../lib/i18n.tsx';
import type { FilieraMap, MapEdge } from './filiera-api.ts';
import './filiera-messages.ts';

/** A relation in words: "Cartiera X is a supplier of Y (verified by a centre)". */
export function useRelationText(map: FilieraMap) {
  const { t } = useI18n();
  const names = new Map(map.nodes.map((n) => [n.id, n.name]));
  return (e: MapEdge) =>
    `${t(`fil.kind.${e.kind}`, { from: names.get(e.from) ?? e.from, to: names.get(e.to) ?? e.to })} (${t(`fil.source.${e.source}`)})`;
}
