import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, type LocalizedText } from './catalogue.ts';
import { users } from './identity.ts';

export const COMPANY_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];
export const COMPANY_VERIFICATION = ['pending', 'verified', 'rejected'] as const;
export type CompanyVerification = (typeof COMPANY_VERIFICATION)[number];
export const CLAIM_STATES = ['pending', 'verified', 'rejected'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

/**
 * What a company says about itself beyond the catalogue's organisation row (kind `company`): VAT number, size class,
 * what it offers and what it looks for (the ground for relations between companies), and whether a centre verified
 * it. Legal name, province, website, ATECO codes, filiere and description stay on `organizations`.
 */
export const companyProfiles = pgTable(
  'company_profiles',
  {
    organizationId: text('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onUpdate: 'cascade', onDelete: 'cascade' }),
    /** Partita IVA, 11 digits with its check digit; null for companies loaded without one. */
    vatNumber: text('vat_number'),
    sizeClass: text('size_class').$type<CompanySize>(),
    offers: jsonb('offers').$type<LocalizedText>(),
    seeks: jsonb('seeks').$type<LocalizedText>(),
    verification: text('verification').notNull().$type<CompanyVerification>().default('pending'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('company_profiles_vat_unique').on(t.vatNumber),
    check('company_profiles_vat_check', sql`${t.vatNumber} is null or ${t.vatNumber} ~ '^[0-9]{11}$'`),
    check('company_profiles_size_check', sql`${t.sizeClass} is null or ${t.sizeClass} in (${list(COMPANY_SIZES)})`),
    check('company_profiles_verification_check', sql`${t.verification} in (${list(COMPANY_VERIFICATION)})`),
  ],
);

/**
 * A person's claim to act for a company: registering a new one or joining one already known. A centre member (or the
 * nucleus, or an administrator) verifies it — the person then becomes a member of the company and its administrator —
 * or rejects it with a reason. Until then the person may submit requests under the company's name.
 */
export const companyClaims = pgTable(
  'company_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onUpdate: 'cascade', onDelete: 'cascade' }),
    /** `register`: the person registered the company; `join`: they claimed one already known. */
    kind: text('kind').notNull().$type<'register' | 'join'>(),
    state: text('state').notNull().$type<ClaimState>().default('pending'),
    /** What the person says about their place in the company (role, how to check). */
    note: text('note'),
    reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    reviewerOrganizationId: text('reviewer_organization_id').references(() => organizations.id, {
      onUpdate: 'cascade',
    }),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    check('company_claims_state_check', sql`${t.state} in (${list(CLAIM_STATES)})`),
    check('company_claims_kind_check', sql`${t.kind} in ('register','join')`),
    check('company_claims_rejected_reason', sql`${t.state} <> 'rejected' or ${t.reason} is not null`),
    check('company_claims_decided', sql`(${t.state} = 'pending') = (${t.decidedAt} is null)`),
    // One open claim per person and company; decided ones stay as history.
    uniqueIndex('company_claims_one_pending').on(t.userId, t.organizationId).where(sql`${t.state} = 'pending'`),
    index('company_claims_state_idx').on(t.state, t.createdAt),
    index('company_claims_organization_idx').on(t.organizationId),
  ],
);

/** How to reach an organisation: general e-mail, phone, postal address and certified e-mail (PEC). */
export const organizationContacts = pgTable('organization_contacts', {
  organizationId: text('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onUpdate: 'cascade', onDelete: 'cascade' }),
  email: text('email'),
  phone: text('phone'),
  address: text('address'),
  pec: text('pec'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A named contact person for one catalogue record (a lab's equipment, a service…), shown only with the person's
 * recorded consent (`consent_at`).
 */
export const recordContacts = pgTable(
  'record_contacts',
  {
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    name: text('name').notNull(),
    role: text('role'),
    email: text('email'),
    phone: text('phone'),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.recordType, t.recordId] }),
    check('record_contacts_type_check', sql`${t.recordType} in ('competence','service','equipment')`),
  ],
);
