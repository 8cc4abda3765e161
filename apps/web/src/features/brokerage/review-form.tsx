import { useState, type FormEvent } from 'react';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { ErrorSummary, type SummaryField } from '../../components/ui/error-summary.tsx';
import { RadioGroup, TextField } from '../../components/ui/form-fields.tsx';
import { useEditFailureText } from '../editing/edit-failure.ts';
import {
  opportunityEndpoints,
  PUBLISH_MIN_SCORE,
  PUBLISH_MIN_TOTAL,
  REVIEW_CRITERIA,
  type Opportunity,
} from './opportunity-api.ts';
import './brokerage-messages.ts';
import './brokerage.css';

const ID = 'review';
const FIELDS = [...REVIEW_CRITERIA.map((c) => `scores.${c}`), 'scores', 'decision', 'comment'] as const;
type Scores = Record<(typeof REVIEW_CRITERIA)[number], string>;

/**
 * The handling centre's review: the rubric's four scores (1–5, the total and the threshold shown as one scores), then
 * publish, hold or reject with the comment the company reads.
 */
export function ReviewForm({ o, onDone }: { o: Opportunity; onDone: (o: Opportunity) => void }) {
  const { t } = useI18n();
  const [scores, setScores] = useState<Scores>({ clarity: '', innovation: '', partnerSought: '', completeness: '' });
  const [decision, setDecision] = useState('publish');
  const [comment, setComment] = useState('');
  const submit = useSubmit(FIELDS);
  const e = submit.errors.byField;
  const failureText = useEditFailureText(submit.failure);
  const given = REVIEW_CRITERIA.map((c) => Number(scores[c]) || 0);
  const total = given.reduce((a, b) => a + b, 0);
  const complete = given.every((s) => s > 0);
  const enough = complete && total >= PUBLISH_MIN_TOTAL && given.every((s) => s >= PUBLISH_MIN_SCORE);

  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    const local = localErrors(
      [
        ...REVIEW_CRITERIA.map(
          (c) => [`scores.${c}`, !scores[c], t('form.error.required')] as [string, boolean, string],
        ),
        ...REVIEW_CRITERIA.map(
          (c) =>
            [
              `scores.${c}`,
              decision === 'publish' && !!scores[c] && Number(scores[c]) < PUBLISH_MIN_SCORE,
              t('brokerage.review.low_score', { min: PUBLISH_MIN_SCORE }),
            ] as [string, boolean, string],
        ),
        ['decision', decision === 'publish' && complete && total < PUBLISH_MIN_TOTAL, t('brokerage.review.low_total')],
        ['comment', decision !== 'publish' && !comment.trim(), t('brokerage.review.comment_required')],
      ],
      FIELDS,
    );
    void submit.run(async () => {
      const body = {
        scores: Object.fromEntries(REVIEW_CRITERIA.map((c) => [c, Number(scores[c])])),
        decision,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      };
      const saved = await sendJson<Opportunity>('POST', opportunityEndpoints.review(o.id), body);
      clearApiCache();
      onDone(saved);
    }, local);
  };
  const summary: Partial<Record<string, SummaryField>> = {
    ...Object.fromEntries(
      REVIEW_CRITERIA.map((c) => [`scores.${c}`, { id: `${ID}-${c}`, label: t(`brokerage.review.criterion.${c}`) }]),
    ),
    decision: { id: `${ID}-decision`, label: t('brokerage.review.decision') },
    comment: { id: `${ID}-comment`, label: t('brokerage.review.comment') },
  };
  const levels = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }));
  return (
    <form className="clock-form review-form mb-5" noValidate onSubmit={onSubmit} aria-labelledby="review-title">
      <h2 id="review-title" className="h4">
        {t('brokerage.review.title')}
      </h2>
      <p>{t('brokerage.review.threshold', { total: PUBLISH_MIN_TOTAL, min: PUBLISH_MIN_SCORE })}</p>
      <ErrorSummary items={submit.errors.items} fields={summary} attempt={submit.attempt} intro={failureText} />
      {REVIEW_CRITERIA.map((c) => (
        <RadioGroup
          key={c}
          id={`${ID}-${c}`}
          name={`score-${c}`}
          legend={t(`brokerage.review.criterion.${c}`)}
          hint={t('brokerage.review.score_hint')}
          options={levels}
          value={scores[c]}
          onChange={(v) => setScores((s) => ({ ...s, [c]: v }))}
          error={e[`scores.${c}`]}
          className="review-scale"
          required
        />
      ))}
      <p className="fw-semibold" aria-live="polite">
        {t('brokerage.review.total', { total })}
        {complete ? ` — ${enough ? t('brokerage.review.total_ok') : t('brokerage.review.total_low')}` : ''}
      </p>
      <RadioGroup
        id={`${ID}-decision`}
        name="decision"
        legend={t('brokerage.review.decision')}
        options={(['publish', 'hold', 'reject'] as const).map((d) => ({
          value: d,
          label: t(`brokerage.review.decision.${d}`),
        }))}
        value={decision}
        onChange={setDecision}
        error={e.decision ?? e.scores}
        required
      />
      <TextField
        id={`${ID}-comment`}
        label={t('brokerage.review.comment')}
        hint={t('brokerage.review.comment_hint')}
        value={comment}
        onChange={setComment}
        error={e.comment}
        multiline
        rows={4}
        required={decision !== 'publish'}
        markOptional
      />
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        {t('brokerage.review.send')}
      </button>
    </form>
  );
}
