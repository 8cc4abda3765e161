import { useState, type FormEvent } from 'react';
import { sendJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { ErrorSummary, type SummaryField } from '../../components/ui/error-summary.tsx';
import { CheckboxGroup, RadioGroup, TextField } from '../../components/ui/form-fields.tsx';
import { SuccessPanel } from '../../components/ui/success-panel.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { useEditFailureText } from '../editing/edit-failure.ts';
import { newsEndpoints } from './news-api.ts';
import './news-messages.ts';

const ID = 'nl';
const FIELDS = ['email', 'lang', 'topics'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Subscribes an address to the newsletter with the topics chosen; the address is confirmed by a mailed link. */
export function NewsletterForm() {
  const { t, lang, pick } = useI18n();
  const { taxonomies, organizations } = useReferenceData();
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState<string>(lang);
  const [filiere, setFiliere] = useState<string[]>([]);
  const [centres, setCentres] = useState<string[]>([]);
  const [sent, setSent] = useState(false);
  const submit = useSubmit(FIELDS);
  const failureText = useEditFailureText(submit.failure);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const local = localErrors([['email', !EMAIL.test(email.trim()), t('newsletter.error.email')]], FIELDS);
    void submit.run(async () => {
      await sendJson('POST', newsEndpoints.subscribe(), {
        email: email.trim(),
        lang: language,
        topics: { filiere, organizations: centres },
      });
      setSent(true);
    }, local);
  };

  if (sent)
    return (
      <SuccessPanel title={t('newsletter.sent_title')}>
        <p>{t('newsletter.sent_text')}</p>
      </SuccessPanel>
    );

  const filiereOptions = (taxonomies?.filiera ?? [])
    .map((x) => ({ value: x.code, label: pick(x.label)?.text ?? x.code }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const centreOptions = organizations
    .filter((o) => o.kind === 'centre' || o.kind === 'region')
    .map((o) => ({ value: o.id, label: o.shortName ?? o.name }));
  const fields: Partial<Record<string, SummaryField>> = {
    email: { id: `${ID}-email`, label: t('newsletter.field.email') },
    lang: { id: `${ID}-lang-0`, label: t('newsletter.field.lang') },
    topics: { id: `${ID}-filiere`, label: t('newsletter.field.filiere') },
  };
  return (
    <form className="clock-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary items={submit.errors.items} fields={fields} attempt={submit.attempt} intro={failureText} />
      <TextField
        id={`${ID}-email`}
        type="email"
        label={t('newsletter.field.email')}
        value={email}
        onChange={setEmail}
        error={submit.errors.byField.email}
        autoComplete="email"
        inputMode="email"
        required
      />
      <RadioGroup
        id={`${ID}-lang`}
        name="lang"
        legend={t('newsletter.field.lang')}
        options={[
          { value: 'it', label: t('newsletter.lang.it') },
          { value: 'en', label: t('newsletter.lang.en') },
        ]}
        value={language}
        onChange={setLanguage}
      />
      <CheckboxGroup
        id={`${ID}-filiere`}
        legend={t('newsletter.field.filiere')}
        hint={t('newsletter.field.topics_hint')}
        options={filiereOptions}
        values={filiere}
        onChange={setFiliere}
        error={submit.errors.byField.topics}
        markOptional
      />
      <CheckboxGroup
        id={`${ID}-centres`}
        legend={t('newsletter.field.organizations')}
        options={centreOptions}
        values={centres}
        onChange={setCentres}
        markOptional
      />
      <p className="small text-secondary">{t('newsletter.privacy')}</p>
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        {t('newsletter.subscribe')}
      </button>
    </form>
  );
}
