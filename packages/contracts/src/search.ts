import { Type, type Static } from 'typebox';

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 500 })),
    lang: Type.Optional(Type.Union([Type.Literal('it'), Type.Literal('en')])),
    type: Type.Optional(
      Type.Union(['organization', 'competence', 'service', 'equipment', 'expert'].map((k) => Type.Literal(k))),
    ),
    organization: Type.Optional(Type.String({ maxLength: 100 })),
    sector: Type.Optional(Type.String({ maxLength: 100 })),
    filiera: Type.Optional(Type.String({ maxLength: 100 })),
    s3: Type.Optional(Type.String({ maxLength: 100 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchHit = Type.Object({
  id: Type.String(),
  type: Type.String(),
  organization: Type.String(),
  title: Type.String(),
  /** HTML-escaped text in which matched words are wrapped in <mark>…</mark>; nothing else is markup. */
  snippet: Type.String(),
  score: Type.Number(),
  lang: Type.String(),
});
export type SearchHit = Static<typeof SearchHit>;

const FacetCounts = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));
export const SearchResponse = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  limit: Type.Integer(),
  hits: Type.Array(SearchHit),
  facets: Type.Object({
    type: FacetCounts,
    organization: FacetCounts,
    sector: FacetCounts,
    filiera: FacetCounts,
    s3: FacetCounts,
  }),
  /**
   * True while the server is still building its search index: the answer comes from a plain text match in the
   * database (every word in the title, description or keywords), without ranking, facets, typo correction or concepts.
   */
  degraded: Type.Optional(Type.Boolean()),
  /** How the query was understood: corrected words, recognised concepts, translations. */
  interpretation: Type.Optional(
    Type.Object({
      corrections: Type.Array(Type.Object({ from: Type.String(), to: Type.String() })),
      concepts: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })),
    }),
  ),
  /** True when the query was longer than the analysis takes (300 content words) or its time ran out: a partial answer. */
  truncated: Type.Optional(Type.Boolean()),
});
export type SearchResponse = Static<typeof SearchResponse>;
