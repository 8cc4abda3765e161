import { Type, type Static } from 'typebox';
import { Lang, Paged } from './common.ts';

export * from './news-values.ts';

const NewsStateSchema = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('withdrawn')]);
/** Text in Italian and/or English (a schema of its own: one schema may not hold a shared $id twice in two shapes). */
const Text = Type.Object(
  {
    it: Type.Optional(Type.String({ minLength: 1, maxLength: 20000 })),
    en: Type.Optional(Type.String({ minLength: 1, maxLength: 20000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
const Code = Type.String({ minLength: 1, maxLength: 60 });
const Codes = (description: string) => Type.Array(Code, { maxItems: 20, description });
const Title = Type.Object(
  {
    it: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    en: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
const Summary = Type.Object(
  {
    it: Type.Optional(Type.String({ minLength: 1, maxLength: 600 })),
    en: Type.Optional(Type.String({ minLength: 1, maxLength: 600 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

const topicFields = {
  filiere: Codes('filiera codes (GET /taxonomies)'),
  sectors: Codes('NACE/ATECO sector codes'),
  s3: Codes('S3 codes'),
};

/** A news item of the network: published by one or more organisations (centres, the Region) together. */
export const NewsItem = Type.Object({
  id: Type.String({ format: 'uuid' }),
  /** Human reference, shown as N-0042. */
  number: Type.Integer(),
  title: Text,
  summary: Text,
  body: Type.Optional(Text),
  /** The publishing organisations, the first one leading. */
  organizations: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  ...topicFields,
  state: NewsStateSchema,
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  updatedAt: Type.String({ format: 'date-time' }),
  /** The absolute address of the item's page. */
  url: Type.String(),
  /** What the caller may do with it now. */
  allowedActions: Type.Array(Type.Union([Type.Literal('edit'), Type.Literal('publish'), Type.Literal('withdraw')])),
});
export type NewsItem = Static<typeof NewsItem>;
export const NewsPage = Paged(NewsItem);
export type NewsPage = Static<typeof NewsPage>;

export const NewsQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    organization: Type.Optional(Type.String({ maxLength: 100 })),
    filiera: Type.Optional(Code),
    sector: Type.Optional(Code),
    s3: Type.Optional(Code),
    from: Type.Optional(Type.String({ format: 'date', description: 'published on or after (YYYY-MM-DD)' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'published on or before (YYYY-MM-DD)' })),
    /** Drafts and withdrawn items: only those of the caller's own organisations. */
    state: Type.Optional(NewsStateSchema),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type NewsQuery = Static<typeof NewsQuery>;

export const NewsCreate = Type.Object(
  {
    organizations: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
      minItems: 1,
      maxItems: 8,
      description: 'the publishing organisations; the caller must be allowed to publish for the first',
    }),
    title: Title,
    summary: Summary,
    body: Type.Optional(Text),
    filiere: Type.Optional(topicFields.filiere),
    sectors: Type.Optional(topicFields.sectors),
    s3: Type.Optional(topicFields.s3),
  },
  { additionalProperties: false },
);
export type NewsCreate = Static<typeof NewsCreate>;

export const NewsUpdate = Type.Partial(NewsCreate, { additionalProperties: false, minProperties: 1 });
export type NewsUpdate = Static<typeof NewsUpdate>;

export const NewsletterTopics = Type.Object(
  {
    ...topicFields,
    organizations: Codes('organisation ids'),
  },
  { additionalProperties: false },
);
export type NewsletterTopics = Static<typeof NewsletterTopics>;

export const SubscriptionCreate = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    lang: Type.Optional(Lang),
    /** Empty (or absent) lists: everything the network publishes. */
    topics: Type.Optional(Type.Partial(NewsletterTopics)),
  },
  { additionalProperties: false },
);
export type SubscriptionCreate = Static<typeof SubscriptionCreate>;

export const TokenBody = Type.Object(
  { token: Type.String({ minLength: 16, maxLength: 200 }) },
  { additionalProperties: false },
);
export type TokenBody = Static<typeof TokenBody>;

/** A subscription as its holder sees it (through the link in their mail). */
export const SubscriptionView = Type.Object({
  /** The address, partly hidden (a link may be forwarded). */
  email: Type.String(),
  lang: Lang,
  topics: NewsletterTopics,
  state: Type.Union([Type.Literal('pending'), Type.Literal('confirmed'), Type.Literal('unsubscribed')]),
});
export type SubscriptionView = Static<typeof SubscriptionView>;
