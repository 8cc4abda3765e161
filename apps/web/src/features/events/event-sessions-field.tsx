import type { FieldMessage } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { FieldGroup, TextField } from '../../components/ui/form-fields.tsx';
import { emptySession, type SessionDraft } from './event-draft.ts';
import './event-messages.ts';

/** The event's sessions: one row per meeting (day, start, end in Italian time), rows added and removed. */
export function EventSessionsField({
  id,
  rows,
  onChange,
  error,
}: {
  id: string;
  rows: SessionDraft[];
  onChange: (rows: SessionDraft[]) => void;
  error?: FieldMessage;
}) {
  const { t } = useI18n();
  const set = (key: number, part: 'day' | 'start' | 'end') => (value: string) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, [part]: value } : r)));
  return (
    <FieldGroup id={id} legend={t('events.form.sessions')} hint={t('events.form.sessions_hint')} error={error} required>
      <ol className="event-session-rows list-unstyled">
        {rows.map((row, i) => {
          const n = i + 1;
          const rowId = `${id}-${i}`;
          return (
            <li key={row.key} className="event-session-row">
              <fieldset className="field-group">
                <legend className="field-legend h6">{t('events.form.session', { n })}</legend>
                <div className="event-session-fields">
                  <TextField
                    id={`${rowId}-day`}
                    type="date"
                    label={t('events.form.session_day')}
                    value={row.day}
                    onChange={set(row.key, 'day')}
                    required
                  />
                  <TextField
                    id={`${rowId}-start`}
                    type="time"
                    label={t('events.form.session_start')}
                    value={row.start}
                    onChange={set(row.key, 'start')}
                    required
                  />
                  <TextField
                    id={`${rowId}-end`}
                    type="time"
                    label={t('events.form.session_end')}
                    value={row.end}
                    onChange={set(row.key, 'end')}
                    required
                  />
                </div>
                {rows.length > 1 ? (
                  <button
                    type="button"
                    className="btn btn-outline-secondary btn-sm"
                    onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
                  >
                    {t('events.form.session_remove', { n })}
                  </button>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        onClick={() => {
          const last = rows[rows.length - 1];
          // A new row starts from the last one's hours: a course usually keeps them.
          onChange([...rows, { ...emptySession(), start: last?.start ?? '', end: last?.end ?? '' }]);
        }}
      >
        {t('events.form.session_add')}
      </button>
    </FieldGroup>
  );
}
