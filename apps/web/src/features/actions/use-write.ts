import { sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useSubmit } from '../../lib/use-submit.ts';

/**
 * A form's write about an action or a meeting: the server answers with the whole updated thing, handed to `onChange`
 * with the sentence to announce; field errors land beside the form's `fields`.
 */
export function useWrite<T>(onChange: (next: T, said: string) => void, fields: string[]) {
  const submit = useSubmit(fields);
  const write = (method: 'POST' | 'PATCH', url: string, body: unknown, said: string, after?: () => void) =>
    submit.run(async () => {
      const next = await sendJson<T>(method, url, body);
      clearApiCache();
      onChange(next, said);
      after?.();
    });
  return { submit, write };
}
