import { useId, useState, type FormEvent } from 'react';
import { sendJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useApi } from '../../lib/use-api.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { RadioGroup, TextField } from '../../components/ui/form-fields.tsx';
import { useEditFailureText } from '../editing/edit-failure.ts';
import { clock, matchmakingEndpoints, type Agenda, type AgendaItem } from './matchmaking-api.ts';
import './matchmaking-messages.ts';

/**
 * The participant's agenda: each meeting's time, table and the person met, the calendar file and the PDF to print,
 * and — once a meeting has begun — a rating of it.
 */
export function MyAgenda({ dayId }: { dayId: string }) {
  const { t, lang } = useI18n();
  const agenda = useApi<Agenda>(matchmakingEndpoints.agenda(dayId), { fresh: true });
  if (agenda.error) return <ProblemAlert error={agenda.error} onRetry={agenda.reload} />;
  if (!agenda.data) return <LoadingState />;
  const items = agenda.data.items;
  return (
    <>
      <p className="d-flex flex-wrap gap-3">
        <a href={matchmakingEndpoints.agendaIcs(dayId)} download="agenda.ics">
          {t('mm.agenda.ics')}
        </a>
        <a href={matchmakingEndpoints.agendaPdf(dayId, lang)} download="agenda.pdf">
          {t('mm.agenda.pdf')}
        </a>
      </p>
      {items.length === 0 ? (
        <p>{t('mm.agenda.empty')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table mm-agenda">
            <caption className="visually-hidden">{t('mm.agenda.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mm.agenda.time')}</th>
                <th scope="col">{t('mm.agenda.table')}</th>
                <th scope="col">{t('mm.agenda.with')}</th>
                <th scope="col">{t('mm.agenda.rating')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.meeting}>
                  <td>
                    <time dateTime={m.start}>{clock(m.start)}</time>–<time dateTime={m.end}>{clock(m.end)}</time>
                  </td>
                  <td>{m.table}</td>
                  <th scope="row">
                    {m.with.name}
                    {m.with.organization ? <span className="d-block small">{m.with.organization}</span> : null}
                  </th>
                  <td>
                    <Rating item={m} onDone={agenda.reload} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Rating({ item, onDone }: { item: AgendaItem; onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  const submit = useSubmit(['score', 'comment']);
  const failure = useEditFailureText(submit.failure);
  if (item.rated) return <span>{t('mm.rating.done')}</span>;
  if (new Date(item.start).getTime() > Date.now()) return <span>{t('mm.rating.later')}</span>;
  if (!open)
    return (
      <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setOpen(true)}>
        {t('mm.rating.open', { name: item.with.name })}
      </button>
    );
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    const local = localErrors([['score', !score, t('mm.rating.choose')]], ['score', 'comment']);
    void submit.run(async () => {
      await sendJson('POST', matchmakingEndpoints.rate(item.meeting), {
        score: Number(score),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      onDone();
    }, local);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary
        items={submit.errors.items}
        attempt={submit.attempt}
        intro={failure}
        fields={{ score: { id: `${id}-score-0`, label: t('mm.rating.score') } }}
      />
      <RadioGroup
        id={`${id}-score`}
        name={`${id}-score`}
        legend={t('mm.rating.score_for', { name: item.with.name })}
        options={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))}
        value={score}
        onChange={setScore}
        error={submit.errors.byField.score}
      />
      <TextField id={`${id}-comment`} label={t('mm.rating.comment')} value={comment} onChange={setComment} />
      <button type="submit" className="btn btn-primary btn-sm" disabled={submit.busy}>
        {t('mm.rating.send')}
      </button>
    </form>
  );
}
