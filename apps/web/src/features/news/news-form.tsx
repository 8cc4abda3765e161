import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { ErrorSummary, type SummaryField } from '../../components/ui/error-summary.tsx';
import { CheckboxGroup, TextField } from '../../components/ui/form-fields.tsx';
import { bothLanguages as both } from '../../lib/local-text.ts';
import { chosenLead, OrganizerFields } from '../editing/organizer-fields.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { useSession } from '../identity/session.tsx';
import { useEditFailureText } from '../editing/edit-failure.ts';
import { newsEndpoints, type NewsItem } from './news-api.ts';
import { newsOrganizations } from './news-roles.ts';
import './news-messages.ts';

const ID = 'news';
// The server's field pointers (/title/it…) map onto these names.
const FIELDS = ['organizations', 'title', 'summary', 'body', 'filiere'] as const;

interface Draft {
  lead: string;
  partners: string[];
  titleIt: string;
  titleEn: string;
  summaryIt: string;
  summaryEn: string;
  bodyIt: string;
  bodyEn: string;
  filiere: string[];
}

function draftOf(item: NewsItem | undefined): Draft {
  return {
    lead: item?.organizations[0]?.id ?? '',
    partners: item?.organizations.slice(1).map((o) => o.id) ?? [],
    titleIt: item?.title.it ?? '',
    titleEn: item?.title.en ?? '',
    summaryIt: item?.summary.it ?? '',
    summaryEn: item?.summary.en ?? '',
    bodyIt: item?.body?.it ?? '',
    bodyEn: item?.body?.en ?? '',
    filiere: item?.filiere ?? [],
  };
}

/** Writes a news item (a draft) or changes one: in whose name, with whom, the texts in either language, the topics. */
export function NewsForm({ item }: { item?: NewsItem }) {
  const { t, pick } = useI18n();
  const { user } = useSession();
  const { taxonomies, organizations } = useReferenceData();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => draftOf(item));
  const submit = useSubmit(FIELDS);
  const e = submit.errors.byField;
  const failureText = useEditFailureText(submit.failure);
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const leads = newsOrganizations(user, organizations);
  const lead = chosenLead(draft.lead, leads);
  const filiere = (taxonomies?.filiera ?? [])
    .map((x) => ({ value: x.code, label: pick(x.label)?.text ?? x.code }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const title = both(draft.titleIt, draft.titleEn);
    const summary = both(draft.summaryIt, draft.summaryEn);
    const local = localErrors(
      [
        ['organizations', !lead, t('news.error.organization')],
        ['title', !title, t('news.error.title')],
        ['summary', !summary, t('news.error.summary')],
      ],
      FIELDS,
    );
    void submit.run(async () => {
      const body = {
        organizations: [lead, ...draft.partners.filter((p) => p !== lead)],
        title,
        summary,
        body: both(draft.bodyIt, draft.bodyEn),
        filiere: draft.filiere,
      };
      const saved = item
        ? await sendJson<NewsItem>('PATCH', newsEndpoints.one(item.id), body)
        : await sendJson<NewsItem>('POST', newsEndpoints.create(), body);
      clearApiCache();
      navigate(`/notizie/${saved.id}`, { state: { notice: item ? 'saved' : 'created' } });
    }, local);
  };

  const fields: Partial<Record<string, SummaryField>> = {
    organizations: { id: `${ID}-lead`, label: t('news.field.organization') },
    title: { id: `${ID}-title-it`, label: t('news.field.title') },
    summary: { id: `${ID}-summary-it`, label: t('news.field.summary') },
    body: { id: `${ID}-body-it`, label: t('news.field.body_it') },
    filiere: { id: `${ID}-filiere`, label: t('news.field.filiere') },
  };

  return (
    <form className="clock-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary items={submit.errors.items} fields={fields} attempt={submit.attempt} intro={failureText} />
      <OrganizerFields
        idPrefix={ID}
        leads={leads}
        lead={lead}
        partners={draft.partners}
        all={organizations}
        onLead={set('lead')}
        onPartners={(partners) => setDraft((d) => ({ ...d, partners }))}
        error={e.organizations}
        labels={{
          lead: t('news.field.organization'),
          choose: t('news.filter.all'),
          partners: t('news.field.partners'),
          partnersHint: t('news.field.partners_hint'),
        }}
      />
      <TextField
        id={`${ID}-title-it`}
        label={t('news.field.title_it')}
        value={draft.titleIt}
        onChange={set('titleIt')}
        error={e.title}
        lang="it"
      />
      <TextField
        id={`${ID}-title-en`}
        label={t('news.field.title_en')}
        value={draft.titleEn}
        onChange={set('titleEn')}
        lang="en"
        markOptional
      />
      <TextField
        id={`${ID}-summary-it`}
        label={t('news.field.summary_it')}
        hint={t('news.field.summary_hint')}
        value={draft.summaryIt}
        onChange={set('summaryIt')}
        error={e.summary}
        multiline
        rows={3}
        lang="it"
      />
      <TextField
        id={`${ID}-summary-en`}
        label={t('news.field.summary_en')}
        value={draft.summaryEn}
        onChange={set('summaryEn')}
        multiline
        rows={3}
        lang="en"
        markOptional
      />
      <TextField
        id={`${ID}-body-it`}
        label={t('news.field.body_it')}
        value={draft.bodyIt}
        onChange={set('bodyIt')}
        error={e.body}
        multiline
        rows={8}
        lang="it"
        markOptional
      />
      <TextField
        id={`${ID}-body-en`}
        label={t('news.field.body_en')}
        value={draft.bodyEn}
        onChange={set('bodyEn')}
        multiline
        rows={8}
        lang="en"
        markOptional
      />
      <CheckboxGroup
        id={`${ID}-filiere`}
        legend={t('news.field.filiere')}
        hint={t('news.field.filiere_hint')}
        options={filiere}
        values={draft.filiere}
        onChange={(values) => setDraft((d) => ({ ...d, filiere: values }))}
        error={e.filiere}
        markOptional
      />
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        {item ? t('news.save_changes') : t('news.save')}
      </button>
    </form>
  );
}
