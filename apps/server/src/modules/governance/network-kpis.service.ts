import { actionsOnTimeBetween } from '../actions/action-kpis.service.ts';
import { agreementsBetween, introductionsBetween } from '../brokerage/introductions.service.ts';
import { participationBetween } from '../events/organizers.service.ts';
import type { ComputedKpi } from './kpis.registry.ts';

/**
 * The KPIs counted from the other parts of the protocol: joint actions on time, events held and their participants,
 * introductions between companies and the agreements they led to. Each reads through the owning module's service and
 * keeps the ids it counted (traceability).
 */
const base = {
  unit: 'count',
  kind: 'count',
  direction: 'up',
  aggregation: 'sum',
  public: true,
} as const;

export const ACTION_KPIS: ComputedKpi[] = [
  {
    ...base,
    code: 'actions.on-time',
    label: { it: 'Azioni congiunte nei tempi', en: 'Joint actions on time' },
    unit: '%',
    kind: 'percentage',
    aggregation: 'mean',
    recordType: 'action',
    async compute(p, scope, db) {
      const r = await actionsOnTimeBetween(db, p.from, p.to, scope.organization ?? undefined);
      return {
        value: r.value,
        unit: '%',
        numerator: r.numerator,
        denominator: r.denominator,
        records: r.records.map((a) => a.id),
      };
    },
  },
];

/** Participation in the period: the registrations of events held in it (a session in the period). */
type Args = Parameters<ComputedKpi['compute']>;
const participation = (p: Args[0], organization: string | null, db: Args[2]) =>
  participationBetween({ db: db as never }, new Date(p.start), new Date(p.end), organization ?? undefined);

export const EVENT_KPIS: ComputedKpi[] = [
  {
    ...base,
    code: 'events.held',
    label: { it: 'Eventi svolti con presenze registrate', en: 'Events held with attendance recorded' },
    recordType: 'event',
    async compute(p, scope, db) {
      const f = await participation(p, scope.organization, db);
      return { value: f.held.length, unit: 'count', records: f.held };
    },
  },
  {
    ...base,
    code: 'events.participants',
    label: { it: 'Partecipanti agli eventi', en: 'Event participants' },
    recordType: 'event-registration',
    async compute(p, scope, db) {
      const f = await participation(p, scope.organization, db);
      return { value: f.ids.attended!.length, unit: 'count', records: f.ids.attended! };
    },
  },
];

export const INTRODUCTION_KPIS: ComputedKpi[] = [
  {
    ...base,
    code: 'introductions.made',
    label: { it: 'Presentazioni tra imprese', en: 'Introductions between companies' },
    recordType: 'introduction',
    async compute(p, scope, db) {
      const r = await introductionsBetween(db, new Date(p.start), new Date(p.end), scope.organization ?? undefined);
      return { value: r.count, unit: 'count', records: r.ids };
    },
  },
  {
    ...base,
    code: 'introductions.agreements',
    label: { it: 'Accordi nati dalle presentazioni', en: 'Agreements from introductions' },
    recordType: 'introduction',
    async compute(p, scope, db) {
      const r = await agreementsBetween(db, new Date(p.start), new Date(p.end), scope.organization ?? undefined);
      return { value: r.count, unit: 'count', records: r.ids };
    },
  },
];
