import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { sendJson, type ApiError } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { problemMessageKey } from '../../components/ui/problem-alert.tsx';
import { ErrorSummary, type SummaryField } from '../../components/ui/error-summary.tsx';
import { CheckboxGroup, RadioGroup, TextField } from '../../components/ui/form-fields.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { useOrganizationName } from '../catalogue/organization-name.tsx';
import {
  requestEditHref,
  requestEndpoints,
  type RequestAction,
  type RequestView,
  type TeamProposal,
} from './request-api.ts';

/** What to say when an action fails for a reason that belongs to no field. */
function useActionFailureText(failure: ApiError | null): string | undefined {
  const { t } = useI18n();
  if (!failure) return undefined;
  if (failure.status === 401) return t('edit.failure.signed_out');
  if (failure.status === 403) return t('request.failure.forbidden');
  if (failure.status === 404) return t('request.failure.gone');
  if (failure.status === 409) return t('request.failure.conflict');
  return t(problemMessageKey(failure));
}

export interface ActionProps {
  request: RequestView;
  /** Called with the request as the server returned it after the action. */
  onDone: (updated: RequestView, action: RequestAction) => void;
}

interface PanelProps {
  id: string;
  title: string;
  intro?: ReactNode;
  fields: readonly string[];
  summary: Partial<Record<string, SummaryField>>;
  submitLabel: string;
  /** Builds the body, or returns the errors found before sending. */
  build: () => { body: object } | { errors: [string, boolean, string][] };
  path: string;
  action: RequestAction;
  /** Asks for confirmation before sending (declining, withdrawing the request). */
  confirm?: { title: string; text: string; label: string };
  danger?: boolean;
  children?: (errors: ReturnType<typeof useSubmit>['errors']) => ReactNode;
}

/** One action as a small form in its own titled region: error summary, fields, the button. */
function ActionPanel({
  request,
  onDone,
  id,
  title,
  intro,
  fields,
  summary,
  submitLabel,
  build,
  path,
  action,
  confirm,
  danger,
  children,
}: PanelProps & ActionProps) {
  const { t } = useI18n();
  const submit = useSubmit(fields);
  const failureText = useActionFailureText(submit.failure);
  const [asking, setAsking] = useState<object | null>(null);

  const send = (body: object) =>
    submit.run(async () => {
      try {
        const updated = await sendJson<RequestView>('POST', requestEndpoints.action(request.id, path), body);
        clearApiCache();
        setAsking(null);
        onDone(updated, action);
      } catch (error) {
        // Field problems belong next to the fields: close the confirmation so the form shows them.
        if ((error as ApiError).problem?.errors?.length) setAsking(null);
        throw error;
      }
    });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const built = build();
    if ('errors' in built) {
      const local = localErrors(built.errors, fields);
      if (local.items.length) {
        void submit.run(async () => undefined, local);
        return;
      }
      return;
    }
    if (confirm) setAsking(built.body);
    else void send(built.body);
  };

  return (
    <section aria-labelledby={`${id}-title`} className="request-action">
      <h3 id={`${id}-title`} className="h5">
        {title}
      </h3>
      {intro ? <div className="request-action-intro">{intro}</div> : null}
      <form className="clock-form" noValidate onSubmit={onSubmit}>
        <ErrorSummary
          items={submit.errors.items}
          fields={summary}
          attempt={submit.attempt}
          intro={asking ? undefined : failureText}
        />
        {children?.(submit.errors)}
        <div className="form-actions">
          <button
            type="submit"
            className={danger ? 'btn btn-outline-danger' : 'btn btn-primary'}
            disabled={submit.busy}
          >
            {submit.busy ? t('state.working') : submitLabel}
          </button>
        </div>
      </form>
      {confirm ? (
        <ConfirmDialog
          open={asking !== null}
          title={confirm.title}
          confirmLabel={confirm.label}
          busy={submit.busy}
          error={asking && failureText ? failureText : undefined}
          onCancel={() => setAsking(null)}
          onConfirm={() => asking && void send(asking)}
        >
          <p>{confirm.text}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function MessagePanel(props: ActionProps & { action: 'triage' | 'start'; path: string }) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const id = `act-${props.action}`;
  return (
    <ActionPanel
      {...props}
      id={id}
      title={t(`request.action.${props.action}`)}
      intro={<p>{t(`request.action.${props.action}.intro`)}</p>}
      fields={['message']}
      summary={{ message: { id: `${id}-message`, label: t('request.field.message') } }}
      submitLabel={t(`request.action.${props.action}.submit`)}
      build={() => ({ body: message.trim() ? { message: message.trim() } : {} })}
    >
      {(errors) => (
        <TextField
          id={`${id}-message`}
          label={t('request.field.message')}
          hint={t('request.field.message_hint')}
          value={message}
          onChange={setMessage}
          error={errors.byField.message}
          multiline
          rows={3}
          markOptional
        />
      )}
    </ActionPanel>
  );
}

function OpenPanel(props: ActionProps) {
  const { t } = useI18n();
  const { organizations } = useReferenceData();
  const [centres, setCentres] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const confidential = props.request.confidentiality === 'confidential';
  const options = organizations
    .filter((o) => o.kind === 'centre')
    .map((o) => ({ value: o.id, label: o.shortName ?? o.name }));
  return (
    <ActionPanel
      {...props}
      id="act-open"
      action="open"
      path="open"
      title={t('request.action.open')}
      intro={<p>{t(confidential ? 'request.action.open.intro_confidential' : 'request.action.open.intro')}</p>}
      fields={['centres', 'message']}
      summary={{
        centres: { id: 'act-open-centres', label: t('request.field.centres') },
        message: { id: 'act-open-message', label: t('request.field.message') },
      }}
      submitLabel={t('request.action.open.submit')}
      build={() =>
        confidential && centres.length === 0
          ? { errors: [['centres', true, t('request.action.open.centres_required')]] }
          : { body: { ...(centres.length ? { centres } : {}), ...(message.trim() ? { message: message.trim() } : {}) } }
      }
    >
      {(errors) => (
        <>
          <CheckboxGroup
            id="act-open-centres"
            legend={t(confidential ? 'request.field.centres' : 'request.field.invite')}
            hint={t(
              confidential ? 'request.action.open.centres_hint_confidential' : 'request.action.open.centres_hint',
            )}
            options={options}
            values={centres}
            onChange={setCentres}
            error={errors.byField.centres}
            required={confidential}
            markOptional={!confidential}
          />
          <TextField
            id="act-open-message"
            label={t('request.field.message')}
            hint={t('request.field.message_hint')}
            value={message}
            onChange={setMessage}
            error={errors.byField.message}
            multiline
            rows={3}
            markOptional
          />
        </>
      )}
    </ActionPanel>
  );
}

function DeclinePanel(props: ActionProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <ActionPanel
      {...props}
      id="act-decline"
      action="decline"
      path="decline"
      danger
      title={t('request.action.decline')}
      intro={<p>{t('request.action.decline.intro')}</p>}
      fields={['reason']}
      summary={{ reason: { id: 'act-decline-reason', label: t('request.field.reason') } }}
      submitLabel={t('request.action.decline.submit')}
      confirm={{
        title: t('request.action.decline.confirm_title'),
        text: t('request.action.decline.confirm_text'),
        label: t('request.action.decline.confirm'),
      }}
      build={() =>
        reason.trim().length < 10
          ? { errors: [['reason', true, t('form.error.too_short', { min: 10 })]] }
          : { body: { reason: reason.trim() } }
      }
    >
      {(errors) => (
        <TextField
          id="act-decline-reason"
          label={t('request.field.reason')}
          hint={t('request.field.reason_hint')}
          value={reason}
          onChange={setReason}
          error={errors.byField.reason}
          multiline
          rows={3}
          required
        />
      )}
    </ActionPanel>
  );
}

const WITHDRAW_REASON_MAX = 2000;

/** The company takes its request back (before the work starts): a reason if it wishes, then a confirmation. */
function WithdrawRequestPanel(props: ActionProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <ActionPanel
      {...props}
      id="act-withdraw-request"
      action="withdraw"
      path="withdraw"
      danger
      title={t('request.action.withdraw_request')}
      intro={<p>{t('request.action.withdraw_request.intro')}</p>}
      fields={['reason']}
      summary={{ reason: { id: 'act-withdraw-request-reason', label: t('request.field.withdraw_reason') } }}
      submitLabel={t('request.action.withdraw_request.submit')}
      confirm={{
        title: t('request.action.withdraw_request.confirm_title'),
        text: t('request.action.withdraw_request.confirm_text'),
        label: t('request.action.withdraw_request.confirm'),
      }}
      build={() =>
        reason.trim().length > WITHDRAW_REASON_MAX
          ? { errors: [['reason', true, t('form.error.too_long', { max: WITHDRAW_REASON_MAX })]] }
          : { body: reason.trim() ? { reason: reason.trim() } : {} }
      }
    >
      {(errors) => (
        <TextField
          id="act-withdraw-request-reason"
          label={t('request.field.withdraw_reason')}
          hint={t('request.field.withdraw_reason_hint')}
          value={reason}
          onChange={setReason}
          error={errors.byField.reason}
          multiline
          rows={3}
          markOptional
        />
      )}
    </ActionPanel>
  );
}

function InterestPanel(props: ActionProps & { proposal: TeamProposal | undefined }) {
  const { t } = useI18n();
  const orgName = useOrganizationName();
  const { request } = props;
  const acting = request.actingFor;
  const [organization, setOrganization] = useState(acting.length === 1 ? acting[0]! : '');
  const existing = request.centres?.find((c) => c.organization === organization)?.interest ?? null;
  const [proposal, setProposal] = useState(existing?.proposal ?? '');
  const [aspects, setAspects] = useState<string[]>(existing?.aspects ?? []);
  const aspectOptions = (props.proposal?.aspects ?? []).map((a) => ({ value: a.label, label: a.label }));
  const chooseOrganization = (org: string) => {
    setOrganization(org);
    const interest = request.centres?.find((c) => c.organization === org)?.interest;
    if (interest) {
      setProposal(interest.proposal);
      setAspects(interest.aspects);
    }
  };
  return (
    <ActionPanel
      {...props}
      id="act-interest"
      action="interest"
      path="interest"
      title={t(existing ? 'request.action.interest_update' : 'request.action.interest')}
      intro={<p>{t('request.action.interest.intro')}</p>}
      fields={['organization', 'proposal', 'aspects']}
      summary={{
        organization: { id: 'act-interest-organization', label: t('request.field.organization') },
        proposal: { id: 'act-interest-proposal', label: t('request.field.proposal') },
        aspects: { id: 'act-interest-aspects', label: t('request.field.aspects') },
      }}
      submitLabel={t(existing ? 'request.action.interest_update.submit' : 'request.action.interest.submit')}
      build={() => {
        const errors: [string, boolean, string][] = [
          ['organization', acting.length > 1 && !organization, t('request.action.interest.organization_required')],
          ['proposal', proposal.trim().length < 20, t('form.error.too_short', { min: 20 })],
        ];
        if (errors.some(([, failed]) => failed)) return { errors };
        return { body: { ...(organization ? { organization } : {}), proposal: proposal.trim(), aspects } };
      }}
    >
      {(errors) => (
        <>
          {acting.length > 1 ? (
            <RadioGroup
              id="act-interest-organization"
              name="interest-organization"
              legend={t('request.field.organization')}
              options={acting.map((o) => ({ value: o, label: orgName(o) }))}
              value={organization}
              onChange={chooseOrganization}
              error={errors.byField.organization}
              required
            />
          ) : null}
          <TextField
            id="act-interest-proposal"
            label={t('request.field.proposal')}
            hint={t('request.field.proposal_hint')}
            value={proposal}
            onChange={setProposal}
            error={errors.byField.proposal}
            multiline
            rows={4}
            required
          />
          {aspectOptions.length ? (
            <CheckboxGroup
              id="act-interest-aspects"
              legend={t('request.field.aspects')}
              hint={t('request.field.aspects_hint')}
              options={aspectOptions}
              values={aspects}
              onChange={setAspects}
              error={errors.byField.aspects}
              markOptional
            />
          ) : null}
        </>
      )}
    </ActionPanel>
  );
}

function WithdrawPanel(props: ActionProps) {
  const { t } = useI18n();
  const orgName = useOrganizationName();
  const interested = props.request.actingFor.filter((o) =>
    props.request.centres?.some((c) => c.organization === o && c.interest),
  );
  const [organization, setOrganization] = useState(interested.length === 1 ? interested[0]! : '');
  return (
    <ActionPanel
      {...props}
      id="act-withdraw"
      action="withdraw-interest"
      path="interest/withdraw"
      danger
      title={t('request.action.withdraw')}
      intro={<p>{t('request.action.withdraw.intro')}</p>}
      fields={['organization']}
      summary={{ organization: { id: 'act-withdraw-organization', label: t('request.field.organization') } }}
      submitLabel={t('request.action.withdraw.submit')}
      build={() =>
        interested.length > 1 && !organization
          ? { errors: [['organization', true, t('request.action.interest.organization_required')]] }
          : { body: organization ? { organization } : {} }
      }
    >
      {(errors) =>
        interested.length > 1 ? (
          <RadioGroup
            id="act-withdraw-organization"
            name="withdraw-organization"
            legend={t('request.field.organization')}
            options={interested.map((o) => ({ value: o, label: orgName(o) }))}
            value={organization}
            onChange={setOrganization}
            error={errors.byField.organization}
            required
          />
        ) : null
      }
    </ActionPanel>
  );
}

const MAX_PARTNERS = 3;

function TeamPanel(props: ActionProps) {
  const { t } = useI18n();
  const interested = (props.request.centres ?? []).filter((c) => c.interest);
  const [lead, setLead] = useState('');
  const [partners, setPartners] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const chooseLead = (value: string) => {
    setLead(value);
    setPartners((p) => p.filter((x) => x !== value));
  };
  return (
    <ActionPanel
      {...props}
      id="act-team"
      action="agree-team"
      path="team"
      title={t('request.action.team')}
      intro={<p>{t('request.action.team.intro', { max: MAX_PARTNERS })}</p>}
      fields={['lead', 'partners', 'message']}
      summary={{
        lead: { id: 'act-team-lead', label: t('request.field.lead') },
        partners: { id: 'act-team-partners', label: t('request.field.partners') },
        message: { id: 'act-team-message', label: t('request.field.message') },
      }}
      submitLabel={t('request.action.team.submit')}
      build={() => {
        const errors: [string, boolean, string][] = [
          ['lead', !lead, t('request.action.team.lead_required')],
          ['partners', partners.length > MAX_PARTNERS, t('request.action.team.too_many', { max: MAX_PARTNERS })],
        ];
        if (errors.some(([, failed]) => failed)) return { errors };
        return { body: { lead, partners, ...(message.trim() ? { message: message.trim() } : {}) } };
      }}
    >
      {(errors) => (
        <>
          <RadioGroup
            id="act-team-lead"
            name="team-lead"
            legend={t('request.field.lead')}
            options={interested.map((c) => ({ value: c.organization, label: c.name }))}
            value={lead}
            onChange={chooseLead}
            error={errors.byField.lead}
            required
          />
          <CheckboxGroup
            id="act-team-partners"
            legend={t('request.field.partners')}
            hint={t('request.field.partners_hint', { max: MAX_PARTNERS })}
            options={interested
              .filter((c) => c.organization !== lead)
              .map((c) => ({ value: c.organization, label: c.name }))}
            values={partners}
            onChange={setPartners}
            error={errors.byField.partners}
            markOptional
          />
          <TextField
            id="act-team-message"
            label={t('request.field.message')}
            hint={t('request.field.message_hint')}
            value={message}
            onChange={setMessage}
            error={errors.byField.message}
            multiline
            rows={3}
            markOptional
          />
        </>
      )}
    </ActionPanel>
  );
}

function ClosePanel(props: ActionProps) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState('');
  return (
    <ActionPanel
      {...props}
      id="act-close"
      action="close"
      path="close"
      title={t('request.action.close')}
      intro={<p>{t('request.action.close.intro')}</p>}
      fields={['outcome']}
      summary={{ outcome: { id: 'act-close-outcome', label: t('request.field.outcome') } }}
      submitLabel={t('request.action.close.submit')}
      build={() =>
        outcome.trim().length < 10
          ? { errors: [['outcome', true, t('form.error.too_short', { min: 10 })]] }
          : { body: { outcome: outcome.trim() } }
      }
    >
      {(errors) => (
        <TextField
          id="act-close-outcome"
          label={t('request.field.outcome')}
          hint={t('request.field.outcome_hint')}
          value={outcome}
          onChange={setOutcome}
          error={errors.byField.outcome}
          multiline
          rows={4}
          required
        />
      )}
    </ActionPanel>
  );
}

function RatePanel(props: ActionProps) {
  const { t } = useI18n();
  const [rating, setRating] = useState('');
  const [comment, setComment] = useState('');
  return (
    <ActionPanel
      {...props}
      id="act-rate"
      action="rate"
      path="rating"
      title={t('request.action.rate')}
      intro={<p>{t('request.action.rate.intro')}</p>}
      fields={['rating', 'comment']}
      summary={{
        rating: { id: 'act-rate-rating', label: t('request.field.rating') },
        comment: { id: 'act-rate-comment', label: t('request.field.comment') },
      }}
      submitLabel={t('request.action.rate.submit')}
      build={() =>
        !rating
          ? { errors: [['rating', true, t('request.action.rate.required')]] }
          : { body: { rating: Number(rating), ...(comment.trim() ? { comment: comment.trim() } : {}) } }
      }
    >
      {(errors) => (
        <>
          <RadioGroup
            id="act-rate-rating"
            name="rating"
            legend={t('request.field.rating')}
            className="rating-options"
            options={[1, 2, 3, 4, 5].map((n) => ({
              value: String(n),
              label: t(`request.rating.${n}` as 'request.rating.1'),
            }))}
            value={rating}
            onChange={setRating}
            error={errors.byField.rating}
            required
          />
          <TextField
            id="act-rate-comment"
            label={t('request.field.comment')}
            value={comment}
            onChange={setComment}
            error={errors.byField.comment}
            multiline
            rows={3}
            markOptional
          />
        </>
      )}
    </ActionPanel>
  );
}

/** One panel per action the caller may take now (the server's `actions`), in the order of the life cycle. */
export function RequestActions({ request, onDone, proposal }: ActionProps & { proposal: TeamProposal | undefined }) {
  const { t } = useI18n();
  const has = (a: RequestAction) => request.actions.includes(a);
  if (!request.actions.length) return null;
  // A new key after each change resets every panel (what was typed in a panel that stays is kept until then).
  const key = `${request.state}-${request.interestCount}`;
  return (
    <section aria-labelledby="rq-actions" className="request-section request-actions" key={key}>
      <h2 id="rq-actions" className="h4">
        {t('request.actions')}
      </h2>
      {has('edit') ? (
        <div className="request-edit-link">
          <p>{t('request.action.edit.intro')}</p>
          <p>
            <Link to={requestEditHref(request.id)} className="btn btn-outline-primary">
              {t('request.action.edit')}
            </Link>
          </p>
        </div>
      ) : null}
      {has('triage') ? <MessagePanel request={request} onDone={onDone} action="triage" path="triage" /> : null}
      {has('open') ? <OpenPanel request={request} onDone={onDone} /> : null}
      {has('interest') ? <InterestPanel request={request} onDone={onDone} proposal={proposal} /> : null}
      {has('withdraw-interest') ? <WithdrawPanel request={request} onDone={onDone} /> : null}
      {has('agree-team') ? <TeamPanel request={request} onDone={onDone} /> : null}
      {has('start') ? <MessagePanel request={request} onDone={onDone} action="start" path="start" /> : null}
      {has('close') ? <ClosePanel request={request} onDone={onDone} /> : null}
      {has('rate') ? <RatePanel request={request} onDone={onDone} /> : null}
      {has('decline') ? <DeclinePanel request={request} onDone={onDone} /> : null}
      {has('withdraw') ? <WithdrawRequestPanel request={request} onDone={onDone} /> : null}
    </section>
  );
}
