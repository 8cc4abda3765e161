import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { expect } from 'vitest';

/** Values that have broken parsers before: empty, traversal, injection, impossible dates, huge, emoji. */
export const NASTY = [
  '',
  ' ',
  'null',
  '../../etc/passwd',
  '%00',
  "'; drop table bookings; --",
  '2026-02-30',
  '2026-03-29T02:30:00+01:00',
  '9999-12-31T23:59:59Z',
  '0000-01-01',
  '2026-01-01T25:00:00Z',
  '-1',
  '1e309',
  'FREQ=SECONDLY',
  'FREQ=DAILY;COUNT=999999999',
  'RRULE:FREQ=WEEKLY;BYDAY=XX',
  'x'.repeat(5000),
  '😀',
  '00000000-0000-0000-0000-000000000000',
];
export const value = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxKeys: 3 }),
);
/** A body with the route's field names (and strangers), each given a hostile value. */
export const body = (fields: string[]) =>
  fc.dictionary(fc.constantFrom(...fields, 'extra', '__proto__'), value, { maxKeys: fields.length + 1 });

export interface FuzzRoute {
  method: string;
  url: () => string;
  fields?: string[];
  query?: string[];
}

/**
 * Sends hostile bodies and query strings to each route as each caller, and nasty ids to the id routes (with a body
 * whose `bodyFields` carry the id too); returns the requests answered 5xx. Every 4xx must be problem+json.
 */
export async function hostileRequests(
  app: FastifyInstance,
  headers: Record<string, Record<string, string>>,
  routes: FuzzRoute[],
  idRoutes: readonly (readonly [string, string])[],
  bodyFields: Record<string, true>,
  callers = Object.keys(headers),
): Promise<string[]> {
  const failures: string[] = [];
  const check = async (method: string, url: string, who: string, payload?: unknown) => {
    const r = await app.inject({
      method: method as 'POST',
      url,
      headers: headers[who],
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    if (r.statusCode >= 500)
      failures.push(
        `${method} ${url} ${JSON.stringify(payload)?.slice(0, 200)} → ${r.statusCode} ${r.body.slice(0, 200)}`,
      );
    else if (r.statusCode >= 400) expect(r.headers['content-type']).toMatch(/problem\+json/);
  };
  for (const route of routes) {
    const cases = fc.sample(route.fields ? body(route.fields) : body(route.query!), 25);
    for (const c of cases)
      for (const who of callers) {
        if (route.fields) await check(route.method, route.url(), who, c);
        else {
          const qs = Object.entries(c)
            .map(
              ([k, v]) =>
                `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`,
            )
            .join('&');
          await check(route.method, `${route.url()}?${qs}`, who);
        }
      }
  }
  for (const [method, template] of idRoutes)
    for (const id of NASTY.filter((n) => n.trim() && !n.includes('/')).concat(['%2e%2e', 'a'.repeat(99)]))
      await check(
        method,
        template.replace(':id', encodeURIComponent(id)),
        callers[0]!,
        method === 'GET' || method === 'DELETE'
          ? undefined
          : Object.fromEntries(Object.keys(bodyFields).map((k) => [k, id])),
      );
  return failures;
}
