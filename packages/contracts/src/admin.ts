import { Type, type Static } from 'typebox';
import { Paged } from './common.ts';

// The administration area: people, their roles and accounts, invitations (admins and Region officers).

export const ROLE_NAMES = ['admin', 'region', 'nucleus', 'centre-manager', 'centre-staff', 'company'] as const;
const PersonStatus = Type.Union([Type.Literal('active'), Type.Literal('disabled'), Type.Literal('unverified')]);
const Nullable = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Union([t, Type.Null()]);

export const PeopleQuery = Type.Object(
  {
    /** Words of the name or e-mail. */
    q: Type.Optional(Type.String({ maxLength: 200 })),
    organization: Type.Optional(Type.String({ maxLength: 100 })),
    role: Type.Optional(
      Type.Union([
        Type.Literal('admin'),
        Type.Literal('region'),
        Type.Literal('nucleus'),
        Type.Literal('centre-manager'),
        Type.Literal('centre-staff'),
        Type.Literal('company'),
      ]),
    ),
    status: Type.Optional(PersonStatus),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type PeopleQuery = Static<typeof PeopleQuery>;

export const PersonMembership = Type.Object({
  organization: Type.String(),
  organizationName: Type.String(),
  role: Type.String(),
});
const personFields = {
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  platformRole: Nullable(Type.String()),
  status: PersonStatus,
  memberships: Type.Array(PersonMembership),
  createdAt: Type.String(),
  disabledAt: Nullable(Type.String()),
  lastSeenAt: Nullable(Type.String()),
};
export const PersonSummary = Type.Object(personFields);
export type PersonSummary = Static<typeof PersonSummary>;
export const PeoplePage = Paged(PersonSummary);
export type PeoplePage = Static<typeof PeoplePage>;

export const Invitation = Type.Object({
  id: Type.String(),
  email: Type.String(),
  organization: Type.String(),
  role: Type.String(),
  invitedBy: Nullable(Type.String()),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  expired: Type.Boolean(),
});
export type Invitation = Static<typeof Invitation>;

/** One entry of the audit trail about a person (who changed what, when). */
export const PersonAuditEntry = Type.Object({
  at: Type.String(),
  action: Type.String(),
  organization: Nullable(Type.String()),
  actor: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export type PersonAuditEntry = Static<typeof PersonAuditEntry>;

export const PersonDetail = Type.Object({
  ...personFields,
  history: Type.Array(PersonAuditEntry),
  invitations: Type.Array(Invitation),
});
export type PersonDetail = Static<typeof PersonDetail>;

/** A role to grant or revoke: a platform role (admin, region) without organisation, or a role in one organisation. */
export const RoleChange = Type.Object(
  {
    role: Type.String({ minLength: 1, maxLength: 30, description: ROLE_NAMES.join(', ') }),
    organization: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
  },
  { additionalProperties: false },
);
export type RoleChange = Static<typeof RoleChange>;

export const AccountStatusChange = Type.Object({
  changed: Type.Boolean(),
  sessionsEnded: Type.Integer(),
  tokensRevoked: Type.Integer(),
  person: PersonDetail,
});
export type AccountStatusChange = Static<typeof AccountStatusChange>;

export const InvitationSent = Type.Object({
  email: Type.String(),
  organization: Type.String(),
  role: Type.String(),
  expiresInDays: Type.Integer(),
});
