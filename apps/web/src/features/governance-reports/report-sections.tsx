import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { LocalizedText } from '../../components/ui/localized-text.tsx';
import type { Report } from './report-api.ts';
import { ScrollTable } from './report-bits.tsx';
import './report-messages.ts';

const STANDING_CLASS = { 'on-time': 'bg-success', late: 'bg-danger', closed: 'bg-primary' } as const;

/** The joint actions under way in the period, as the report froze them. */
export function ReportActions({ report }: { report: Report }) {
  const { t, formatDate, formatNumber } = useI18n();
  const s = report.sections.actions;
  if (!s) return <p className="text-muted">{t('report.section_missing')}</p>;
  return (
    <>
      <p>
        {t('report.actions.counts', {
          onTime: formatNumber(s.counts.onTime),
          late: formatNumber(s.counts.late),
          closed: formatNumber(s.counts.closed),
          asOf: formatDate(s.asOf),
        })}
      </p>
      {s.items.length ? (
        <ScrollTable label={t('report.actions.title')}>
          <table className="table">
            <caption className="visually-hidden">{t('report.actions.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.col.action')}</th>
                <th scope="col">{t('report.col.lead_partners')}</th>
                <th scope="col">{t('report.col.progress')}</th>
                <th scope="col">{t('report.col.standing')}</th>
              </tr>
            </thead>
            <tbody>
              {s.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row" className="fw-normal">
                    <Link to={`/azioni/${a.id}`}>
                      {a.ref} — <LocalizedText value={a.title} note={false} />
                    </Link>
                    <span className="d-block small">
                      {formatDate(a.start)} – {formatDate(a.end)}
                    </span>
                  </th>
                  <td>
                    <strong>{a.lead.name}</strong>
                    {a.partners.length ? `, ${a.partners.map((p) => p.name).join(', ')}` : ''}
                  </td>
                  <td>{a.progress === null ? '—' : `${formatNumber(Math.round(a.progress))} %`}</td>
                  <td>
                    <span className={`badge ${STANDING_CLASS[a.standing]}`}>
                      {t(
                        a.standing === 'closed' && a.onTime === false
                          ? 'report.standing.closed_late'
                          : `report.standing.${a.standing}`,
                      )}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : (
        <p>{t('report.actions.none')}</p>
      )}
    </>
  );
}

/** The nucleus meetings held in the period: decisions and action items (owner, due day, open or done). */
export function ReportMeetings({ report }: { report: Report }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const s = report.sections.meetings;
  if (!s) return <p className="text-muted">{t('report.section_missing')}</p>;
  if (!s.items.length) return <p>{t('report.meetings.none')}</p>;
  return (
    <ul className="list-unstyled">
      {s.items.map((m) => (
        <li key={m.id} className="mb-4">
          <h3 className="h6">
            <Link to={`/nucleo/riunioni/${m.id}`}>{t('report.meetings.title_of', { ref: m.ref })}</Link> —{' '}
            {formatDateTime(m.startsAt)}
          </h3>
          <p className="mb-1 fw-semibold">{t('report.meetings.decisions')}</p>
          {m.decisions.length ? (
            <ul>
              {m.decisions.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : (
            <p className="text-muted">{t('report.meetings.no_decisions')}</p>
          )}
          <p className="mb-1 fw-semibold">{t('report.meetings.actions')}</p>
          {m.actions.length ? (
            <ul>
              {m.actions.map((a) => (
                <li key={`${a.text}-${a.owner}-${a.due}`}>
                  {a.text} —{' '}
                  {t('report.meetings.owner_due', {
                    owner: a.owner ?? t('report.meetings.no_owner'),
                    due: a.due ? formatDate(a.due) : '—',
                  })}{' '}
                  <span
                    className={`badge ${a.open ? (a.overdue ? 'bg-danger' : 'bg-warning text-dark') : 'bg-success'}`}
                  >
                    {t(
                      a.open
                        ? a.overdue
                          ? 'report.meetings.overdue'
                          : 'report.meetings.open'
                        : 'report.meetings.done',
                    )}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-muted">{t('report.meetings.no_actions')}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
