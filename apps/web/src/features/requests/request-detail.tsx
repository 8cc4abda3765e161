import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import { Icon } from '../../components/ui/icon.tsx';
import { useOrganizationName } from '../catalogue/organization-name.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { ENDED_EARLY, REQUEST_STEPS, type RequestState, type RequestView } from './request-api.ts';
import { confidentialityLabel, DueLine, stateLabel } from './request-bits.tsx';
import { RequestSourceLink } from '../companies/request-company.tsx';

type Step = { state: RequestState; status: 'done' | 'current' | 'todo' };

/** The steps to show: the usual path, or (declined, withdrawn) the steps reached and then how it ended. */
function stepsOf(request: RequestView): Step[] {
  if (ENDED_EARLY.includes(request.state)) {
    const reached = new Set<string>(['submitted', ...(request.timeline ?? []).map((e) => e.to ?? '')]);
    const before = REQUEST_STEPS.filter((s) => reached.has(s));
    return [
      ...before.map((state) => ({ state, status: 'done' as const })),
      { state: request.state, status: 'current' },
    ];
  }
  const at = REQUEST_STEPS.indexOf(request.state);
  return REQUEST_STEPS.map((state, i) => ({
    state,
    status: i < at ? 'done' : i === at ? (state === 'closed' ? 'done' : 'current') : 'todo',
  }));
}

/** Where the request stands: its steps in order, the current one marked in words (aria-current) and by an icon. */
export function RequestStepper({ request }: { request: RequestView }) {
  const { t } = useI18n();
  const steps = stepsOf(request);
  return (
    <ol className="request-stepper" aria-label={t('request.stepper_label')}>
      {steps.map((s, i) => {
        const current = s.state === request.state;
        return (
          <li
            key={s.state}
            className={`step step-${s.status}${ENDED_EARLY.includes(s.state) ? ` step-${s.state}` : ''}`}
            aria-current={current ? 'step' : undefined}
          >
            <span className="step-marker" aria-hidden="true">
              {s.status === 'done' ? (
                <Icon name="check-circle" className="icon-sm" />
              ) : s.state === 'declined' ? (
                <Icon name="error" className="icon-sm" />
              ) : s.state === 'withdrawn' ? (
                <Icon name="minus-circle" className="icon-sm" />
              ) : (
                i + 1
              )}
            </span>
            <span className="step-label">
              {t(stateLabel(s.state))}
              <span className="visually-hidden">
                {' '}
                ({t(current ? 'request.step.current' : s.status === 'done' ? 'request.step.done' : 'request.step.todo')}
                )
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="request-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Paragraphs of free text as typed (blank lines split them). */
export function Paragraphs({ text, lang }: { text: string; lang?: string }) {
  return (
    <div className="request-text" lang={lang}>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </div>
  );
}

/** What the request says and its key facts (only what the reader may see). */
export function RequestFacts({ request }: { request: RequestView }) {
  const { t, formatDate, formatDateTime, pick, lang } = useI18n();
  const { term } = useReferenceData();
  const orgName = useOrganizationName();
  const textLang = request.lang !== lang ? request.lang : undefined;
  const termText = (facet: 'sector' | 'filiera', code: string | null) =>
    code ? (pick(term(facet, code)?.label)?.text ?? code) : null;
  const sector = termText('sector', request.sector);
  const filiera = termText('filiera', request.filiera);
  return (
    <>
      {request.summary ? (
        <section aria-labelledby="rq-summary" className="request-section">
          <h2 id="rq-summary" className="h4">
            {t('request.field.summary')}
          </h2>
          <Paragraphs text={request.summary} lang={textLang} />
        </section>
      ) : null}
      {request.description !== undefined ? (
        <section aria-labelledby="rq-description" className="request-section">
          <h2 id="rq-description" className="h4">
            {t('request.field.description')}
          </h2>
          <Paragraphs text={request.description} lang={textLang} />
          {request.desiredOutcome ? (
            <>
              <h3 className="h5">{t('request.field.desired_outcome')}</h3>
              <Paragraphs text={request.desiredOutcome} lang={textLang} />
            </>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="rq-facts" className="request-section">
        <h2 id="rq-facts" className="h4">
          {t('request.facts')}
        </h2>
        <dl className="request-facts">
          <Fact label={t('request.field.confidentiality')}>
            {t(confidentialityLabel(request.confidentiality))}:{' '}
            {t(`request.confidentiality.${request.confidentiality}.meaning`)}
          </Fact>
          {request.company ? (
            <Fact label={t(request.company.id ? 'request.field.company' : 'request.field.company_name')}>
              {request.company.name}
            </Fact>
          ) : null}
          {request.submittedVia ? (
            <Fact label={t('request.submitted_via')}>{orgName(request.submittedVia)}</Fact>
          ) : null}
          {request.source ? (
            <Fact label={t('request.field.source')}>
              <RequestSourceLink source={request.source} />
            </Fact>
          ) : null}
          {request.contactEmail ? (
            <Fact label={t('request.field.contact_email')}>
              <a href={`mailto:${request.contactEmail}`}>{request.contactEmail}</a>
            </Fact>
          ) : null}
          <Fact label={t('request.submitted_at')}>{formatDateTime(request.submittedAt)}</Fact>
          {request.dueAt ? (
            <Fact label={t('request.due_label')}>
              <DueLine request={request} />
            </Fact>
          ) : null}
          {request.deadline ? <Fact label={t('request.field.deadline')}>{formatDate(request.deadline)}</Fact> : null}
          {sector ? <Fact label={t('request.field.sector')}>{sector}</Fact> : null}
          {filiera ? <Fact label={t('request.field.filiera')}>{filiera}</Fact> : null}
          {request.lead ? <Fact label={t('request.lead')}>{orgName(request.lead)}</Fact> : null}
        </dl>
      </section>
      {request.outcome ? (
        <section aria-labelledby="rq-outcome" className="request-section">
          <h2 id="rq-outcome" className="h4">
            {t('request.field.outcome')}
          </h2>
          <Paragraphs text={request.outcome} />
        </section>
      ) : null}
      {request.rating ? (
        <section aria-labelledby="rq-rating" className="request-section">
          <h2 id="rq-rating" className="h4">
            {t('request.rating_title')}
          </h2>
          <p className="request-rating">{t('request.rating_value', { rating: request.rating })}</p>
          {request.ratingComment ? <Paragraphs text={request.ratingComment} /> : null}
        </section>
      ) : null}
    </>
  );
}

/** The centres involved: invited, interested (with their proposal and the aspects they claim), in the team. */
export function RequestCentres({ request }: { request: RequestView }) {
  const { t, formatDateTime } = useI18n();
  const centres = request.centres ?? [];
  return (
    <section aria-labelledby="rq-centres" className="request-section">
      <h2 id="rq-centres" className="h4">
        {t('request.centres')}
      </h2>
      {centres.length === 0 ? (
        <p>{t('request.centres_none')}</p>
      ) : (
        <ul className="request-centres list-unstyled">
          {centres.map((c) => (
            <li key={c.organization} className="request-centre">
              <h3 className="h5">
                {c.name}
                {c.teamRole ? (
                  <span className="badge team-role-badge">
                    {t(c.teamRole === 'lead' ? 'request.role.lead' : 'request.role.partner')}
                  </span>
                ) : null}
              </h3>
              <p className="request-centre-status">
                {[
                  c.invited ? t('request.centre.invited') : null,
                  c.interest
                    ? t('request.centre.interested', { date: formatDateTime(c.interest.at) })
                    : t('request.centre.no_interest'),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {c.interest ? (
                <>
                  <p className="request-proposal">{c.interest.proposal}</p>
                  {c.interest.aspects.length ? (
                    <p className="request-claims">
                      {t('request.centre.claims', { aspects: c.interest.aspects.join(', ') })}
                    </p>
                  ) : null}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type TimelineEvent = NonNullable<RequestView['timeline']>[number];

/** The names of the fields a correction changed, as the timeline says them. */
const EDITED_FIELDS: Record<string, MessageKey> = {
  title: 'timeline.field.title',
  description: 'timeline.field.description',
  summary: 'timeline.field.summary',
  desiredOutcome: 'timeline.field.desiredOutcome',
  sector: 'timeline.field.sector',
  filiera: 'timeline.field.filiera',
  deadline: 'timeline.field.deadline',
  confidentiality: 'timeline.field.confidentiality',
  lang: 'timeline.field.lang',
  contactEmail: 'timeline.field.contactEmail',
};

function eventKey(e: TimelineEvent): MessageKey {
  if (e.kind === 'state' && e.to) return `timeline.to.${e.to}` as MessageKey;
  return `timeline.${e.kind}` as MessageKey;
}

/** Who did what when, in words, oldest first. */
export function RequestTimeline({ request }: { request: RequestView }) {
  const { t, formatDateTime } = useI18n();
  const orgName = useOrganizationName();
  const events = request.timeline ?? [];
  if (!events.length) return null;
  // The server lists the changed fields by their names ("summary, confidentiality"): said in words.
  const editedFields = (message: string | null) =>
    (message ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean)
      .map((f) => (EDITED_FIELDS[f] ? t(EDITED_FIELDS[f]) : f))
      .join(', ');
  return (
    <section aria-labelledby="rq-timeline" className="request-section">
      <h2 id="rq-timeline" className="h4">
        {t('request.timeline')}
      </h2>
      <ol className="request-timeline">
        {events.map((e, i) => {
          const who = e.actorName
            ? e.organization
              ? `${e.actorName} (${orgName(e.organization)})`
              : e.actorName
            : e.organization
              ? orgName(e.organization)
              : t('timeline.someone');
          return (
            <li key={i}>
              <p className="timeline-when">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </p>
              <p className="timeline-what">
                {e.kind === 'edited'
                  ? t('timeline.edited', { who, fields: editedFields(e.message) })
                  : t(eventKey(e), { who, organization: e.organization ? orgName(e.organization) : '' })}
              </p>
              {e.message && e.kind !== 'rated' && e.kind !== 'edited' ? (
                <p className="timeline-message">«{e.message}»</p>
              ) : null}
              {e.kind === 'rated' && e.message ? <p className="timeline-message">{e.message}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
