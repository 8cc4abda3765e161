import { Type, type Static } from 'typebox';

/** Text in Italian and/or English; at least one language. */
export const Localized = Type.Object(
  {
    it: Type.Optional(Type.String({ minLength: 1, maxLength: 20000 })),
    en: Type.Optional(Type.String({ minLength: 1, maxLength: 20000 })),
  },
  { additionalProperties: false, minProperties: 1, $id: 'Localized' },
);
export type Localized = Static<typeof Localized>;

export const Lang = Type.Union([Type.Literal('it'), Type.Literal('en')]);
export type Lang = Static<typeof Lang>;

/** RFC 9457 problem details, with every invalid field listed by JSON pointer. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    code: Type.String(),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ pointer: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem' },
);
export type Problem = Static<typeof Problem>;

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};

export function Paged<T extends Parameters<typeof Type.Array>[0]>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    limit: Type.Integer(),
  });
}
