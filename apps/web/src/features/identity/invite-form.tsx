import { useState, type FormEvent } from 'react';
import { endpoints, sendJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { localErrors } from '../../lib/form-errors.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { problemMessageKey } from '../../components/ui/problem-alert.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { useOrganizationName } from '../catalogue/organization-name.tsx';
import { useSession } from './session.tsx';
import { grantableRoles } from './permissions.ts';
import { roleLabel } from './roles.ts';

const FIELDS = ['email', 'organization', 'role'] as const;

interface InviteFormProps {
  /** The organisations to invite to: one (a manager's form for it) or several (an administrator picks). */
  organizations: string[];
  idPrefix: string;
}

/** Invites a colleague by e-mail with a role no stronger than one's own; the link is valid for 7 days. */
export function InviteForm({ organizations, idPrefix }: InviteFormProps) {
  const { t } = useI18n();
  const { user } = useSession();
  const { organizationById } = useReferenceData();
  const organizationName = useOrganizationName();
  const [email, setEmail] = useState('');
  const [organization, setOrganization] = useState(organizations.length === 1 ? organizations[0]! : '');
  const roles = organization ? grantableRoles(user, organization, organizationById.get(organization)?.kind) : [];
  const [role, setRole] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const submit = useSubmit(FIELDS);
  const { byField } = submit.errors;
  const chosenRole = (roles as string[]).includes(role) ? role : (roles[0] ?? '');
  const ids = { email: `${idPrefix}-email`, organization: `${idPrefix}-organization`, role: `${idPrefix}-role` };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    const to = email.trim();
    void submit.run(
      async () => {
        await sendJson('POST', endpoints.invitations(), { email: to, organization, role: chosenRole });
        setSent(t('invite.sent', { email: to, organization: organizationName(organization) }));
        setEmail('');
      },
      localErrors(
        [
          ['email', !to, t('form.error.required')],
          ['organization', !organization, t('form.error.required')],
        ],
        FIELDS,
      ),
    );
  };

  return (
    <form className="clock-form invite-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary
        items={submit.errors.items}
        fields={{
          email: { id: ids.email, label: t('invite.email') },
          organization: { id: ids.organization, label: t('type.organization') },
          role: { id: ids.role, label: t('account.role') },
        }}
        attempt={submit.attempt}
        intro={
          submit.failure
            ? submit.failure.status === 403
              ? t('invite.forbidden')
              : t(problemMessageKey(submit.failure))
            : undefined
        }
      />
      <div className="row g-3">
        {organizations.length > 1 ? (
          <div className="col-12">
            <SelectField
              id={ids.organization}
              label={t('type.organization')}
              value={organization}
              onChange={setOrganization}
              emptyLabel={t('form.choose')}
              options={organizations.map((o) => ({ value: o, label: organizationName(o) }))}
              error={byField.organization}
              required
            />
          </div>
        ) : null}
        <div className="col-12 col-md-7">
          <TextField
            id={ids.email}
            label={t('invite.email')}
            type="email"
            autoComplete="off"
            value={email}
            onChange={setEmail}
            error={byField.email}
            required
            spellCheck={false}
          />
        </div>
        <div className="col-12 col-md-5">
          <SelectField
            id={ids.role}
            label={t('account.role')}
            value={chosenRole}
            onChange={setRole}
            options={roles.map((r) => ({ value: r, label: t(roleLabel(r)) }))}
            error={byField.role}
            required
          />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {submit.busy ? t('state.working') : t('invite.submit')}
        </button>
      </div>
      <p className="form-status" role="status">
        {sent ?? ''}
      </p>
    </form>
  );
}
