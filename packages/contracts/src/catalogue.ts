import { Type, type Static } from 'typebox';
import { Localized } from './common.ts';
import { BookingPolicy } from './bookings.ts';

export const OrganizationKind = Type.Union(
  ['centre', 'company', 'region', 'university', 'research_body', 'association'].map((k) => Type.Literal(k)),
);
export const RecordType = Type.Union(['competence', 'service', 'equipment', 'expert'].map((k) => Type.Literal(k)));
export type RecordType = 'competence' | 'service' | 'equipment' | 'expert';
export const SearchType = Type.Union(
  ['organization', 'competence', 'service', 'equipment', 'expert'].map((k) => Type.Literal(k)),
);
export type SearchType = 'organization' | RecordType;

export const ServiceKind = Type.Union(
  [
    'testing',
    'analysis',
    'consulting',
    'training',
    'certification',
    'incubation',
    'prototyping',
    'funding_support',
    'technology_scouting',
    'other',
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
    Type.Object({
      competence: Type.Integer(),
      service: Type.Integer(),
      equipment: Type.Integer(),
      expert: Type.Integer(),
    }),
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
  s3: Type.Optional(Type.Array(Type.String())),
};
export const Competence = Type.Object({ ...offerFields, trl: Type.Optional(Type.Integer()) });
export const Service = Type.Object({ ...offerFields, kind: Type.Optional(Type.String()) });
export const Equipment = Type.Object({
  ...offerFields,
  lab: Type.Optional(Type.String()),
  location: Type.Optional(Type.String()),
  bookable: Type.Optional(Type.Boolean()),
  access: Type.Optional(Type.String()),
  /** How the instrument is booked on the platform (absent: no booking policy set, not bookable here). */
  booking: Type.Optional(BookingPolicy),
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
  protocol: Type.Object({
    signedOn: Type.Optional(Type.String()),
    place: Type.Optional(Type.String()),
    summary: Localized,
  }),
  aims: Type.Optional(Type.Array(Localized)),
  centres: Type.Array(Organization),
  region: Type.Optional(Organization),
  totals: Type.Object({
    organization: Type.Integer(),
    competence: Type.Integer(),
    service: Type.Integer(),
    equipment: Type.Integer(),
    expert: Type.Integer(),
  }),
  /** A demo installation (loaded with the demo network and its people; GET /demo lists the accounts). */
  demo: Type.Boolean(),
});
export type NetworkOverview = Static<typeof NetworkOverview>;

// ---- writing records through the API ----
// The server validates a body against the clock-bundle/1 record schema and these limits (bundle.rules.ts,
// RECORD_LIMITS), and every code against its taxonomy (GET /taxonomies), listing every problem by field.

const RecordId = Type.String({
  pattern: '^[a-z0-9][a-z0-9._-]{0,99}$',
  description: 'Stable identifier (made from the title when left out)',
});
const Words = (max: number) => Type.String({ minLength: 1, maxLength: max });
const LocalizedWords = (max: number) =>
  Type.Object(
    { it: Type.Optional(Words(max)), en: Type.Optional(Words(max)) },
    {
      additionalProperties: false,
      minProperties: 1,
      description: 'Text in Italian and/or English; at least one language',
    },
  );
const Codes = (description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { uniqueItems: true, description });
const taggedFields = {
  sectors: Type.Optional(Codes('NACE Rev. 2 / ATECO codes of the sector taxonomy (GET /taxonomies), e.g. C17, C30.12')),
  filiere: Type.Optional(Codes('Supply chains (filiere) of the filiera taxonomy')),
};
const offerWriteFields = {
  id: Type.Optional(RecordId),
  organization: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'The organisation offering it (may be left out by a member of exactly one)',
    }),
  ),
  title: LocalizedWords(200),
  description: Type.Optional(LocalizedWords(20000)),
  keywords: Type.Optional(Codes('Free keywords')),
  technologyAreas: Type.Optional(Codes('Codes of the technologyArea taxonomy')),
  ...taggedFields,
  s3: Type.Optional(
    Codes(
      "The record's own priorities of the current regional smart-specialisation strategy (S3 2021-2027) in the s3 taxonomy; without them the record takes its organisation's",
    ),
  ),
};
export const CompetenceWrite = Type.Object(
  { ...offerWriteFields, trl: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })) },
  { additionalProperties: false },
);
export const ServiceWrite = Type.Object(
  { ...offerWriteFields, kind: Type.Optional(ServiceKind) },
  { additionalProperties: false },
);
export const EquipmentWrite = Type.Object(
  {
    ...offerWriteFields,
    lab: Type.Optional(Type.String({ maxLength: 300 })),
    location: Type.Optional(Type.String({ maxLength: 300 })),
    bookable: Type.Optional(Type.Boolean()),
    access: Type.Optional(EquipmentAccess),
  },
  { additionalProperties: false },
);
export const ExpertWrite = Type.Object(
  {
    id: Type.Optional(RecordId),
    organization: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    name: Words(200),
    role: Type.Optional(LocalizedWords(20000)),
    expertise: Type.Optional(LocalizedWords(20000)),
    keywords: Type.Optional(Codes('Free keywords')),
    publicProfile: Type.Optional(
      Type.Boolean({ description: 'The person consented to a public profile; otherwise only network members see it' }),
    ),
  },
  { additionalProperties: false },
);
export const OrganizationWrite = Type.Object(
  {
    id: RecordId,
    kind: OrganizationKind,
    name: Words(300),
    shortName: Type.Optional(Type.String({ maxLength: 60 })),
    town: Type.Optional(Type.String({ maxLength: 120 })),
    province: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'Italian province code (e.g. LU, SI)' })),
    website: Type.Optional(Type.String({ format: 'uri' })),
    description: Type.Optional(LocalizedWords(20000)),
    ...taggedFields,
    s3: Type.Optional(
      Codes(
        'Priorities of the current regional smart-specialisation strategy (S3 2021-2027) in the s3 taxonomy; codes of the 2014-2020 strategy are history, kept on records that had them but not accepted as new tags',
      ),
    ),
  },
  { additionalProperties: false },
);
