import type { CatalogueRecord, Equipment, Expert, Localized, Organization } from '@clock/contracts';
import type { RecordType } from './record-kinds.ts';

/**
 * schema.org descriptions (JSON-LD) of what the public pages show, so search engines and other machines read the
 * network, its organisations and their offer without guessing from the HTML. Absolute identifiers are the pages'
 * own addresses on this instance. Pure: the pages render the result with <StructuredData>.
 */

type Pick = (text: Localized | undefined | null) => { text: string } | undefined;
type JsonLd = Record<string, unknown>;

const ORGANIZATION_TYPE: Record<string, string> = {
  centre: 'ResearchOrganization',
  research_body: 'ResearchOrganization',
  region: 'GovernmentOrganization',
  university: 'CollegeOrUniversity',
  company: 'Corporation',
  association: 'NGO',
};

export function organizationUrl(origin: string, id: string): string {
  return `${origin}/organizzazioni/${encodeURIComponent(id)}`;
}

export function organizationJsonLd(o: Organization, origin: string, pick: Pick): JsonLd {
  const url = organizationUrl(origin, o.id);
  return {
    '@type': ORGANIZATION_TYPE[o.kind] ?? 'Organization',
    '@id': url,
    url,
    name: o.name,
    ...(o.shortName && o.shortName !== o.name ? { alternateName: o.shortName } : {}),
    ...(o.website ? { sameAs: o.website } : {}),
    ...(pick(o.description) ? { description: pick(o.description)?.text } : {}),
    ...(o.town || o.province
      ? {
          address: {
            '@type': 'PostalAddress',
            ...(o.town ? { addressLocality: o.town } : {}),
            ...(o.province ? { addressRegion: o.province } : {}),
            addressCountry: 'IT',
          },
        }
      : {}),
    ...(o.profile?.lat !== undefined && o.profile?.lon !== undefined
      ? { geo: { '@type': 'GeoCoordinates', latitude: o.profile.lat, longitude: o.profile.lon } }
      : {}),
  };
}

/** The network: the Region and the centres as members, and the site's search. */
export function networkJsonLd(
  network: { name: string; centres: Organization[]; region?: Organization },
  origin: string,
  pick: Pick,
): JsonLd {
  return {
    '@graph': [
      {
        '@type': 'Organization',
        '@id': `${origin}/#network`,
        name: network.name,
        url: `${origin}/`,
        member: [...(network.region ? [network.region] : []), ...network.centres].map((o) =>
          organizationJsonLd(o, origin, pick),
        ),
      },
      {
        '@type': 'WebSite',
        '@id': `${origin}/#website`,
        url: `${origin}/`,
        name: 'CL.O.C.K. — CLuster Of Clusters for Knowledge',
        publisher: { '@id': `${origin}/#network` },
        potentialAction: {
          '@type': 'SearchAction',
          target: { '@type': 'EntryPoint', urlTemplate: `${origin}/cerca?q={search_term_string}` },
          'query-input': 'required name=search_term_string',
        },
      },
    ],
  };
}

/** A competence or service as a Service, equipment as a Product, a public expert as a Person. */
export function recordJsonLd(
  record: CatalogueRecord,
  type: RecordType,
  o: { origin: string; path: string; pick: Pick; name: string; category: string },
): JsonLd {
  const url = `${o.origin}${o.path}/${encodeURIComponent(record.id)}`;
  const provider = { '@type': 'Organization', '@id': organizationUrl(o.origin, record.organization) };
  if (type === 'expert') {
    const expert = record as Expert;
    return {
      '@type': 'Person',
      '@id': url,
      url,
      name: expert.name,
      ...(o.pick(expert.role) ? { jobTitle: o.pick(expert.role)?.text } : {}),
      ...(o.pick(expert.expertise) ? { description: o.pick(expert.expertise)?.text } : {}),
      ...(expert.keywords?.length ? { knowsAbout: expert.keywords } : {}),
      worksFor: provider,
    };
  }
  const offer = record as Exclude<CatalogueRecord, Expert>;
  const description = o.pick(offer.description)?.text;
  const common = {
    '@id': url,
    url,
    name: o.name,
    ...(description ? { description } : {}),
    ...(offer.keywords?.length ? { keywords: offer.keywords.join(', ') } : {}),
    category: o.category,
  };
  if (type === 'equipment') {
    const equipment = offer as Equipment;
    return {
      '@type': 'Product',
      ...common,
      ...(equipment.location
        ? { additionalProperty: [{ '@type': 'PropertyValue', name: 'location', value: equipment.location }] }
        : {}),
      offers: {
        '@type': 'Offer',
        offeredBy: provider,
        businessFunction: 'http://purl.org/goodrelations/v1#LeaseOut',
        ...(equipment.access ? { description: equipment.access } : {}),
      },
    };
  }
  return { '@type': 'Service', ...common, provider, areaServed: { '@type': 'AdministrativeArea', name: 'Toscana' } };
}
