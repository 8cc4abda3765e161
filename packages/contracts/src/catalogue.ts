import { Type, type Static } from 'typebox';
import { Localized } from './common.ts';

export const OrganizationKind = Type.Union(
  ['centre', 'company', 'region', 'university', 'research_body', 'association'].map((k) => Type.Literal(k)),
);
export const RecordType = Type.Union(
  ['competence', 'service', 'equipment', 'expert'].map((k) => Type.Literal(k)),
);
export type RecordType = 'competence' | 'service' | 'equipment' | 'expert';
export const SearchType = Type.Union(
  ['organization', 'competence', 'service', 'equipment', 'expert'].map((k) => Type.Literal(k)),
);
export type SearchType = 'organization' | RecordType;

export const ServiceKind = Type.Union(
  [
    'testing', 'analysis', 'consulting', 'training', 'certification', 'incubation',
    'prototyping', 'funding_support', 'technology_scouting', 'other',
  ].map((k) => Type.Literal(k)),
);
export const EquipmentAccess = Type.Union(['internal', 'network', 'public'].map((k) => Type.Literal(k)));

/** Presentation data of a centre that the bundle format does not carry (district, position on the map). */
export const OrganizationProfile = Type.Object({
  district: Type.Optional(Localized),
  lat: Type.Optional(Type.Number()),
  lon: Type.Optional(Type.Number()),
});

export const Organization = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  shortName: Type.Optional(Type.String()),
  town: Type.Optional(Type.String()),
  province: Type.Optional(Type.String()),
  website: Type.Optional(Type.String()),
  description: Type.Optional(Localized),
  sectors: Type.Optional(Type.Array(Type.String())),
  filiere: Type.Optional(Type.Array(Type.String())),
  s3: Type.Optional(Type.Array(Type.String())),
  profile: Type.Optional(OrganizationProfile),
  counts: Type.Optional(
    Type.Object({ competence: Type.Integer(), service: Type.Integer(), equipment: Type.Integer(), expert: Type.Integer() }),
  ),
});
export type Organization = Static<typeof Organization>;

const offerFields = {
  id: Type.String(),
  type: Type.String(),
  organization: Type.String(),
  title: Localized,
  description: Type.Optional(Localized),
  keywords: Type.Optional(Type.Array(Type.String())),
  technologyAreas: Type.Optional(Type.Array(Type.String())),
  sectors: Type.Optional(Type.Array(Type.String())),
  filiere: Type.Optional(Type.Array(Type.String())),
};
export const Competence = Type.Object({ ...offerFields, trl: Type.Optional(Type.Integer()) });
export const Service = Type.Object({ ...offerFields, kind: Type.Optional(Type.String()) });
export const Equipment = Type.Object({
  ...offerFields,
  lab: Type.Optional(Type.String()),
  location: Type.Optional(Type.String()),
  bookable: Type.Optional(Type.Boolean()),
  access: Type.Optional(Type.String()),
});
export const Expert = Type.Object({
  id: Type.String(),
  type: Type.String(),
  organization: Type.String(),
  name: Type.String(),
  role: Type.Optional(Localized),
  expertise: Type.Optional(Localized),
  keywords: Type.Optional(Type.Array(Type.String())),
  publicProfile: Type.Optional(Type.Boolean()),
});
export type Competence = Static<typeof Competence>;
export type Service = Static<typeof Service>;
export type Equipment = Static<typeof Equipment>;
export type Expert = Static<typeof Expert>;
export type CatalogueRecord = Competence | Service | Equipment | Expert;

export const TaxonomyTerm = Type.Object({
  code: Type.String(),
  label: Localized,
  parent: Type.Optional(Type.String()),
});
export type TaxonomyTerm = Static<typeof TaxonomyTerm>;
export const Taxonomies = Type.Object({
  sector: Type.Array(TaxonomyTerm),
  filiera: Type.Array(TaxonomyTerm),
  s3: Type.Array(TaxonomyTerm),
  technologyArea: Type.Array(TaxonomyTerm),
});
export type Taxonomies = Static<typeof Taxonomies>;

/** The network at a glance, for the home and about pages. */
export const NetworkOverview = Type.Object({
  name: Type.String(),
  protocol: Type.Object({ signedOn: Type.Optional(Type.String()), place: Type.Optional(Type.String()), summary: Localized }),
  aims: Type.Optional(Type.Array(Localized)),
  centres: Type.Array(Organization),
  region: Type.Optional(Organization),
  totals: Type.Object({
    organization: Type.Integer(), competence: Type.Integer(), service: Type.Integer(),
    equipment: Type.Integer(), expert: Type.Integer(),
  }),
  /** A demo installation (loaded with the demo network and its people; GET /demo lists the accounts). */
  demo: Type.Boolean(),
});
export type NetworkOverview = Static<typeof NetworkOverview>;
