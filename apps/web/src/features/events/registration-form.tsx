import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { ErrorSummary, type SummaryField } from '../../components/ui/error-summary.tsx';
import { RadioGroup, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { SuccessPanel } from '../../components/ui/success-panel.tsx';
import { useSession } from '../identity/session.tsx';
import { useEditFailureText } from '../editing/edit-failure.ts';
import { eventEndpoints, type EventDetail, type Registration } from './event-api.ts';
import './event-messages.ts';

const ID = 'reg';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Registers for an event: signed in (the account's name and address) or with a name and an e-mail address confirmed by
 * a mailed link; the organisers' questions; the language of the messages. When the event is full the person joins
 * the waiting list and is told their place.
 */
export function RegistrationForm({ event }: { event: EventDetail }) {
  const { t, pick, lang } = useI18n();
  const { user } = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [organizationName, setOrganizationName] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [language, setLanguage] = useState<string>(lang);
  const [done, setDone] = useState<Registration | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const questionFields = event.questions.map((q) => `answers.${q.id}`);
  const fields = ['name', 'email', 'organizationName', 'lang', ...questionFields];
  const submit = useSubmit(fields);
  const e = submit.errors.byField;
  const failureText = useEditFailureText(submit.failure);
  const full = event.availability.free !== null && event.availability.free <= 0;

  if (done) {
    const key =
      done.state === 'waiting'
        ? 'events.register.waiting'
        : done.state === 'pending-confirmation'
          ? 'events.register.pending'
          : 'events.register.confirmed';
    return (
      <SuccessPanel title={t(`${key}_title`)}>
        <p>{t(`${key}_text`, { position: done.position ?? '' })}</p>
        {user ? <Link to={`/eventi/iscrizioni/${done.id}`}>{t('events.my_registration')}</Link> : null}
      </SuccessPanel>
    );
  }

  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    const local = localErrors(
      [
        ['name', !user && name.trim().length < 1, t('events.register.error.name')],
        ['email', !user && !EMAIL.test(email.trim()), t('events.register.error.email')],
        ...event.questions.map(
          (q) =>
            [`answers.${q.id}`, q.required && !(answers[q.id] ?? '').trim(), t('events.register.error.answer')] as [
              string,
              boolean,
              string,
            ],
        ),
      ],
      fields,
    );
    void submit.run(async () => {
      try {
        const made = await sendJson<Registration>('POST', eventEndpoints.register(event.id), {
          ...(user ? {} : { name: name.trim(), email: email.trim() }),
          ...(organizationName.trim() ? { organizationName: organizationName.trim() } : {}),
          answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim())),
          lang: language,
        });
        // The answer is shown here; the event's figures are read again on the next visit (the cache is cleared), not
        // now, which would replace this panel while the page reloads.
        clearApiCache();
        setDone(made);
      } catch (error) {
        // Already registered, or registration closed meanwhile: said in words, nothing else to fix in the form.
        if (!(error instanceof ApiError) || error.status !== 409) throw error;
        const code = error.problem?.type ?? '';
        setConflict(code.endsWith('already-registered') ? t('events.register.already') : t('events.register.closed'));
      }
    }, local);
  };

  const summaryFields: Partial<Record<string, SummaryField>> = {
    name: { id: `${ID}-name`, label: t('events.register.field.name') },
    email: { id: `${ID}-email`, label: t('events.register.field.email') },
    organizationName: { id: `${ID}-organization`, label: t('events.register.field.organization') },
    lang: { id: `${ID}-lang-0`, label: t('events.register.field.lang') },
    ...Object.fromEntries(
      event.questions.map((q) => [`answers.${q.id}`, { id: `${ID}-q-${q.id}`, label: pick(q.text)?.text ?? q.id }]),
    ),
  };

  return (
    <form className="clock-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary items={submit.errors.items} fields={summaryFields} attempt={submit.attempt} intro={failureText} />
      {conflict ? (
        <div className="alert alert-warning" role="alert">
          {conflict}
        </div>
      ) : null}
      <p>
        {user ? (
          t('events.register.intro_signed_in', { name: user.name })
        ) : (
          <>
            {t('events.register.intro_anonymous')} <Link to="/accedi">{t('account.sign_in')}</Link>
          </>
        )}
      </p>
      {user ? null : (
        <>
          <TextField
            id={`${ID}-name`}
            label={t('events.register.field.name')}
            value={name}
            onChange={setName}
            error={e.name}
            autoComplete="name"
            required
          />
          <TextField
            id={`${ID}-email`}
            type="email"
            label={t('events.register.field.email')}
            value={email}
            onChange={setEmail}
            error={e.email}
            autoComplete="email"
            inputMode="email"
            required
          />
        </>
      )}
      <TextField
        id={`${ID}-organization`}
        label={t('events.register.field.organization')}
        value={organizationName}
        onChange={setOrganizationName}
        error={e.organizationName}
        autoComplete="organization"
        markOptional
      />
      {event.questions.map((q) => {
        const label = pick(q.text)?.text ?? q.id;
        const set = (value: string) => setAnswers((a) => ({ ...a, [q.id]: value }));
        return q.kind === 'choice' ? (
          <SelectField
            key={q.id}
            id={`${ID}-q-${q.id}`}
            label={label}
            value={answers[q.id] ?? ''}
            onChange={set}
            options={(q.options ?? []).map((o, i) => ({ value: String(i), label: pick(o)?.text ?? String(i) }))}
            emptyLabel="—"
            error={e[`answers.${q.id}`]}
            required={q.required}
            markOptional={!q.required}
          />
        ) : (
          <TextField
            key={q.id}
            id={`${ID}-q-${q.id}`}
            label={label}
            value={answers[q.id] ?? ''}
            onChange={set}
            error={e[`answers.${q.id}`]}
            multiline
            rows={2}
            required={q.required}
            markOptional={!q.required}
          />
        );
      })}
      <RadioGroup
        id={`${ID}-lang`}
        name="lang"
        legend={t('events.register.field.lang')}
        options={[
          { value: 'it', label: t('events.lang.it') },
          { value: 'en', label: t('events.lang.en') },
        ]}
        value={language}
        onChange={setLanguage}
      />
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        {full ? t('events.register.submit_waiting') : t('events.register.submit')}
      </button>
    </form>
  );
}
