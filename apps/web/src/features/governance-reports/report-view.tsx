import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { sendJson, type ApiError } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { TextField } from '../../components/ui/form-fields.tsx';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { CopyButton } from '../../components/ui/copy-button.tsx';
import { useSession } from '../identity/session.tsx';
import { canSteer, holdsSlot, nucleusCentresOf, reportEndpoints, type Report } from './report-api.ts';
import { ReportProblem, useProtocols } from './report-bits.tsx';
import { ReportObjectives } from './report-objectives.tsx';
import { ReportComments, ReportConclusions } from './report-texts.tsx';
import { ReportActions, ReportMeetings } from './report-sections.tsx';
import './report-messages.ts';

/**
 * One verification report: its facts, objectives with their KPIs, each centre's comment, the nucleus's conclusions,
 * the period's joint actions and meetings, and the signatures in order. A draft is edited by the nucleus (each
 * centre's comment by its member); whoever's turn it is signs; a signed report is read-only with its content hash,
 * its PDF and CSV, and the nucleus may reopen it with a reason as a new revision.
 */
export function ReportView({ report, onChange }: { report: Report; onChange: (r: Report, said: string) => void }) {
  const { t, formatDate, formatDateTime, lang } = useI18n();
  const { user } = useSession();
  const { protocols, nameOf } = useProtocols();
  const steer = canSteer(user);
  const draft = report.state === 'draft';
  const write = { id: report.id, onChange };
  const centres = report.signatures.filter((s) => s.role === 'centre').map((s) => s.organization);
  const protocol = protocols.data?.items[0];
  return (
    <>
      <dl className="row">
        <dt className="col-sm-3">{t('report.col.period')}</dt>
        <dd className="col-sm-9">{t('report.period', { from: formatDate(report.from), to: formatDate(report.to) })}</dd>
        <dt className="col-sm-3">{t('report.col.revision')}</dt>
        <dd className="col-sm-9">
          {report.revision}
          {report.reopenReason ? ` — ${t('report.reopened_because', { reason: report.reopenReason })}` : ''}
        </dd>
        <dt className="col-sm-3">{t('report.col.state')}</dt>
        <dd className="col-sm-9">
          <span className={`badge ${report.state === 'signed' ? 'bg-success' : 'bg-secondary'}`}>
            {t(`report.state.${report.state}`)}
          </span>
        </dd>
        <dt className="col-sm-3">{t('report.assembled')}</dt>
        <dd className="col-sm-9">{formatDateTime(report.assembledAt)}</dd>
        {protocol ? (
          <>
            <dt className="col-sm-3">{t('report.protocol')}</dt>
            <dd className="col-sm-9">
              {t('report.protocol_line', { signed: formatDate(protocol.signedOn), ends: formatDate(protocol.endsOn) })}
            </dd>
          </>
        ) : null}
        {report.contentHash ? (
          <>
            <dt className="col-sm-3">{t('report.hash')}</dt>
            <dd className="col-sm-9">
              <code id="report-hash" className="text-break" data-testid="content-hash">
                {report.contentHash}
              </code>{' '}
              <CopyButton targetId="report-hash" label={t('report.hash_copy')} />
            </dd>
          </>
        ) : null}
      </dl>
      <p className="d-flex flex-wrap gap-2">
        <a className="btn btn-outline-primary btn-sm" href={reportEndpoints.pdf(report.id, lang)} download>
          {t('report.download_pdf')}
        </a>
        <a className="btn btn-outline-primary btn-sm" href={reportEndpoints.csv(report.id)} download>
          {t('report.download_csv')}
        </a>
      </p>
      {report.state === 'reopened' ? <p className="alert alert-info">{t('report.is_reopened')}</p> : null}
      {report.state === 'signed' ? <p className="alert alert-success">{t('report.read_only')}</p> : null}

      <Signatures report={report} nameOf={nameOf} onChange={onChange} />

      <h2 className="h3 mt-5">{t('report.objectives.title')}</h2>
      <p className="small">{t('report.objectives.rule')}</p>
      <ReportObjectives report={report} editable={draft && steer} nameOf={nameOf} write={write} />

      <h2 className="h3 mt-5">{t('report.actions.title')}</h2>
      <ReportActions report={report} />

      <h2 className="h3 mt-5">{t('report.meetings.title')}</h2>
      <ReportMeetings report={report} />

      <h2 className="h3 mt-5">{t('report.comments.title')}</h2>
      <ReportComments report={report} centres={centres} mine={nucleusCentresOf(user)} nameOf={nameOf} write={write} />

      <h2 className="h3 mt-5">{t('report.conclusions_title')}</h2>
      <ReportConclusions key={report.id} report={report} editable={draft && steer} write={write} />

      {report.state === 'signed' && steer ? <ReopenForm report={report} /> : null}
    </>
  );
}

function Signatures({
  report,
  nameOf,
  onChange,
}: {
  report: Report;
  nameOf: (id: string | null) => string;
  onChange: (r: Report, said: string) => void;
}) {
  const { t, formatDateTime } = useI18n();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const next = report.nextSigner;
  const mine = next ? holdsSlot(user, next) : false;
  const sign = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const signed = await sendJson<Report>('POST', reportEndpoints.sign(report.id), {});
      clearApiCache();
      setOpen(false);
      onChange(signed, signed.state === 'signed' ? t('report.sign.done_all') : t('report.sign.done'));
    } catch (error) {
      setFailure(error as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const who = (s: { organization: string; role: string }) =>
    s.role === 'region' ? t('report.sign.region', { name: nameOf(s.organization) }) : nameOf(s.organization);
  return (
    <section aria-labelledby="signatures-title" className="mt-4">
      <h2 id="signatures-title" className="h3">
        {t('report.sign.title')}
      </h2>
      <ol>
        {report.signatures.map((s) => (
          <li key={s.position}>
            <strong>{who(s)}</strong> —{' '}
            {s.signer && s.signedAt ? (
              t('report.sign.signed_by', { signer: s.signer, at: formatDateTime(s.signedAt) })
            ) : next && next.organization === s.organization && next.role === s.role ? (
              <span className="badge bg-warning text-dark">{t('report.sign.turn')}</span>
            ) : (
              <span className="text-muted">{t('report.sign.waiting')}</span>
            )}
          </li>
        ))}
      </ol>
      {next && mine ? (
        <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
          {t('report.sign.button', { name: who(next) })}
        </button>
      ) : next ? (
        <p>{t('report.sign.next_is', { name: who(next) })}</p>
      ) : null}
      {failure && !open ? <ReportProblem error={failure} /> : null}
      <ConfirmDialog
        open={open}
        title={t('report.sign.confirm_title', { ref: report.reference })}
        confirmLabel={t('report.sign.confirm')}
        onConfirm={() => void sign()}
        onCancel={() => setOpen(false)}
        busy={busy}
        error={failure ? <ReportProblem error={failure} /> : undefined}
      >
        {next?.role === 'region' ? t('report.sign.confirm_last') : t('report.sign.confirm_text')}
      </ConfirmDialog>
    </section>
  );
}

function ReopenForm({ report }: { report: Report }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const submit = useSubmit(['reason']);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run(
      async () => {
        const next = await sendJson<Report>('POST', reportEndpoints.reopen(report.id), { reason: reason.trim() });
        clearApiCache();
        navigate(`/verifiche/${next.id}`, {
          state: { said: t('report.reopen.done', { revision: String(next.revision) }) },
        });
      },
      localErrors([['reason', reason.trim().length < 3, t('report.reopen.reason_required')]], ['reason']),
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="reopen-title" className="mt-5">
      <h2 id="reopen-title" className="h4">
        {t('report.reopen.title')}
      </h2>
      <p>{t('report.reopen.lead')}</p>
      <ErrorSummary
        items={submit.errors.items}
        attempt={submit.attempt}
        fields={{ reason: { id: 'reopen-reason', label: t('report.reopen.reason') } }}
      />
      {submit.failure ? <ReportProblem error={submit.failure} /> : null}
      <TextField
        id="reopen-reason"
        label={t('report.reopen.reason')}
        value={reason}
        onChange={setReason}
        multiline
        rows={3}
        error={submit.errors.byField.reason}
        required
      />
      <button type="submit" className="btn btn-outline-danger" disabled={submit.busy}>
        {t('report.reopen.button')}
      </button>
    </form>
  );
}
