import { Type, type Static } from 'typebox';

/** One change to a public record in the change feed (`GET /api/v1/changes`, decision 020). */
export const Change = Type.Object({
  /** Pass the last cursor read as `after`; cursors never expire. */
  cursor: Type.Integer(),
  /** organization, competence, service, equipment, expert, request (more as collections are added). */
  type: Type.String(),
  id: Type.String(),
  op: Type.Union([Type.Literal('upsert'), Type.Literal('delete')]),
  at: Type.String({ format: 'date-time' }),
  /** The record as the public reads it now; null for a delete and for an upsert of a record no longer public. */
  record: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
});
export type Change = Static<typeof Change>;

export const ChangePage = Type.Object({
  items: Type.Array(Change),
  /** The cursor to pass as `after` for the next page; null at the end. */
  next: Type.Union([Type.Integer(), Type.Null()]),
});
export type ChangePage = Static<typeof ChangePage>;

/** `GET /.well-known/clock`: where an instance publishes its open data (absolute URLs). */
export const WellKnownClock = Type.Object({
  name: Type.String(),
  catalog: Type.String(),
  changes: Type.String(),
  api: Type.String(),
});
export type WellKnownClock = Static<typeof WellKnownClock>;
