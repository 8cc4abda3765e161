import { Type, type Static } from 'typebox';

/**
 * The governance dashboard's demand figures: requests submitted in a period counted by the filiera, the sector and
 * the company's province they name (docs/permissions.md, "Governance"). Counts only, never a request's content.
 *
 *   GET /demand?from=&to=[&organization=]   DemandBreakdown
 *
 * Like the KPIs: the Region, the nucleus and administrators count every request (confidential ones as numbers); everyone
 * else counts the non-confidential ones (`scope: "public"`).
 */
const Day = Type.String({ format: 'date', description: 'a calendar day, YYYY-MM-DD (Europe/Rome)' });

export const DemandQuery = Type.Object(
  { from: Day, to: Day, organization: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
  { additionalProperties: false },
);
export type DemandQuery = Static<typeof DemandQuery>;

/** One group: its code (a filiera or sector code, a province's two letters) or null for requests that name none. */
export const DemandGroup = Type.Object({
  key: Type.Union([Type.String(), Type.Null()]),
  requests: Type.Integer(),
  /** Of which confidential (0 in the public scope). */
  confidential: Type.Integer(),
});
export type DemandGroup = Static<typeof DemandGroup>;

export const DemandBreakdown = Type.Object({
  from: Day,
  to: Day,
  organization: Type.Union([Type.String(), Type.Null()]),
  scope: Type.Union([Type.Literal('full'), Type.Literal('public')]),
  total: Type.Integer(),
  byFiliera: Type.Array(DemandGroup),
  bySector: Type.Array(DemandGroup),
  byProvince: Type.Array(DemandGroup),
});
export type DemandBreakdown = Static<typeof DemandBreakdown>;
