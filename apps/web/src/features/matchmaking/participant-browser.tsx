import { useId, useMemo, useState, type FormEvent } from 'react';
import { sendJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useApi } from '../../lib/use-api.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { useTermText } from '../catalogue/term-label.tsx';
import { useEditFailureText } from '../editing/edit-failure.ts';
import { matchmakingEndpoints, type MeetingRequest, type Participant } from './matchmaking-api.ts';
import { RequestState, useKindLabel } from './matchmaking-bits.tsx';
import './matchmaking-messages.ts';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * The other participants of the day, filtered by filiera, kind of organisation and words (name, organisation, what
 * they offer and seek), each with a 1:1 meeting request and its short note.
 */
export function ParticipantBrowser({
  dayId,
  me,
  requests,
  onRequested,
}: {
  dayId: string;
  me: string;
  requests: MeetingRequest[];
  onRequested: () => void;
}) {
  const { t, pick } = useI18n();
  const term = useTermText();
  const kindLabel = useKindLabel();
  const list = useApi<{ items: Participant[] }>(matchmakingEndpoints.participants(dayId), { fresh: true });
  const [q, setQ] = useState('');
  const [filiera, setFiliera] = useState('');
  const [kind, setKind] = useState('');
  const others = useMemo(() => (list.data?.items ?? []).filter((p) => p.id !== me), [list.data, me]);
  const filiere = [...new Set(others.flatMap((p) => p.filiere))].sort();
  const kinds = [...new Set(others.map((p) => p.organizationKind).filter((k): k is string => !!k))].sort();
  const words = fold(q.trim());
  const shown = others.filter(
    (p) =>
      (!filiera || p.filiere.includes(filiera)) &&
      (!kind || p.organizationKind === kind) &&
      (!words ||
        fold([p.name, p.organization ?? '', p.offers?.it, p.offers?.en, p.seeks?.it, p.seeks?.en].join(' ')).includes(
          words,
        )),
  );
  const withPerson = (id: string) => requests.find((r) => r.from.id === id || r.to.id === id);

  if (list.error) return <ProblemAlert error={list.error} onRetry={list.reload} />;
  if (!list.data) return <LoadingState />;
  return (
    <>
      <div className="row g-3 mm-filters" role="search" aria-label={t('mm.browse.filters')}>
        <div className="col-md-6">
          <TextField id="mm-q" label={t('mm.browse.q')} value={q} onChange={setQ} />
        </div>
        <div className="col-6 col-md-3">
          <SelectField
            id="mm-filiera"
            label={t('mm.browse.filiera')}
            value={filiera}
            onChange={setFiliera}
            emptyLabel={t('mm.browse.any')}
            options={filiere.map((f) => ({ value: f, label: term('filiera', f) }))}
          />
        </div>
        <div className="col-6 col-md-3">
          <SelectField
            id="mm-kind"
            label={t('mm.browse.kind')}
            value={kind}
            onChange={setKind}
            emptyLabel={t('mm.browse.any')}
            options={kinds.map((k) => ({ value: k, label: kindLabel(k) }))}
          />
        </div>
      </div>
      <p aria-live="polite" className="mm-count">
        {t('mm.browse.count', { shown: shown.length, total: others.length })}
      </p>
      {shown.length === 0 ? (
        <EmptyState>{t('mm.browse.none')}</EmptyState>
      ) : (
        <ul className="list-unstyled mm-participants">
          {shown.map((p) => {
            const offers = pick(p.offers ?? undefined);
            const seeks = pick(p.seeks ?? undefined);
            const asked = withPerson(p.id);
            return (
              <li key={p.id} className="card card-bg mm-participant">
                <div className="card-body">
                  <h3 className="h5 card-title">{p.name}</h3>
                  {p.organization ? (
                    <p className="mm-org">
                      {p.organization}
                      {p.organizationKind ? ` · ${kindLabel(p.organizationKind)}` : ''}
                    </p>
                  ) : null}
                  <dl className="mm-offer">
                    {offers ? (
                      <>
                        <dt>{t('mm.profile.offers')}</dt>
                        <dd lang={offers.isFallback ? offers.lang : undefined}>{offers.text}</dd>
                      </>
                    ) : null}
                    {seeks ? (
                      <>
                        <dt>{t('mm.profile.seeks')}</dt>
                        <dd lang={seeks.isFallback ? seeks.lang : undefined}>{seeks.text}</dd>
                      </>
                    ) : null}
                  </dl>
                  {asked ? (
                    <p>
                      {t(asked.from.id === me ? 'mm.browse.asked' : 'mm.browse.asked_you')}{' '}
                      <RequestState state={asked.state} />
                    </p>
                  ) : (
                    <RequestMeeting dayId={dayId} to={p} onDone={onRequested} />
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** A button that opens a short note and sends the request. */
function RequestMeeting({ dayId, to, onDone }: { dayId: string; to: Participant; onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const submit = useSubmit(['note', 'to']);
  const failure = useEditFailureText(submit.failure);
  if (!open)
    return (
      <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setOpen(true)}>
        {t('mm.request.open', { name: to.name })}
      </button>
    );
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    void submit.run(async () => {
      await sendJson('POST', matchmakingEndpoints.requests(dayId), { to: to.id, note: note.trim() || undefined });
      onDone();
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="mm-request-form">
      <ErrorSummary
        items={submit.errors.items}
        attempt={submit.attempt}
        intro={failure}
        fields={{ note: { id: `${id}-note`, label: t('mm.request.note') } }}
      />
      <TextField
        id={`${id}-note`}
        label={t('mm.request.note_for', { name: to.name })}
        hint={t('mm.request.note_hint')}
        value={note}
        onChange={setNote}
        multiline
        rows={2}
        error={submit.errors.byField.note}
      />
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary btn-sm" disabled={submit.busy}>
          {t('mm.request.send')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setOpen(false)}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
