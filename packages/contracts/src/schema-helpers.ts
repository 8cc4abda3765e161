import { Type } from 'typebox';

// Small schema builders shared by the contracts of several modules (not exported from the index).

export const Text = (min: number, max: number) => Type.String({ minLength: min, maxLength: max });
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const Id = Type.String({ minLength: 1, maxLength: 100 });
/** An instant with its offset (2026-03-29T09:00:00+02:00), or on input a bare date meaning that whole day. */
export const Instant = Type.String({
  minLength: 10,
  maxLength: 40,
  description: 'ISO 8601 date-time with offset; a bare date (YYYY-MM-DD) means that whole day in Europe/Rome',
});
export const LocalText = (max: number) =>
  Type.Object(
    { it: Type.Optional(Text(1, max)), en: Type.Optional(Text(1, max)) },
    { additionalProperties: false, minProperties: 1, description: 'Text in Italian and/or English; at least one' },
  );
export const LocalTextOut = Type.Object({ it: Type.Optional(Type.String()), en: Type.Optional(Type.String()) });
