import { Type, type Static } from 'typebox';

export * from './provinces.ts';

import { COMPANY_SIZES } from './vat.ts';

export * from './vat.ts';

const text = (max: number) => Type.String({ maxLength: max });
/** Free text in Italian and/or English (both optional here; an empty text clears it). */
const Localized = Type.Object(
  { it: Type.Optional(Type.String({ maxLength: 4000 })), en: Type.Optional(Type.String({ maxLength: 4000 })) },
  { additionalProperties: false },
);

export const CompanyRegister = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200, description: 'legal name (ragione sociale)' }),
    vatNumber: Type.String({ minLength: 1, maxLength: 20, description: 'partita IVA: 11 digits with the check digit' }),
    sectors: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), {
      minItems: 1,
      maxItems: 10,
      description: 'ATECO codes from the taxonomy',
    }),
    province: Type.String({ minLength: 2, maxLength: 2 }),
    town: Type.Optional(text(100)),
    website: Type.Optional(text(300)),
    sizeClass: Type.Union(COMPANY_SIZES.map((s) => Type.Literal(s))),
    filiere: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 10 })),
    description: Type.Optional(Localized),
    offers: Type.Optional(Localized),
    seeks: Type.Optional(Localized),
    note: Type.Optional(text(1000)),
  },
  { additionalProperties: false },
);
export type CompanyRegister = Static<typeof CompanyRegister>;

export const CompanyProfilePatch = Type.Object(
  {
    description: Type.Optional(Type.Union([Localized, Type.Null()])),
    offers: Type.Optional(Type.Union([Localized, Type.Null()])),
    seeks: Type.Optional(Type.Union([Localized, Type.Null()])),
    sizeClass: Type.Optional(Type.Union(COMPANY_SIZES.map((s) => Type.Literal(s)))),
    website: Type.Optional(Type.Union([text(300), Type.Null()])),
    town: Type.Optional(Type.Union([text(100), Type.Null()])),
    province: Type.Optional(Type.String({ minLength: 2, maxLength: 2 })),
    sectors: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { minItems: 1, maxItems: 10 })),
    filiere: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type CompanyProfilePatch = Static<typeof CompanyProfilePatch>;

export const ClaimView = Type.Object({
  id: Type.String(),
  company: Type.Object({
    id: Type.String(),
    name: Type.String(),
    province: Type.Union([Type.String(), Type.Null()]),
    vatNumber: Type.Union([Type.String(), Type.Null()]),
  }),
  kind: Type.Union([Type.Literal('register'), Type.Literal('join')]),
  state: Type.Union([Type.Literal('pending'), Type.Literal('verified'), Type.Literal('rejected')]),
  note: Type.Union([Type.String(), Type.Null()]),
  person: Type.Optional(Type.Object({ name: Type.String(), email: Type.String() })),
  reviewer: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
});
export type ClaimView = Static<typeof ClaimView>;

export const CompanyView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  town: Type.Union([Type.String(), Type.Null()]),
  province: Type.Union([Type.String(), Type.Null()]),
  website: Type.Union([Type.String(), Type.Null()]),
  description: Type.Union([Localized, Type.Null()]),
  sectors: Type.Array(Type.String()),
  filiere: Type.Array(Type.String()),
  vatNumber: Type.Union([Type.String(), Type.Null()]),
  sizeClass: Type.Union([Type.String(), Type.Null()]),
  offers: Type.Union([Localized, Type.Null()]),
  seeks: Type.Union([Localized, Type.Null()]),
  verification: Type.String(),
  /** Present for the company's members, centre members, the Region and administrators. */
  members: Type.Optional(
    Type.Array(Type.Object({ name: Type.String(), email: Type.Optional(Type.String()), admin: Type.Boolean() })),
  ),
  /** What the caller may do here. */
  can: Type.Object({ edit: Type.Boolean(), invite: Type.Boolean(), claim: Type.Boolean() }),
  myClaim: Type.Union([ClaimView, Type.Null()]),
});
export type CompanyView = Static<typeof CompanyView>;

export const CompanyListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    vatNumber: Type.Optional(Type.String({ maxLength: 20 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

export const CompanySummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  town: Type.Union([Type.String(), Type.Null()]),
  province: Type.Union([Type.String(), Type.Null()]),
  sizeClass: Type.Union([Type.String(), Type.Null()]),
  verification: Type.String(),
  filiere: Type.Array(Type.String()),
});

export const ClaimDecision = Type.Object(
  { reason: Type.String({ maxLength: 1000, description: 'at least 10 characters: the person reads it' }) },
  { additionalProperties: false },
);

/** How to reach an organisation; every field optional. */
export const OrganizationContact = Type.Object(
  {
    email: Type.Optional(Type.Union([Type.String({ maxLength: 320 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    address: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
    pec: Type.Optional(Type.Union([Type.String({ maxLength: 320 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type OrganizationContact = Static<typeof OrganizationContact>;

/** A named contact person on one record, shown only with their recorded consent. */
export const RecordContact = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    role: Type.Optional(Type.String({ maxLength: 200 })),
    email: Type.Optional(Type.String({ maxLength: 320 })),
    phone: Type.Optional(Type.String({ maxLength: 40 })),
    consent: Type.Boolean({ description: "the person agreed to be shown publicly as this record's contact" }),
  },
  { additionalProperties: false },
);
export type RecordContact = Static<typeof RecordContact>;
