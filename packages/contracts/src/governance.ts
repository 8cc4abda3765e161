import { Type, type Static } from 'typebox';
import { Lang, Localized, PageQuery, Paged } from './common.ts';
import { ReportSections } from './governance-reports.ts';

/**
 * Governance of the protocol: the protocol itself, objectives, KPIs (computed from the platform's data or entered by
 * hand with evidence), targets, the S3 coverage map and the periodic verification reports. Periods are inclusive
 * calendar days (YYYY-MM-DD) in Europe/Rome.
 *
 * Routes (under /api/v1):
 *   GET   /protocols                         ProtocolList (anyone)
 *   POST  /protocols                         ProtocolCreate → 201 Protocol                (Region, admin)
 *   POST  /protocols/:id/renewals            RenewalCreate → 201 Protocol                 (Region, admin)
 *   GET   /kpis?from=&to=[&organization=]    KpiList (aggregates; see docs/permissions.md for who counts what)
 *   GET   /kpis/:code/records?from=&to=      KpiRecords (the ids counted, the first 500 named; nucleus, Region, admin)
 *   GET   /kpi-definitions                   KpiDefinitionList
 *   POST  /kpi-definitions                   KpiDefinitionCreate → 201 (manual KPIs)     (nucleus, Region, admin)
 *   GET   /kpi-targets?kpi=&organization=    KpiTargetList
 *   PUT   /kpi-targets                       KpiTargetWrite → KpiTarget (upsert by kpi × period × scope)
 *   DELETE /kpi-targets/:id                  204
 *   GET   /kpi-values?kpi=&organization=     KpiValueList (manual values)
 *   PUT   /kpi-values                        KpiValueWrite → KpiValue (evidence URL required)
 *   GET   /objectives?from=&to=&organization=&page=&limit=   ObjectiveList {items,total,page,limit}
 *   POST  /objectives                        ObjectiveWrite → 201 Objective
 *   GET   /objectives/:id                    Objective
 *   PATCH /objectives/:id                    ObjectiveEdit → Objective
 *   DELETE /objectives/:id                   204
 *   GET   /s3/coverage                       S3Coverage
 *   GET   /reports?page=&limit=              ReportList                                   (nucleus, Region, admin)
 *   POST  /reports                           ReportCreate {from,to} → 201 Report (draft)  (nucleus, Region, admin)
 *   GET   /reports/:id                       Report
 *   PATCH /reports/:id                       ReportEdit → Report (draft only, else 409)
 *   POST  /reports/:id/sign                  → Report (the next signer only; out of turn 409)
 *   POST  /reports/:id/reopen                ReportReopen {reason} → 201 Report (new revision of a signed one)
 *   GET   /reports/:id/pdf                   application/pdf
 *   GET   /reports/:id/csv                   text/csv
 */

/** Bilingual text as the responses carry it (the `Localized` input schema has an $id a response may hold once only). */
const Text = Type.Object({ it: Type.Optional(Type.String()), en: Type.Optional(Type.String()) });
export const Day = Type.String({ format: 'date', description: 'a calendar day, YYYY-MM-DD (Europe/Rome)' });
const OrgId = Type.String({ minLength: 1, maxLength: 100 });
const KpiCode = Type.String({ pattern: '^[a-z0-9]+([.-][a-z0-9]+)*$', minLength: 2, maxLength: 80 });
const S3Codes = Type.Array(Type.String({ minLength: 1, maxLength: 120 }), { maxItems: 40, uniqueItems: true });

export const RagStatus = Type.Union([
  Type.Literal('green'),
  Type.Literal('amber'),
  Type.Literal('red'),
  Type.Literal('none'),
]);
export type RagStatus = Static<typeof RagStatus>;
export const KpiKind = Type.Union([
  Type.Literal('count'),
  Type.Literal('percentage'),
  Type.Literal('amount'),
  Type.Literal('boolean'),
]);
export const KpiDirection = Type.Union([Type.Literal('up'), Type.Literal('down')]);
export const KpiAggregation = Type.Union([
  Type.Literal('sum'),
  Type.Literal('mean'),
  Type.Literal('median'),
  Type.Literal('last'),
]);
export const KpiSourceKind = Type.Union([Type.Literal('computed'), Type.Literal('manual')]);

export const PeriodQuery = Type.Object(
  { from: Day, to: Day, organization: Type.Optional(OrgId), lang: Type.Optional(Lang) },
  { additionalProperties: false },
);
export type PeriodQuery = Static<typeof PeriodQuery>;
export const RecordsQuery = Type.Object(
  { from: Day, to: Day, organization: Type.Optional(OrgId) },
  { additionalProperties: false },
);

export const Kpi = Type.Object({
  code: Type.String(),
  label: Type.String(),
  labels: Text,
  value: Type.Union([Type.Number(), Type.Null()]),
  unit: Type.String(),
  kind: KpiKind,
  direction: KpiDirection,
  numerator: Type.Optional(Type.Number()),
  denominator: Type.Optional(Type.Number()),
  target: Type.Union([Type.Number(), Type.Null()]),
  baseline: Type.Union([Type.Number(), Type.Null()]),
  status: RagStatus,
  source: KpiSourceKind,
  /** How many records it counted (computed KPIs); the ids at /kpis/:code/records. */
  records: Type.Optional(Type.Integer()),
  evidence: Type.Optional(Type.Array(Type.String())),
});
export type Kpi = Static<typeof Kpi>;
export const KpiList = Type.Object({
  from: Day,
  to: Day,
  organization: Type.Union([Type.String(), Type.Null()]),
  /** `full`: every request counted, confidential ones included; `public`: non-confidential aggregates only. */
  scope: Type.Union([Type.Literal('full'), Type.Literal('public')]),
  items: Type.Array(Kpi),
});
export type KpiList = Static<typeof KpiList>;
/** A readable name for a record a KPI counted (its page is the record's, or `page`'s: a registration's event). */
export const KpiRecordLabel = Type.Object({
  /** R-0012, A-0003, E-0004, B-0033, IN-0002. */
  ref: Type.String(),
  /** Absent when the reader may not see it (a confidential request for the Region): the number alone. */
  title: Type.Optional(Text),
  day: Type.Optional(Type.String({ format: 'date' })),
  page: Type.Optional(Type.String()),
});
export type KpiRecordLabel = Static<typeof KpiRecordLabel>;

export const KpiRecords = Type.Object({
  code: Type.String(),
  recordType: Type.String(),
  items: Type.Array(Type.String()),
  total: Type.Integer(),
  /** Names of the first 500 records by id (requests, actions, events, registrations, bookings, introductions). */
  labels: Type.Record(Type.String(), KpiRecordLabel),
});
export type KpiRecords = Static<typeof KpiRecords>;

export const KpiDefinition = Type.Object({
  code: Type.String(),
  label: Text,
  unit: Type.String(),
  kind: KpiKind,
  direction: KpiDirection,
  aggregation: KpiAggregation,
  source: KpiSourceKind,
  public: Type.Boolean(),
});
export type KpiDefinition = Static<typeof KpiDefinition>;
export const KpiDefinitionList = Type.Object({ items: Type.Array(KpiDefinition) });
export const KpiDefinitionCreate = Type.Object(
  {
    code: KpiCode,
    label: Localized,
    unit: Type.String({ minLength: 1, maxLength: 40 }),
    kind: KpiKind,
    direction: KpiDirection,
    aggregation: KpiAggregation,
    public: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type KpiDefinitionCreate = Static<typeof KpiDefinitionCreate>;

const Num = Type.Number({ minimum: -1e12, maximum: 1e12 });
export const KpiTargetWrite = Type.Object(
  {
    kpi: KpiCode,
    from: Day,
    to: Day,
    organization: Type.Optional(Type.Union([OrgId, Type.Null()])),
    baseline: Type.Optional(Type.Union([Num, Type.Null()])),
    target: Num,
  },
  { additionalProperties: false },
);
export type KpiTargetWrite = Static<typeof KpiTargetWrite>;
export const KpiTarget = Type.Object({
  id: Type.String(),
  kpi: Type.String(),
  from: Day,
  to: Day,
  organization: Type.Union([Type.String(), Type.Null()]),
  baseline: Type.Union([Type.Number(), Type.Null()]),
  target: Type.Number(),
});
export type KpiTarget = Static<typeof KpiTarget>;
export const KpiTargetList = Type.Object({ items: Type.Array(KpiTarget) });
export const KpiFilterQuery = Type.Object(
  { kpi: Type.Optional(KpiCode), organization: Type.Optional(OrgId) },
  { additionalProperties: false },
);

export const KpiValueWrite = Type.Object(
  {
    kpi: KpiCode,
    from: Day,
    to: Day,
    organization: Type.Optional(Type.Union([OrgId, Type.Null()])),
    /** A number (count, amount; a percentage may give numerator and denominator instead) or, for yes/no KPIs, a boolean. */
    value: Type.Optional(Type.Union([Num, Type.Boolean()])),
    numerator: Type.Optional(Type.Number({ minimum: 0, maximum: 1e12 })),
    denominator: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1e12 })),
    evidenceUrl: Type.String({ format: 'uri', pattern: '^https?://', minLength: 8, maxLength: 2000 }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type KpiValueWrite = Static<typeof KpiValueWrite>;
export const KpiValue = Type.Object({
  id: Type.String(),
  kpi: Type.String(),
  from: Day,
  to: Day,
  organization: Type.Union([Type.String(), Type.Null()]),
  value: Type.Union([Type.Number(), Type.Boolean()]),
  numerator: Type.Union([Type.Number(), Type.Null()]),
  denominator: Type.Union([Type.Number(), Type.Null()]),
  evidenceUrl: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  enteredBy: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  enteredAt: Type.String(),
});
export type KpiValue = Static<typeof KpiValue>;
export const KpiValueList = Type.Object({ items: Type.Array(KpiValue) });

export const ObjectiveWrite = Type.Object(
  {
    from: Day,
    to: Day,
    organization: Type.Optional(Type.Union([OrgId, Type.Null()])),
    text: Localized,
    s3: Type.Optional(S3Codes),
    kpis: Type.Optional(Type.Array(KpiCode, { maxItems: 20, uniqueItems: true })),
    public: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ObjectiveWrite = Static<typeof ObjectiveWrite>;
export const ObjectiveEdit = Type.Partial(ObjectiveWrite, { additionalProperties: false, minProperties: 1 });
export type ObjectiveEdit = Static<typeof ObjectiveEdit>;
export const Objective = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  from: Day,
  to: Day,
  organization: Type.Union([Type.String(), Type.Null()]),
  text: Text,
  s3: Type.Array(Type.String()),
  kpis: Type.Array(Type.String()),
  public: Type.Boolean(),
});
export type Objective = Static<typeof Objective>;
export const ObjectiveList = Paged(Objective);
export const ObjectiveListQuery = Type.Object(
  { from: Type.Optional(Day), to: Type.Optional(Day), organization: Type.Optional(OrgId), ...PageQuery },
  { additionalProperties: false },
);
export type ObjectiveListQuery = Static<typeof ObjectiveListQuery>;

const Party = Type.Object({ organization: OrgId, role: Type.Union([Type.Literal('centre'), Type.Literal('region')]) });
export const ProtocolCreate = Type.Object(
  {
    title: Localized,
    signedOn: Day,
    place: Type.Optional(Type.String({ maxLength: 300 })),
    termMonths: Type.Integer({ minimum: 1, maximum: 240 }),
    /** In signing order: the centres, then the Region (last). */
    parties: Type.Array(Party, { minItems: 2, maxItems: 30 }),
  },
  { additionalProperties: false },
);
export type ProtocolCreate = Static<typeof ProtocolCreate>;
export const RenewalCreate = Type.Object(
  { renewedOn: Day, termMonths: Type.Integer({ minimum: 1, maximum: 240 }), note: Type.Optional(Localized) },
  { additionalProperties: false },
);
export type RenewalCreate = Static<typeof RenewalCreate>;
export const Protocol = Type.Object({
  id: Type.String(),
  title: Text,
  signedOn: Day,
  place: Type.Union([Type.String(), Type.Null()]),
  termMonths: Type.Integer(),
  /** The last day in force, renewals included. */
  endsOn: Day,
  parties: Type.Array(Type.Object({ organization: Type.String(), name: Type.String(), role: Type.String() })),
  renewals: Type.Array(
    Type.Object({ renewedOn: Day, termMonths: Type.Integer(), note: Type.Union([Text, Type.Null()]) }),
  ),
});
export type Protocol = Static<typeof Protocol>;
export const ProtocolList = Type.Object({ items: Type.Array(Protocol) });

const CoverageRecord = Type.Object({ type: Type.String(), id: Type.String(), title: Type.String() });
export const S3Coverage = Type.Object({
  scheme: Type.String(),
  priorities: Type.Array(Type.Object({ code: Type.String(), label: Text })),
  areas: Type.Array(Type.Object({ code: Type.String(), label: Text })),
  cells: Type.Array(
    Type.Object({ priority: Type.String(), area: Type.String(), organization: Type.String(), records: Type.Integer() }),
  ),
  gaps: Type.Array(Type.Object({ priority: Type.String(), area: Type.String() })),
  overlaps: Type.Array(
    Type.Object({
      organizations: Type.Tuple([Type.String(), Type.String()]),
      priority: Type.String(),
      area: Type.String(),
      similarity: Type.Number(),
      records: Type.Array(CoverageRecord),
    }),
  ),
  measure: Type.Object({ name: Type.String(), threshold: Type.Number() }),
});
export type S3Coverage = Static<typeof S3Coverage>;

export const ReportCreate = Type.Object({ from: Day, to: Day }, { additionalProperties: false });
const Override = Type.Object(
  {
    objective: Type.String({ minLength: 1, maxLength: 100 }),
    status: Type.Union([Type.Literal('green'), Type.Literal('amber'), Type.Literal('red')]),
    comment: Type.String({ minLength: 3, maxLength: 4000 }),
  },
  { additionalProperties: false },
);
export const ReportEdit = Type.Object(
  {
    conclusions: Type.Optional(Type.Union([Type.String({ maxLength: 20000 }), Type.Null()])),
    adjustments: Type.Optional(Type.Union([Type.String({ maxLength: 20000 }), Type.Null()])),
    overrides: Type.Optional(Type.Array(Override, { maxItems: 200 })),
    /** The caller's centre's comment (its nucleus member); `organization` when the caller represents several. */
    comment: Type.Optional(
      Type.Object(
        { text: Type.String({ minLength: 1, maxLength: 8000 }), organization: Type.Optional(OrgId) },
        { additionalProperties: false },
      ),
    ),
    /** Assemble the KPIs and objectives again from live data. */
    refresh: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ReportEdit = Static<typeof ReportEdit>;
export const ReportReopen = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 4000 }) },
  { additionalProperties: false },
);
export const ReportObjective = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  organization: Type.Union([Type.String(), Type.Null()]),
  text: Text,
  kpis: Type.Array(Type.String()),
  computedStatus: RagStatus,
  status: RagStatus,
  override: Type.Union([Type.Object({ status: Type.String(), comment: Type.String() }), Type.Null()]),
  /** Its KPIs as assembled for its scope (the network, or its centre): value, pro-rata target, status. */
  values: Type.Array(
    Type.Object({
      code: Type.String(),
      value: Type.Union([Type.Number(), Type.Null()]),
      unit: Type.String(),
      target: Type.Union([Type.Number(), Type.Null()]),
      status: RagStatus,
    }),
  ),
});
export const Report = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  from: Day,
  to: Day,
  revision: Type.Integer(),
  previous: Type.Union([Type.String(), Type.Null()]),
  reopenReason: Type.Union([Type.String(), Type.Null()]),
  state: Type.Union([Type.Literal('draft'), Type.Literal('signing'), Type.Literal('signed'), Type.Literal('reopened')]),
  conclusions: Type.Union([Type.String(), Type.Null()]),
  adjustments: Type.Union([Type.String(), Type.Null()]),
  kpis: Type.Array(Kpi),
  objectives: Type.Array(ReportObjective),
  comments: Type.Array(
    Type.Object({ organization: Type.String(), comment: Type.String(), author: Type.String(), at: Type.String() }),
  ),
  signatures: Type.Array(
    Type.Object({
      position: Type.Integer(),
      organization: Type.String(),
      role: Type.String(),
      signer: Type.Union([Type.String(), Type.Null()]),
      signedAt: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  nextSigner: Type.Union([Type.Object({ organization: Type.String(), role: Type.String() }), Type.Null()]),
  contentHash: Type.Union([Type.String(), Type.Null()]),
  assembledAt: Type.String(),
  signedAt: Type.Union([Type.String(), Type.Null()]),
  /** The joint actions and nucleus meetings of the period (governance-reports.ts). */
  sections: ReportSections,
});
export type Report = Static<typeof Report>;
export const ReportList = Paged(
  Type.Object({
    ...Type.Pick(Report, ['id', 'reference', 'from', 'to', 'revision', 'state', 'contentHash', 'signedAt']).properties,
    /** Signatures given so far, out of how many. */
    signatures: Type.Object({ given: Type.Integer(), of: Type.Integer() }),
  }),
);
export const ReportListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
