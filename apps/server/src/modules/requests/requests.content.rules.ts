import { AppError, type FieldProblem } from '../../core/errors.ts';

/** What a company (or a centre, a Region officer on its behalf) submits. */
export interface SubmitBody {
  title: string;
  description: string;
  summary?: string;
  desiredOutcome?: string;
  sector?: string;
  filiera?: string;
  deadline?: string;
  confidentiality: 'public' | 'network' | 'confidential';
  lang?: 'it' | 'en';
  company?: string;
  companyName?: string;
  contactEmail?: string;
  source?: { type: 'competence' | 'service' | 'equipment' | 'expert'; id: string };
}

/** The fields a correction may change before the request is opened. */
export const EDITABLE = [
  'title',
  'description',
  'summary',
  'desiredOutcome',
  'sector',
  'filiera',
  'deadline',
  'confidentiality',
  'lang',
  'contactEmail',
] as const;
export type EditBody = Partial<Record<(typeof EDITABLE)[number], string | null>>;

/** Trimmed text, `undefined` when empty. */
export const text = (s: string | undefined | null) =>
  s === undefined || s === null ? undefined : s.trim() || undefined;

/** The rules on a request's own words, for submitting and for editing: every problem at once. */
export function contentProblems(
  body: Pick<SubmitBody, 'title' | 'description' | 'summary' | 'confidentiality' | 'deadline'>,
  now: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const title = text(body.title),
    description = text(body.description),
    summary = text(body.summary);
  if (!title || title.length < 5) problems.push({ pointer: '/body/title', message: 'must have at least 5 characters' });
  if (!description || description.length < 20)
    problems.push({ pointer: '/body/description', message: 'must have at least 20 characters' });
  if (body.confidentiality === 'public' && !summary)
    problems.push({ pointer: '/body/summary', message: 'a public request needs a summary anyone may read' });
  else if (summary && summary.length < 10)
    problems.push({ pointer: '/body/summary', message: 'must have at least 10 characters' });
  if (body.deadline) {
    const d = new Date(`${body.deadline}T23:59:59Z`);
    if (Number.isNaN(d.getTime())) problems.push({ pointer: '/body/deadline', message: 'must be a date (YYYY-MM-DD)' });
    else if (d.getTime() < now.getTime())
      problems.push({ pointer: '/body/deadline', message: 'must not be in the past' });
  }
  return problems;
}

/** A required text of an action (a reason, an outcome, a proposal), trimmed; a 400 naming the field when too short. */
export function requiredText(value: string | undefined, min: number, field: string, title: string): string {
  const t = value?.trim() ?? '';
  if (t.length < min)
    throw new AppError('VALIDATION_FAILED', title, [
      { pointer: `/body/${field}`, message: `must have at least ${min} characters` },
    ]);
  return t;
}
