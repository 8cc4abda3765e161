import { useId } from 'react';
import type { Organization } from '@clock/contracts';
import { useI18n } from '../../lib/i18n.tsx';
import { MAP_HEIGHT, MAP_WIDTH, pathOf, placeLabels, project } from './map-projection.ts';
import { ELBA, SMALL_ISLANDS, TUSCANY_MAINLAND } from './tuscany-outline.ts';

interface TuscanyMapProps {
  centres: Organization[];
  region?: Organization;
}

const FONT_SIZE = 15;

/**
 * A schematic map of Tuscany with a labelled dot per member. It is an image with a title and a description that
 * lists the members and their towns; the member cards carry the same information as text and links.
 */
export function TuscanyMap({ centres, region }: TuscanyMapProps) {
  const id = useId();
  const { t, pick } = useI18n();
  const members = [...centres, ...(region ? [region] : [])]
    .filter((o) => typeof o.profile?.lat === 'number' && typeof o.profile?.lon === 'number')
    .map((o) => ({ org: o, isRegion: o.id === region?.id, ...project(o.profile!.lon!, o.profile!.lat!) }))
    // Place labels from north to south so neighbours push each other consistently.
    .sort((a, b) => a.y - b.y);
  const labels = placeLabels(
    members.map((m) => ({ x: m.x, y: m.y, text: m.org.shortName ?? m.org.name })),
    FONT_SIZE,
  );
  const description = members
    .map((m) => {
      const name = m.org.shortName ?? m.org.name;
      const where = m.org.town ?? pick(m.org.profile?.district)?.text;
      return where ? t('map.member_at', { name, place: where }) : name;
    })
    .join('; ');

  return (
    <svg
      className="tuscany-map"
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={`${id}-title`}>{t('map.title')}</title>
      <desc id={`${id}-desc`}>{description ? `${t('map.desc_intro')} ${description}.` : t('map.desc_empty')}</desc>
      <rect className="map-sea" x="0" y="0" width={MAP_WIDTH} height={MAP_HEIGHT} rx="8" />
      <path className="map-land" d={pathOf(TUSCANY_MAINLAND)} />
      <path className="map-land" d={pathOf(ELBA)} />
      {SMALL_ISLANDS.map(([lon, lat, r]) => {
        const p = project(lon, lat);
        return <circle key={`${lon},${lat}`} className="map-land" cx={p.x} cy={p.y} r={r} />;
      })}
      {members.map((m, i) => {
        const label = labels[i]!;
        const name = m.org.shortName ?? m.org.name;
        return (
          <g key={m.org.id} className={m.isRegion ? 'map-member map-region' : 'map-member'}>
            {m.isRegion ? (
              <rect x={m.x - 6} y={m.y - 6} width="12" height="12" transform={`rotate(45 ${m.x} ${m.y})`} />
            ) : (
              <circle cx={m.x} cy={m.y} r="6.5" />
            )}
            <text x={label.x} y={label.y} textAnchor={label.anchor} fontSize={FONT_SIZE}>
              {name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
