import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { sendJson } from '../../lib/api.ts';
import { clearApiCache } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { TextField } from '../../components/ui/form-fields.tsx';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { useSession } from '../identity/session.tsx';
import type { RequestView } from '../requests/request-api.ts';
import { apiUrl } from '../../lib/api.ts';
import type { Action } from './action-api.ts';
import './action-messages.ts';

const CENTRE_ROLES = new Set(['nucleus', 'centre-manager', 'centre-staff']);

/**
 * On a request whose team is agreed (or at work), its lead centre's people may turn the team into a joint action. The
 * server decides (403/409); this only offers it to those it would accept.
 */
export function RequestToAction({ request }: { request: RequestView }) {
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const [end, setEnd] = useState('');
  const submit = useSubmit(['end', 'start']);
  const lead = request.centres?.find((c) => c.teamRole === 'lead');
  const mine =
    !!lead &&
    (user?.platformRole === 'admin' ||
      !!user?.memberships.some((m) => m.organization === lead.organization && CENTRE_ROLES.has(m.role)));
  if (!mine || (request.state !== 'team_agreed' && request.state !== 'in_progress')) return null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run(async () => {
      const action = await sendJson<Action>(
        'POST',
        apiUrl(`/requests/${encodeURIComponent(request.id)}/joint-action`),
        {
          end,
        },
      );
      clearApiCache();
      navigate(`/azioni/${action.id}`);
    });
  };
  return (
    <section aria-labelledby="request-to-action-title" className="mb-4">
      <h2 id="request-to-action-title" className="h4">
        {t('action.from_request.title')}
      </h2>
      <p>{t('action.from_request.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary
          items={submit.errors.items}
          attempt={submit.attempt}
          fields={{ end: { id: 'request-action-end', label: t('action.form.end') } }}
        />
        {submit.failure ? <ProblemAlert error={submit.failure} /> : null}
        <TextField
          id="request-action-end"
          type="date"
          label={t('action.form.end')}
          value={end}
          onChange={setEnd}
          error={submit.errors.byField.end}
          required
        />
        <button type="submit" className="btn btn-outline-primary" disabled={submit.busy}>
          {t('action.from_request.submit')}
        </button>
      </form>
    </section>
  );
}
