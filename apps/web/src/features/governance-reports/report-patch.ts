import { sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import type { FormErrors } from '../../lib/form-errors.ts';
import { reportEndpoints, type Report } from './report-api.ts';

/** Where a part of the report page sends its edits: the report's id and what to do with the updated report. */
export interface ReportWrite {
  id: string;
  onChange: (next: Report, said: string) => void;
}

/** A PATCH of the draft from one form: field errors beside the form's `fields`, the updated report handed back. */
export function usePatch(w: ReportWrite, fields: string[]) {
  const submit = useSubmit(fields);
  const send = (body: unknown, said: string, local?: FormErrors) =>
    void submit.run(async () => {
      const next = await sendJson<Report>('PATCH', reportEndpoints.report(w.id), body);
      clearApiCache();
      w.onChange(next, said);
    }, local);
  return { submit, send };
}
