import type { I18n } from '../../lib/i18n.tsx';
import type { FormErrors } from '../../lib/form-errors.ts';
import { splitList } from '../editing/record-draft.ts';
import type { Opportunity, Text } from './opportunity-api.ts';

/** The texts an opportunity has in Italian and English, as the form's field names (`title.it`…). */
export const TEXT_KEYS = ['title', 'description', 'technology', 'partnerSought'] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

/**
 * The form's fields in their order; the server's pointers (`/body/description/it`) land on them, so an anonymity
 * refusal is shown next to the very field and language that holds the leak.
 */
export const FIELDS = [
  'organization',
  'centre',
  'kind',
  'anonymous',
  ...TEXT_KEYS.flatMap((k) => [`${k}.it`, `${k}.en`, k]),
  'stage',
  'ipStatus',
  'partnershipKinds',
  'filiere',
  'sectors',
  's3',
  'expiresAt',
] as const;

export interface OpportunityDraft {
  organization: string;
  centre: string;
  kind: string;
  anonymous: boolean;
  texts: Record<TextKey, { it: string; en: string }>;
  stage: string;
  ipStatus: string;
  partnershipKinds: string[];
  filiere: string[];
  sectors: string;
  s3: string[];
  expiresAt: string;
}

export function draftOf(o: Opportunity | undefined, organization: string): OpportunityDraft {
  const text = (t: Text | null | undefined) => ({ it: t?.it ?? '', en: t?.en ?? '' });
  return {
    organization: o?.company?.id ?? organization,
    centre: o?.centre.id ?? '',
    kind: o?.kind ?? 'technology-request',
    anonymous: o?.anonymous ?? false,
    texts: {
      title: text(o?.title),
      description: text(o?.description),
      technology: text(o?.technology),
      partnerSought: text(o?.partnerSought),
    },
    stage: o?.stage ?? '',
    ipStatus: o?.ipStatus ?? '',
    partnershipKinds: o?.partnershipKinds ?? [],
    filiere: o?.filiere ?? [],
    sectors: (o?.sectors ?? []).join(', '),
    s3: o?.s3 ?? [],
    expiresAt: o?.expiresAt.slice(0, 10) ?? '',
  };
}

/** A text in the API's shape: the languages written, trimmed; null (or {} for required texts) when none is. */
function textOf(t: { it: string; en: string }): Text | null {
  const out: Text = {};
  if (t.it.trim()) out.it = t.it.trim();
  if (t.en.trim()) out.en = t.en.trim();
  return out.it || out.en ? out : null;
}

/** The body of PATCH /opportunities/:id (and, with organisation and centre, of POST /opportunities). */
export function fieldsOf(d: OpportunityDraft) {
  return {
    kind: d.kind,
    anonymous: d.anonymous,
    title: textOf(d.texts.title) ?? {},
    description: textOf(d.texts.description) ?? {},
    technology: textOf(d.texts.technology),
    partnerSought: textOf(d.texts.partnerSought),
    stage: d.stage || null,
    ipStatus: d.ipStatus || null,
    partnershipKinds: d.partnershipKinds,
    filiere: d.filiere,
    sectors: splitList(d.sectors),
    s3: d.s3,
    ...(d.expiresAt ? { expiresAt: d.expiresAt } : {}),
  };
}

/** The anonymity rule's messages (anonymity.rules.ts), in the reader's language. */
const LEAKS: [RegExp, 'email' | 'url' | 'vat' | 'phone' | 'name'][] = [
  [/^contains an e-mail address/, 'email'],
  [/^contains a web address/, 'url'],
  [/^contains a VAT number/, 'vat'],
  [/^contains a phone number/, 'phone'],
  [/^contains the company's own name/, 'name'],
];

/** Puts the anonymity refusals (left in the server's English by the common translation) in the reader's words. */
export function localizeLeaks(errors: FormErrors, t: I18n['t']): FormErrors {
  const tr = (m: { text: string; lang?: string }) => {
    const leak = m.lang ? LEAKS.find(([re]) => re.test(m.text)) : undefined;
    return leak ? { text: t(`brokerage.leak.${leak[1]}`) } : m;
  };
  const byField: FormErrors['byField'] = {};
  for (const [k, v] of Object.entries(errors.byField)) if (v) byField[k] = tr(v);
  return { byField, items: errors.items.map((i) => ({ ...i, message: tr(i.message) })) };
}
