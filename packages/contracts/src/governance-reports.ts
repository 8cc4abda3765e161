import { Type, type Static } from 'typebox';

/**
 * The parts of a verification report other modules contribute (issue 12 §5), as assembled for the report's period
 * and frozen with it: the joint actions under way in the period and the nucleus meetings held in it.
 */
const Text = Type.Object({ it: Type.Optional(Type.String()), en: Type.Optional(Type.String()) });
const OrgRef = Type.Object({ id: Type.String(), name: Type.String() });

export const REPORT_ACTION_STANDINGS = ['on-time', 'late', 'closed'] as const;
export type ReportActionStanding = (typeof REPORT_ACTION_STANDINGS)[number];
export const ReportAction = Type.Object({
  id: Type.String(),
  ref: Type.String(),
  title: Text,
  state: Type.String(),
  /** As of the period's end (or the assembly day when earlier): closed, late (a milestone overdue) or on time. */
  standing: Type.Union([Type.Literal('on-time'), Type.Literal('late'), Type.Literal('closed')]),
  /** For a closed action: closed by its end date with every milestone kept. */
  onTime: Type.Union([Type.Boolean(), Type.Null()]),
  /** 0–100 by milestone weight; null when it has no milestone (shown "—"). */
  progress: Type.Union([Type.Number(), Type.Null()]),
  start: Type.String(),
  end: Type.String(),
  lead: OrgRef,
  partners: Type.Array(OrgRef),
});
export type ReportAction = Static<typeof ReportAction>;
export const ReportActionsSection = Type.Object({
  asOf: Type.String(),
  counts: Type.Object({ onTime: Type.Integer(), late: Type.Integer(), closed: Type.Integer() }),
  items: Type.Array(ReportAction),
});
export type ReportActionsSection = Static<typeof ReportActionsSection>;

export const ReportMeetingAction = Type.Object({
  text: Type.String(),
  owner: Type.Union([Type.String(), Type.Null()]),
  due: Type.Union([Type.String(), Type.Null()]),
  /** Still open when the report was assembled. */
  open: Type.Boolean(),
  overdue: Type.Boolean(),
});
export const ReportMeeting = Type.Object({
  id: Type.String(),
  ref: Type.String(),
  startsAt: Type.String(),
  state: Type.String(),
  decisions: Type.Array(Type.String()),
  actions: Type.Array(ReportMeetingAction),
});
export type ReportMeeting = Static<typeof ReportMeeting>;
export const ReportMeetingsSection = Type.Object({ items: Type.Array(ReportMeeting) });
export type ReportMeetingsSection = Static<typeof ReportMeetingsSection>;

/** Absent in reports assembled before a section existed. */
export const ReportSections = Type.Object({
  actions: Type.Optional(ReportActionsSection),
  meetings: Type.Optional(ReportMeetingsSection),
});
export type ReportSections = Static<typeof ReportSections>;
