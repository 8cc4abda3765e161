import { useState, type FormEvent } from 'react';
import { sendJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { Checkbox, FieldGroup, TextField } from '../../components/ui/form-fields.tsx';
import { ErrorSummary, type SummaryField } from '../../components/ui/error-summary.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { bookingEndpoints, type OpeningRule } from './booking-api.ts';
import { romeToday } from './rome-time.ts';
import './booking-messages.ts';

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const WEEKDAY_LABEL: Record<(typeof WEEKDAYS)[number], MessageKey> = {
  MO: 'booking.weekday.MO',
  TU: 'booking.weekday.TU',
  WE: 'booking.weekday.WE',
  TH: 'booking.weekday.TH',
  FR: 'booking.weekday.FR',
  SA: 'booking.weekday.SA',
  SU: 'booking.weekday.SU',
};

/** A rule as the form edits it: the weekdays of a weekly rule, or the RRULE as written when it is anything else. */
interface RuleDraft {
  days: string[];
  /** Set when the rule is not a plain weekly one: kept as written. */
  rrule: string | null;
  startDate: string;
  from: string;
  to: string;
  assisted: boolean;
}

function clockMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
function clockOf(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function draftOf(rule: OpeningRule): RuleDraft {
  const weekly = /^FREQ=WEEKLY;BYDAY=((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*)$/.exec(rule.rrule);
  return {
    days: weekly ? weekly[1]!.split(',') : [],
    rrule: weekly ? null : rule.rrule,
    startDate: rule.startDate,
    from: rule.startTime,
    to: clockOf(clockMinutes(rule.startTime) + rule.minutes),
    assisted: rule.assisted,
  };
}

/** The rule to send: the window's length from its two times (past midnight when the end is earlier). */
export function ruleOf(draft: RuleDraft): OpeningRule {
  const length = clockMinutes(draft.to) - clockMinutes(draft.from);
  const days = WEEKDAYS.filter((d) => draft.days.includes(d));
  return {
    rrule: draft.rrule ?? `FREQ=WEEKLY;BYDAY=${days.join(',')}`,
    startDate: draft.startDate,
    startTime: draft.from,
    minutes: length > 0 ? length : length + 1440,
    assisted: draft.assisted,
  };
}

function fieldsOf(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    ['rrule', 'startDate', 'startTime', 'minutes', 'assisted'].map((f) => `items.${i}.${f}`),
  ).flat();
}

/** The instrument's opening hours: weekly windows (days, from, to, technician present); replaced as a whole. */
export function OpeningHoursForm({
  equipment,
  rules,
  onSaved,
}: {
  equipment: string;
  rules: OpeningRule[];
  onSaved: (said: string) => void;
}) {
  const { t } = useI18n();
  const [drafts, setDrafts] = useState<RuleDraft[]>(() => rules.map(draftOf));
  const submit = useSubmit(fieldsOf(drafts.length));
  const change = (i: number, patch: Partial<RuleDraft>) =>
    setDrafts((all) => all.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      await sendJson('PUT', bookingEndpoints.openingRules(equipment), { items: drafts.map(ruleOf) });
      onSaved(t('booking.hours.saved'));
    });
  };
  const summary: Record<string, SummaryField> = {};
  drafts.forEach((_, i) => {
    const n = i + 1;
    summary[`items.${i}.rrule`] = { id: `hours-${i}-days`, label: t('booking.hours.days_of', { n }) };
    summary[`items.${i}.startDate`] = { id: `hours-${i}-from`, label: t('booking.hours.from_of', { n }) };
    summary[`items.${i}.startTime`] = { id: `hours-${i}-from`, label: t('booking.hours.from_of', { n }) };
    summary[`items.${i}.minutes`] = { id: `hours-${i}-to`, label: t('booking.hours.to_of', { n }) };
    summary[`items.${i}.assisted`] = { id: `hours-${i}-assisted`, label: t('booking.hours.assisted_of', { n }) };
  });
  const err = (i: number, f: string) => submit.errors.byField[`items.${i}.${f}`];
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="hours-title" className="mb-5">
      <h2 id="hours-title" className="h4">
        {t('booking.hours.title')}
      </h2>
      <p>{t('booking.hours.intro')}</p>
      <ErrorSummary items={submit.errors.items} attempt={submit.attempt} fields={summary} />
      {submit.failure ? <ProblemAlert error={submit.failure} /> : null}
      {drafts.map((d, i) => (
        <FieldGroup key={i} id={`hours-${i}`} legend={t('booking.hours.rule', { n: i + 1 })} className="opening-rule">
          {d.rrule === null ? (
            <FieldGroup id={`hours-${i}-days`} legend={t('booking.hours.days')} error={err(i, 'rrule')}>
              <ul className="weekday-choices">
                {WEEKDAYS.map((w) => (
                  <li key={w}>
                    <Checkbox
                      id={`hours-${i}-${w}`}
                      label={t(WEEKDAY_LABEL[w])}
                      checked={d.days.includes(w)}
                      onChange={(on) => change(i, { days: on ? [...d.days, w] : d.days.filter((x) => x !== w) })}
                    />
                  </li>
                ))}
              </ul>
            </FieldGroup>
          ) : (
            <TextField
              id={`hours-${i}-days`}
              label={t('booking.hours.rrule')}
              value={d.rrule}
              onChange={(v) => change(i, { rrule: v })}
              error={err(i, 'rrule')}
            />
          )}
          <div className="row">
            <div className="col-6">
              <TextField
                id={`hours-${i}-from`}
                label={t('booking.hours.from')}
                type="text"
                inputMode="numeric"
                hint={t('booking.hours.time_hint')}
                value={d.from}
                onChange={(v) => change(i, { from: v })}
                error={err(i, 'startTime') ?? err(i, 'startDate')}
              />
            </div>
            <div className="col-6">
              <TextField
                id={`hours-${i}-to`}
                label={t('booking.hours.to')}
                type="text"
                inputMode="numeric"
                hint={t('booking.hours.time_hint')}
                value={d.to}
                onChange={(v) => change(i, { to: v })}
                error={err(i, 'minutes')}
              />
            </div>
          </div>
          <Checkbox
            id={`hours-${i}-assisted`}
            label={t('booking.hours.assisted')}
            checked={d.assisted}
            onChange={(on) => change(i, { assisted: on })}
            error={err(i, 'assisted')}
          />
          <button
            type="button"
            className="btn btn-outline-danger btn-sm"
            onClick={() => setDrafts((all) => all.filter((_, j) => j !== i))}
          >
            {t('booking.hours.remove', { n: i + 1 })}
          </button>
        </FieldGroup>
      ))}
      <p>
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          onClick={() =>
            setDrafts((all) => [
              ...all,
              {
                days: ['MO', 'TU', 'WE', 'TH', 'FR'],
                rrule: null,
                startDate: romeToday(),
                from: '09:00',
                to: '17:00',
                assisted: false,
              },
            ])
          }
        >
          {t('booking.hours.add')}
        </button>
      </p>
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        {t('booking.hours.save')}
      </button>
    </form>
  );
}
