import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { NEWS_STATES, SUBSCRIPTION_STATES, type NewsState, type SubscriptionState } from '@clock/contracts';
import { organizations, type LocalizedText } from './catalogue.ts';
import { users } from './identity.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

/** A news item of the network, written by one or more organisations together (news_organizations). */
export const newsItems = pgTable(
  'news_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human reference, shown as N-0001. */
    number: serial('number').notNull().unique(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    summary: jsonb('summary').$type<LocalizedText>().notNull(),
    body: jsonb('body').$type<LocalizedText>(),
    filiere: text('filiere').array().notNull().default(sql`'{}'`),
    sectors: text('sectors').array().notNull().default(sql`'{}'`),
    s3: text('s3').array().notNull().default(sql`'{}'`),
    state: text('state').$type<NewsState>().notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('news_items_state_check', sql`${t.state} in (${list(NEWS_STATES)})`),
    // A published item has its date: feeds, digests and the list are ordered by it.
    check('news_items_published_at_check', sql`${t.state} = 'draft' or ${t.publishedAt} is not null`),
    index('news_items_published_idx').on(t.publishedAt).where(sql`${t.state} = 'published'`),
  ],
);

/** The organisations that publish a news item; position 0 leads (the caller had to be allowed to publish for it). */
export const newsOrganizations = pgTable(
  'news_organizations',
  {
    newsId: uuid('news_id')
      .notNull()
      .references(() => newsItems.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onUpdate: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.newsId, t.organizationId] }),
    index('news_organizations_organization_idx').on(t.organizationId),
  ],
);

/**
 * A newsletter subscription: an e-mail address (no account needed) confirmed by a link (double opt-in), the topics it
 * follows, and the token of its one-click unsubscribe link (RFC 8058). The token is kept as issued, not hashed: every
 * digest carries it, and it can do nothing but show and end this subscription.
 */
export const newsletterSubscriptions = pgTable(
  'newsletter_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    lang: text('lang').$type<'it' | 'en'>().notNull().default('it'),
    topics: jsonb('topics')
      .$type<{ filiere: string[]; sectors: string[]; s3: string[]; organizations: string[] }>()
      .notNull(),
    state: text('state').$type<SubscriptionState>().notNull().default('pending'),
    /** SHA-256 of the confirmation link's token (pending subscriptions only). */
    confirmTokenHash: text('confirm_token_hash'),
    unsubscribeToken: text('unsubscribe_token').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    /** Everything published up to here was in a digest already (or predates the subscription). */
    digestedUntil: timestamp('digested_until', { withTimezone: true }),
  },
  (t) => [
    check('newsletter_subscriptions_state_check', sql`${t.state} in (${list(SUBSCRIPTION_STATES)})`),
    check('newsletter_subscriptions_lang_check', sql`${t.lang} in ('it','en')`),
    // One live subscription per address; an address that unsubscribed may subscribe again.
    uniqueIndex('newsletter_subscriptions_email_live_idx').on(t.email).where(sql`${t.state} <> 'unsubscribed'`),
    uniqueIndex('newsletter_subscriptions_confirm_idx').on(t.confirmTokenHash),
  ],
);
