import { Type, type TSchema } from 'typebox';
import { MatchmakingDayView, ParticipantView } from './brokerage.ts';

// What the matchmaking pages read beyond the brokerage contract: the days, a person's place in a day (their profile
// and requests), and the organiser's view of the whole grid.

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Person = Type.Object({ id: Type.String(), name: Type.String(), organization: Nullable(Type.String()) });

export const MatchmakingDayQuery = Type.Object({
  event: Type.Optional(Type.String({ format: 'uuid' })),
  upcoming: Type.Optional(Type.Boolean()),
});
export const MatchmakingDayList = Type.Object({ items: Type.Array(MatchmakingDayView) });

export const MeetingRequestDetail = Type.Object({
  id: Type.String(),
  from: Person,
  to: Person,
  state: Type.String(),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
});

/** The caller's place in a day: their registration, whether they organise it, and the requests they may see. */
export const MatchmakingMine = Type.Object({
  profile: Nullable(ParticipantView),
  organiser: Type.Boolean(),
  /** The caller's requests (sent and received); the organiser sees every request of the day. */
  requests: Type.Array(MeetingRequestDetail),
});

export const UNPLACED_REASONS = ['no-common-slot', 'people-busy', 'tables-full', 'accepted-after-schedule'] as const;

/** The organiser's view of the day: the grid, what could not be placed and why, who needs chasing. */
export const ScheduleGrid = Type.Object({
  scheduledAt: Nullable(Type.String()),
  slots: Type.Array(Type.Object({ slot: Type.Integer(), start: Type.String(), end: Type.String() })),
  tables: Type.Integer(),
  meetings: Type.Array(
    Type.Object({ id: Type.String(), slot: Type.Integer(), table: Type.Integer(), a: Person, b: Person }),
  ),
  unplaced: Type.Array(
    Type.Object({
      request: Type.String(),
      a: Person,
      b: Person,
      reason: Type.Unsafe<(typeof UNPLACED_REASONS)[number]>(Type.Enum(UNPLACED_REASONS)),
    }),
  ),
  /** Participants with no meeting in the agenda. */
  emptyAgendas: Type.Array(Person),
  /** Requests still waiting for an answer. */
  unanswered: Type.Array(MeetingRequestDetail),
});
