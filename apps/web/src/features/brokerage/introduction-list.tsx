import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { sendJson } from '../../lib/api.ts';
import { usePost } from './use-post.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { RadioGroup, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { useEditFailureText } from '../editing/edit-failure.ts';
import { useSession } from '../identity/session.tsx';
import {
  AGREEMENT_KINDS,
  OUTCOME_ANSWERS,
  opportunityEndpoints,
  type Introduction,
  type Outcome,
} from './opportunity-api.ts';
import { centresOf, companiesOf } from './brokerage-roles.ts';
import './brokerage-messages.ts';

const FIELDS = ['answer', 'agreementKind', 'note'] as const;

/** A company answers the question it was asked (3 or 6 months after the introduction). */
function OutcomeForm({ r, x, onDone }: { r: Introduction; x: Outcome; onDone: () => void }) {
  const { t } = useI18n();
  const [answer, setAnswer] = useState('');
  const [kind, setKind] = useState('');
  const [note, setNote] = useState('');
  const submit = useSubmit(FIELDS);
  const e = submit.errors.byField;
  const failureText = useEditFailureText(submit.failure);
  const id = `outcome-${x.id}`;
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    const local = localErrors(
      [
        ['answer', !answer, t('form.error.required')],
        ['agreementKind', answer === 'agreement' && !kind, t('brokerage.intro.agreement_kind_required')],
      ],
      FIELDS,
    );
    void submit.run(async () => {
      await sendJson('POST', opportunityEndpoints.outcome(r.id), {
        organization: x.company,
        answer,
        ...(answer === 'agreement' ? { agreementKind: kind } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onDone();
    }, local);
  };
  return (
    <form className="clock-form mt-3" noValidate onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="h6">
        {t('brokerage.intro.question', { months: x.round })}
      </h4>
      <ErrorSummary
        items={submit.errors.items}
        fields={{
          answer: { id: `${id}-answer`, label: t('brokerage.intro.answer') },
          agreementKind: { id: `${id}-kind`, label: t('brokerage.intro.agreement_kind') },
          note: { id: `${id}-note`, label: t('brokerage.intro.note') },
        }}
        attempt={submit.attempt}
        intro={failureText}
      />
      <RadioGroup
        id={`${id}-answer`}
        name={`${id}-answer`}
        legend={t('brokerage.intro.answer')}
        options={OUTCOME_ANSWERS.map((a) => ({ value: a, label: t(`brokerage.outcome.${a}`) }))}
        value={answer}
        onChange={setAnswer}
        error={e.answer}
        required
      />
      {answer === 'agreement' ? (
        <SelectField
          id={`${id}-kind`}
          label={t('brokerage.intro.agreement_kind')}
          value={kind}
          onChange={setKind}
          options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`brokerage.partnership.${k}`) }))}
          emptyLabel="—"
          error={e.agreementKind}
          required
        />
      ) : null}
      <TextField
        id={`${id}-note`}
        label={t('brokerage.intro.note')}
        value={note}
        onChange={setNote}
        error={e.note}
        multiline
        rows={2}
        markOptional
      />
      <button type="submit" className="btn btn-primary btn-sm" disabled={submit.busy}>
        {t('brokerage.intro.send')}
      </button>
    </form>
  );
}

/** One introduction: who, about what, when, and the outcomes asked (with the company's form or the centre's check). */
function IntroductionItem({ r, onChange }: { r: Introduction; onChange: () => void }) {
  const { t, pick, formatDate } = useI18n();
  const { user } = useSession();
  const mine = companiesOf(user);
  const staff = centresOf(user).includes(r.centre.id);
  const { busy, error, post } = usePost(onChange);
  const title = pick(r.opportunity.title);
  const nameOf = (company: string) =>
    company === r.owner?.id
      ? r.owner.name
      : company === r.partner?.id
        ? r.partner.name
        : company === 'owner'
          ? t('brokerage.outcome.owner')
          : company;
  // The question a company of mine may answer: its latest, not yet answered.
  const open = r.outcomes.filter((x) => mine.includes(x.company) && !x.answer).sort((a, b) => b.round - a.round)[0];
  return (
    <li className="border rounded p-3 mb-3">
      <h3 className="h5 mb-1">
        {r.reference} —{' '}
        <Link to={`/opportunita/${r.opportunity.id}`} lang={title?.isFallback ? title.lang : undefined}>
          {title?.text ?? r.opportunity.reference}
        </Link>
      </h3>
      <p className="small mb-2">{t('brokerage.intro.made', { date: formatDate(r.createdAt) })}</p>
      <dl className="row mb-2">
        <dt className="col-sm-4">{t('brokerage.intro.owner')}</dt>
        <dd className="col-sm-8">{r.owner?.name ?? t('brokerage.intro.hidden')}</dd>
        <dt className="col-sm-4">{t('brokerage.intro.partner')}</dt>
        <dd className="col-sm-8">{r.partner?.name ?? t('brokerage.intro.hidden')}</dd>
        <dt className="col-sm-4">{t('brokerage.intro.centre')}</dt>
        <dd className="col-sm-8">{r.centre.name}</dd>
      </dl>
      <h4 className="h6">{t('brokerage.intro.outcomes')}</h4>
      {r.outcomes.length === 0 ? (
        <p className="small">{t('brokerage.intro.no_question')}</p>
      ) : (
        <ul className="list-unstyled small">
          {r.outcomes.map((x) => (
            <li key={x.id} className="mb-2">
              <strong>{t('brokerage.intro.round', { months: x.round })}</strong> · {nameOf(x.company)}:{' '}
              {x.answer
                ? t(`brokerage.outcome.${x.answer}` as 'brokerage.outcome.none')
                : t('brokerage.intro.not_answered')}
              {x.agreementKind
                ? ` (${t(`brokerage.partnership.${x.agreementKind}` as 'brokerage.partnership.commercial')})`
                : ''}
              {x.note ? <span className="d-block fst-italic">{x.note}</span> : null}
              {x.answer === 'agreement' ? (
                x.confirmedAt ? (
                  <span className="d-block">{t('brokerage.intro.confirmed', { date: formatDate(x.confirmedAt) })}</span>
                ) : staff ? (
                  <button
                    type="button"
                    className="btn btn-primary btn-sm d-block mt-1"
                    disabled={!!busy}
                    onClick={post(x.id, opportunityEndpoints.confirm(x.id))}
                  >
                    {t('brokerage.intro.confirm')}
                  </button>
                ) : (
                  <span className="d-block">{t('brokerage.intro.to_confirm')}</span>
                )
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {error ? <ProblemAlert error={error} /> : null}
      {open ? <OutcomeForm r={r} x={open} onDone={onChange} /> : null}
    </li>
  );
}

/** /introduzioni: the introductions the person's companies or centres take part in. */
export function IntroductionList() {
  const { t } = useI18n();
  const list = useApi<{ items: Introduction[] }>(opportunityEndpoints.introductions(), { fresh: true });
  if (list.error) return <ProblemAlert error={list.error} onRetry={list.reload} />;
  if (!list.data) return <LoadingState />;
  if (list.data.items.length === 0) return <EmptyState>{t('brokerage.intro.none')}</EmptyState>;
  return (
    <ul className="list-unstyled">
      {list.data.items.map((r) => (
        <IntroductionItem key={r.id} r={r} onChange={list.reload} />
      ))}
    </ul>
  );
}
