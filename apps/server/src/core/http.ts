import { Type } from 'typebox';
import { Problem } from '@clock/contracts';

/** Problem responses to declare on a route, so they appear in the OpenAPI document. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, { ...Problem, description: 'RFC 9457 problem details' }]));

export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const Pagination = {
  page: Type.Integer({ minimum: 1, maximum: 10000, default: 1, description: '1-based page number' }),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'items per page (at most 100)' }),
};
