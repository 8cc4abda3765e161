import { useState, type FormEvent } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { localErrors } from '../../lib/form-errors.ts';
import { SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { LocalizedText } from '../../components/ui/localized-text.tsx';
import type { Report } from './report-api.ts';
import { RagBadge, ReportProblem, ScrollTable, useKpiFormat } from './report-bits.tsx';
import { usePatch, type ReportWrite } from './report-patch.ts';
import './report-messages.ts';

type Objective = Report['objectives'][number];

/** The objectives of the period with their KPIs (value, pro-rata target, status by rule) and the nucleus's overrides. */
export function ReportObjectives({
  report,
  editable,
  nameOf,
  write,
}: {
  report: Report;
  editable: boolean;
  nameOf: (id: string | null) => string;
  write: ReportWrite;
}) {
  const { t } = useI18n();
  const kpiOf = new Map(report.kpis.map((k) => [k.code, k]));
  const fmt = useKpiFormat();
  if (!report.objectives.length) return <p>{t('report.objectives.none')}</p>;
  return (
    <ol className="list-unstyled">
      {report.objectives.map((o) => (
        <li key={o.id} className="card card-bg mb-4">
          <div className="card-body">
            <h3 className="h5 card-title">
              {o.reference} · {o.organization ? nameOf(o.organization) : t('report.network')}
            </h3>
            <LocalizedText value={o.text} as="p" />
            <p>
              <RagBadge status={o.status} label={t('report.objectives.status')} />
              {o.override ? (
                <span className="d-block small mt-1">
                  {t('report.objectives.overridden', {
                    computed: t(`report.rag.${o.computedStatus}`),
                    comment: o.override.comment,
                  })}
                </span>
              ) : null}
            </p>
            {o.kpis.length ? (
              <ScrollTable label={t('report.objectives.kpis_of', { ref: o.reference })}>
                <table className="table table-sm">
                  <caption className="visually-hidden">{t('report.objectives.kpis_of', { ref: o.reference })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('report.col.kpi')}</th>
                      <th scope="col">{t('report.col.value')}</th>
                      <th scope="col">{t('report.col.target')}</th>
                      <th scope="col">{t('report.col.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.kpis.map((code) => {
                      const k = kpiOf.get(code);
                      const v = o.values.find((x) => x.code === code);
                      const shape = { unit: v?.unit ?? k?.unit ?? 'count', kind: k?.kind ?? 'count' };
                      return (
                        <tr key={code}>
                          <th scope="row" className="fw-normal">
                            {k ? <LocalizedText value={k.labels} note={false} /> : code}
                          </th>
                          <td>{fmt(v?.value ?? null, shape)}</td>
                          <td>{fmt(v?.target ?? null, shape)}</td>
                          <td>
                            <RagBadge status={v?.status ?? 'none'} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </ScrollTable>
            ) : null}
            {editable ? <OverrideForm report={report} objective={o} write={write} /> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

const OVERRIDE_FIELDS = ['status', 'comment'];
function OverrideForm({ report, objective, write }: { report: Report; objective: Objective; write: ReportWrite }) {
  const { t } = useI18n();
  const [status, setStatus] = useState(objective.override?.status ?? '');
  const [comment, setComment] = useState(objective.override?.comment ?? '');
  const { submit, send } = usePatch(write, OVERRIDE_FIELDS);
  const id = `override-${objective.id}`;
  const others = report.objectives
    .filter((o) => o.override && o.id !== objective.id)
    .map((o) => ({ objective: o.id, status: o.override!.status, comment: o.override!.comment }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const overrides = status ? [...others, { objective: objective.id, status, comment: comment.trim() }] : others;
    send(
      { overrides },
      status ? t('report.override.saved') : t('report.override.cleared'),
      localErrors(
        [['comment', !!status && comment.trim().length < 3, t('report.override.comment_required')]],
        OVERRIDE_FIELDS,
      ),
    );
  };
  return (
    <details className="mt-2">
      <summary>{t('report.override.title', { ref: objective.reference })}</summary>
      <form onSubmit={onSubmit} noValidate className="mt-3">
        <ErrorSummary
          items={submit.errors.items}
          attempt={submit.attempt}
          fields={{
            status: { id: `${id}-status`, label: t('report.override.status') },
            comment: { id: `${id}-comment`, label: t('report.override.comment') },
          }}
        />
        {submit.failure ? <ReportProblem error={submit.failure} /> : null}
        <SelectField
          id={`${id}-status`}
          label={t('report.override.status')}
          value={status}
          onChange={setStatus}
          emptyLabel={t('report.override.by_rule', { status: t(`report.rag.${objective.computedStatus}`) })}
          options={(['green', 'amber', 'red'] as const).map((s) => ({ value: s, label: t(`report.rag.${s}`) }))}
          error={submit.errors.byField.status}
        />
        <TextField
          id={`${id}-comment`}
          label={t('report.override.comment')}
          hint={t('report.override.comment_hint')}
          value={comment}
          onChange={setComment}
          multiline
          rows={3}
          error={submit.errors.byField.comment}
          required={!!status}
        />
        <button type="submit" className="btn btn-outline-primary btn-sm" disabled={submit.busy}>
          {t('report.override.save')}
        </button>
      </form>
    </details>
  );
}
