import { ApiError } from './api.ts';
import type { I18n } from './i18n.tsx';

/** A message shown next to a field; `lang` is set when it is the server's (English) text. */
export interface FieldMessage {
  text: string;
  lang?: string;
}

/** One line of a form's error summary: the field it is about (null: the form as a whole) and the message. */
export interface FormErrorItem {
  field: string | null;
  message: FieldMessage;
}

export interface FormErrors {
  byField: Partial<Record<string, FieldMessage>>;
  /** In the order of the form's fields, then those that belong to no field. */
  items: FormErrorItem[];
}

export const NO_ERRORS: FormErrors = { byField: {}, items: [] };

/**
 * The form field a problem pointer is about: `/body/title/it` → `title.it` when the form has that field, else
 * `title`; `/body/keywords/2` → `keywords`; `/currentPassword` (no `/body`) works too. Null when no field matches.
 */
export function fieldOfPointer(pointer: string, fields: readonly string[]): string | null {
  const parts = pointer.split('/').filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (fields.includes(candidate)) return candidate;
  }
  return null;
}

type T = I18n['t'];

/** The server's common field messages in the reader's language; any other stays the server's English text. */
export function translateFieldMessage(message: string, t: T): FieldMessage {
  const m = message.trim();
  if (/^(is required|must not be empty|must have required property .+|must NOT have fewer than 1 characters?)$/.test(m))
    return { text: t('form.error.required') };
  if (/^must have text in at least one language/.test(m)) return { text: t('form.error.one_language') };
  const atMost = /^must (?:be at most|NOT have more than) (\d+) characters?$/.exec(m);
  if (atMost) return { text: t('form.error.too_long', { max: atMost[1]! }) };
  const atLeast = /^must (?:be at least|NOT have fewer than|have at least) (\d+) characters?$/.exec(m);
  if (atLeast) return { text: t('form.error.too_short', { min: atLeast[1]! }) };
  // The requests' rules (requests.service.ts).
  if (/^a public request needs a summary/.test(m)) return { text: t('request.error.summary_public') };
  if (/^must not be in the past$/.test(m)) return { text: t('request.error.past') };
  if (/^must be a date/.test(m)) return { text: t('request.error.date') };
  if (/^name the company the request is for$/.test(m)) return { text: t('request.error.company_name') };
  if (/^you may submit only for your own company$/.test(m)) return { text: t('request.error.own_company') };
  if (/^must be a centre that expressed interest$/.test(m)) return { text: t('request.error.not_interested') };
  if (/^is already the lead$/.test(m)) return { text: t('request.error.already_lead') };
  if (/^a confidential request is opened only to the centres named/.test(m))
    return { text: t('request.action.open.centres_required') };
  // The matchmaking days' rules (brokerage/matchmaking.service.ts, matchmaking.rules.ts).
  if (/^needs a text in Italian or English$/.test(m)) return { text: t('form.error.one_language') };
  if (/^must be one of the network centres$/.test(m)) return { text: t('form.error.network_centre') };
  if (/^must be an event the organising centre runs$/.test(m)) return { text: t('form.error.own_event') };
  if (/^must not be a cancelled event$/.test(m)) return { text: t('form.error.cancelled_event') };
  if (/^must be a participant of this day$/.test(m)) return { text: t('form.error.day_participant') };
  if (/^must be another participant$/.test(m)) return { text: t('form.error.other_participant') };
  const oneOf = /^must be (?:one|equal to one) of(?: the allowed values)?:? ?(.*)$/.exec(m);
  if (oneOf) {
    return { text: oneOf[1] ? t('form.error.one_of', { values: oneOf[1] }) : t('form.error.one_of_short') };
  }
  if (/^must be an e-?mail address$|^must match format "email"$/.test(m)) return { text: t('form.error.email') };
  const min = /^must be >= (-?\d+)$/.exec(m);
  if (min) return { text: t('form.error.min', { min: min[1]! }) };
  const max = /^must be <= (-?\d+)$/.exec(m);
  if (max) return { text: t('form.error.max', { max: max[1]! }) };
  if (/^must be integer$/.test(m)) return { text: t('form.error.integer') };
  if (/^must be boolean$/.test(m)) return { text: t('form.error.boolean') };
  if (/^must not repeat items$|^must NOT have duplicate items/.test(m)) return { text: t('form.error.unique') };
  if (/^is wrong$/.test(m)) return { text: t('form.error.wrong_password') };
  if (/^must (?:be a valid uri|match format "uri")$/.test(m)) return { text: t('form.error.url') };
  if (/^is already taken$/.test(m)) return { text: t('form.error.taken') };
  if (/^is already registered$/.test(m)) return { text: t('form.error.registered') };
  if (/^is not an allowed field$/.test(m)) return { text: t('form.error.not_allowed') };
  // Codes checked against the taxonomies (catalogue records).
  const unknownCode = /^unknown (?:NACE\/ATECO code|supply chain \(filiera\)|S3 priority|technology area) "(.*)"$/.exec(
    m,
  );
  if (unknownCode) return { text: t('form.error.unknown_code', { code: unknownCode[1]! }) };
  const oldS3 = /^"(.*)" belongs to an earlier S3 strategy/.exec(m);
  if (oldS3) return { text: t('form.error.s3_old', { code: oldS3[1]! }) };
  if (/two-letter province code/.test(m)) return { text: t('form.error.province') };
  if (/^must be 1-100 lower-case letters/.test(m)) return { text: t('form.error.identifier') };
  return { text: m, lang: 'en' };
}

/**
 * The field errors of a failed request, for the form's fields (in their order). Null when the answer lists no
 * field errors: the caller then shows the problem as a whole.
 */
export function formErrorsFromProblem(error: unknown, fields: readonly string[], t: T): FormErrors | null {
  if (!(error instanceof ApiError)) return null;
  const problems = error.problem?.errors ?? [];
  if (problems.length === 0) return null;
  const byField: FormErrors['byField'] = {};
  const loose: FormErrorItem[] = [];
  for (const p of problems) {
    const field = fieldOfPointer(p.pointer, fields);
    const message = translateFieldMessage(p.message, t);
    if (field === null) {
      const where = p.pointer.replace(/^\/body\/?/, '');
      loose.push({
        field: null,
        message: message.lang ? { text: `${where} ${message.text}`.trim(), lang: 'en' } : message,
      });
    } else if (!byField[field]) {
      byField[field] = message;
    }
  }
  const items: FormErrorItem[] = fields.flatMap((f) => (byField[f] ? [{ field: f, message: byField[f]! }] : []));
  return { byField, items: [...items, ...loose] };
}

/** Errors found before sending (empty required fields), in the same shape. */
export function localErrors(
  checks: [field: string, failed: boolean, message: string][],
  fields: readonly string[],
): FormErrors {
  const byField: FormErrors['byField'] = {};
  for (const [field, failed, message] of checks) if (failed && !byField[field]) byField[field] = { text: message };
  const items: FormErrorItem[] = fields.flatMap((f) => (byField[f] ? [{ field: f, message: byField[f]! }] : []));
  return { byField, items };
}
