import { sql, type SQLWrapper } from 'drizzle-orm';

/** `tstzrange` helpers for repositories: epoch milliseconds of a range's bounds (float8, the same on PGlite and
 * PostgreSQL) and a half-open range from two instants. */
export const lowerMs = (col: SQLWrapper) => sql<number>`(extract(epoch from lower(${col})) * 1000)::float8`;
export const upperMs = (col: SQLWrapper) => sql<number>`(extract(epoch from upper(${col})) * 1000)::float8`;
export const range = (start: number, end: number) =>
  sql`tstzrange(to_timestamp(${start / 1000}::float8), to_timestamp(${end / 1000}::float8), '[)')`;
