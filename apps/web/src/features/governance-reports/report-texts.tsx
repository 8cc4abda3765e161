import { useState, type FormEvent } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { localErrors } from '../../lib/form-errors.ts';
import { TextField } from '../../components/ui/form-fields.tsx';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import type { Report } from './report-api.ts';
import { ReportProblem } from './report-bits.tsx';
import { usePatch, type ReportWrite } from './report-patch.ts';
import './report-messages.ts';

const Paragraphs = ({ text }: { text: string | null }) => {
  const { t } = useI18n();
  if (!text?.trim()) return <p className="text-muted">{t('report.empty')}</p>;
  return (
    <>
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i} style={{ whiteSpace: 'pre-line' }}>
          {p}
        </p>
      ))}
    </>
  );
};

/** Each centre's comment, in the protocol's order: its nucleus member edits their own centre's only. */
export function ReportComments({
  report,
  centres,
  mine,
  nameOf,
  write,
}: {
  report: Report;
  centres: string[];
  mine: string[];
  nameOf: (id: string | null) => string;
  write: ReportWrite;
}) {
  const { t, formatDateTime } = useI18n();
  return (
    <ul className="list-unstyled">
      {centres.map((c) => {
        const comment = report.comments.find((x) => x.organization === c);
        return (
          <li key={c} className="mb-4">
            <h3 className="h6">{nameOf(c)}</h3>
            {report.state === 'draft' && mine.includes(c) ? (
              <CommentForm organization={c} name={nameOf(c)} initial={comment?.comment ?? ''} write={write} />
            ) : comment ? (
              <>
                <Paragraphs text={comment.comment} />
                <p className="small text-muted">
                  {t('report.comments.by', { author: comment.author, at: formatDateTime(comment.at) })}
                </p>
              </>
            ) : (
              <p className="text-muted">{t('report.comments.none')}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function CommentForm({
  organization,
  name,
  initial,
  write,
}: {
  organization: string;
  name: string;
  initial: string;
  write: ReportWrite;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  const { submit, send } = usePatch(write, ['comment']);
  const id = `comment-${organization}`;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send(
      { comment: { text: text.trim(), organization } },
      t('report.comments.saved'),
      localErrors([['comment', !text.trim(), t('report.comments.required')]], ['comment']),
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary
        items={submit.errors.items}
        attempt={submit.attempt}
        fields={{ comment: { id, label: t('report.comments.label', { name }) } }}
      />
      {submit.failure ? <ReportProblem error={submit.failure} /> : null}
      <TextField
        id={id}
        label={t('report.comments.label', { name })}
        value={text}
        onChange={setText}
        multiline
        rows={4}
        error={submit.errors.byField.comment}
        required
      />
      <button type="submit" className="btn btn-outline-primary btn-sm" disabled={submit.busy}>
        {t('report.comments.save')}
      </button>
    </form>
  );
}

const CONCLUSION_FIELDS = ['conclusions', 'adjustments'];
/** The nucleus's conclusions and the adjustments it proposes to the Region. */
export function ReportConclusions({
  report,
  editable,
  write,
}: {
  report: Report;
  editable: boolean;
  write: ReportWrite;
}) {
  const { t } = useI18n();
  const [conclusions, setConclusions] = useState(report.conclusions ?? '');
  const [adjustments, setAdjustments] = useState(report.adjustments ?? '');
  const { submit, send } = usePatch(write, CONCLUSION_FIELDS);
  if (!editable)
    return (
      <>
        <h3 className="h5">{t('report.conclusions')}</h3>
        <Paragraphs text={report.conclusions} />
        <h3 className="h5">{t('report.adjustments')}</h3>
        <Paragraphs text={report.adjustments} />
      </>
    );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send(
      { conclusions: conclusions.trim() || null, adjustments: adjustments.trim() || null },
      t('report.conclusions_saved'),
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary
        items={submit.errors.items}
        attempt={submit.attempt}
        fields={{
          conclusions: { id: 'report-conclusions', label: t('report.conclusions') },
          adjustments: { id: 'report-adjustments', label: t('report.adjustments') },
        }}
      />
      {submit.failure ? <ReportProblem error={submit.failure} /> : null}
      <TextField
        id="report-conclusions"
        label={t('report.conclusions')}
        value={conclusions}
        onChange={setConclusions}
        multiline
        rows={5}
        error={submit.errors.byField.conclusions}
      />
      <TextField
        id="report-adjustments"
        label={t('report.adjustments')}
        hint={t('report.adjustments_hint')}
        value={adjustments}
        onChange={setAdjustments}
        multiline
        rows={4}
        error={submit.errors.byField.adjustments}
      />
      <button type="submit" className="btn btn-outline-primary" disabled={submit.busy}>
        {t('report.conclusions_save')}
      </button>
    </form>
  );
}
