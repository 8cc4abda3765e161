import { useId, useState, type FormEvent } from 'react';
import type { Organization } from '@clock/contracts';
import { endpoints, getJson, sendJson, type Page } from '../../lib/api.ts';
import type { FormErrors } from '../../lib/form-errors.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { SelectField } from '../../components/ui/form-fields.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { roleLabel } from '../identity/roles.ts';
import { useSession } from '../identity/session.tsx';
import { adminEndpoints, assignableRoles, type AccountStatusChange, type PersonDetail } from './admin-api.ts';
import { PersonHistory, StatusBadge } from './person-bits.tsx';

/** One person for an administrator: account status, roles (grant, change, revoke), pending invitations, history. */
export function PersonView({ initial }: { initial: PersonDetail }) {
  const { t, formatDateTime } = useI18n();
  const { user } = useSession();
  const [person, setPerson] = useState(initial);
  const [notice, setNotice] = useState('');
  const [confirming, setConfirming] = useState(false);
  const action = useSubmit([]);
  const orgs = useApi<Page<Organization>>(endpoints.organizations({ limit: 100 }));
  const self = user?.id === person.id;
  const disabled = person.status === 'disabled';

  const toggle = () =>
    void action.run(async () => {
      const r = await sendJson<AccountStatusChange>(
        'POST',
        (disabled ? adminEndpoints.enable : adminEndpoints.disable)(person.id),
      );
      setPerson(r.person);
      setConfirming(false);
      setNotice(
        disabled
          ? t('admin.person.enabled')
          : t('admin.person.disabled_notice', { sessions: String(r.sessionsEnded), tokens: String(r.tokensRevoked) }),
      );
    });
  const revoke = (role: string, organization: string | null) =>
    void action.run(async () => {
      setPerson(await sendJson<PersonDetail>('POST', adminEndpoints.revoke(person.id), { role, organization }));
      setNotice(t('admin.person.revoked', { role: t(roleLabel(role)) }));
    });
  const resend = (id: string, email: string) =>
    void action.run(async () => {
      await sendJson('POST', adminEndpoints.resend(id));
      setPerson(await getJson<PersonDetail>(adminEndpoints.person(person.id)));
      setNotice(t('admin.person.invitation_sent', { email }));
    });

  return (
    <>
      <p className="person-summary">
        <span className="person-email">{person.email}</span> <StatusBadge status={person.status} />
        {person.lastSeenAt ? (
          <span className="d-block small">
            {t('admin.person.last_seen', { when: formatDateTime(person.lastSeenAt) })}
          </span>
        ) : null}
      </p>
      <div className="person-notice" role="status" aria-live="polite">
        {notice ? <p className="alert alert-success">{notice}</p> : null}
      </div>
      {action.failure ? <ProblemAlert error={action.failure} /> : null}

      <section aria-labelledby="person-account" className="form-section">
        <h2 id="person-account" className="h4">
          {t('admin.person.account')}
        </h2>
        <p>
          {disabled
            ? t('admin.person.is_disabled', { when: formatDateTime(person.disabledAt ?? '') })
            : t('admin.person.is_enabled')}
        </p>
        {self ? (
          <p className="small">{t('admin.person.self_note')}</p>
        ) : (
          <button
            type="button"
            className={disabled ? 'btn btn-primary' : 'btn btn-outline-danger'}
            onClick={() => (disabled ? toggle() : setConfirming(true))}
            disabled={action.busy}
          >
            {disabled ? t('admin.person.enable') : t('admin.person.disable')}
          </button>
        )}
        <ConfirmDialog
          open={confirming}
          title={t('admin.person.disable_title', { name: person.name || person.email })}
          confirmLabel={t('admin.person.disable')}
          onConfirm={toggle}
          onCancel={() => setConfirming(false)}
          busy={action.busy}
          error={action.failure ? <ProblemAlert error={action.failure} /> : undefined}
        >
          <p>{t('admin.person.disable_text')}</p>
        </ConfirmDialog>
      </section>

      <section aria-labelledby="person-roles" className="form-section">
        <h2 id="person-roles" className="h4">
          {t('admin.person.roles')}
        </h2>
        {person.platformRole || person.memberships.length ? (
          <ul className="person-roles list-unstyled">
            {person.platformRole ? (
              <li>
                <span>
                  {t(roleLabel(person.platformRole))} ({t('admin.person.platform_wide')})
                </span>{' '}
                {user?.platformRole === 'admin' && !(self && person.platformRole === 'admin') ? (
                  <button
                    type="button"
                    className="btn btn-link btn-sm"
                    onClick={() => revoke(person.platformRole!, null)}
                    disabled={action.busy}
                  >
                    {t('admin.person.revoke')}
                    <span className="visually-hidden">: {t(roleLabel(person.platformRole))}</span>
                  </button>
                ) : null}
              </li>
            ) : null}
            {person.memberships.map((m) => (
              <li key={m.organization}>
                <span>{t('admin.role_at', { role: t(roleLabel(m.role)), organization: m.organizationName })}</span>{' '}
                <button
                  type="button"
                  className="btn btn-link btn-sm"
                  onClick={() => revoke(m.role, m.organization)}
                  disabled={action.busy}
                >
                  {t('admin.person.revoke')}
                  <span className="visually-hidden">
                    : {t('admin.role_at', { role: t(roleLabel(m.role)), organization: m.organizationName })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('admin.people.no_roles')}</p>
        )}
        <GrantRoleForm
          person={person}
          organizations={orgs.data?.items ?? []}
          onGranted={(p, role) => {
            setPerson(p);
            setNotice(t('admin.person.granted', { role: t(roleLabel(role)) }));
          }}
        />
      </section>

      {person.invitations.length ? (
        <section aria-labelledby="person-invitations" className="form-section">
          <h2 id="person-invitations" className="h4">
            {t('admin.person.invitations')}
          </h2>
          <ul className="list-unstyled">
            {person.invitations.map((i) => (
              <li key={i.id}>
                {t('admin.role_at', { role: t(roleLabel(i.role)), organization: i.organization })} —{' '}
                {i.expired
                  ? t('admin.person.invitation_expired')
                  : t('admin.person.invitation_until', { when: formatDateTime(i.expiresAt) })}{' '}
                <button
                  type="button"
                  className="btn btn-link btn-sm"
                  onClick={() => resend(i.id, i.email)}
                  disabled={action.busy}
                >
                  {t('admin.person.resend')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="person-history" className="form-section">
        <h2 id="person-history" className="h4">
          {t('admin.person.history')}
        </h2>
        <PersonHistory entries={person.history} />
      </section>
    </>
  );
}

/** Give a role: in an organisation (replacing the role held there), or platform-wide (administrators only). */
function GrantRoleForm({
  person,
  organizations,
  onGranted,
}: {
  person: PersonDetail;
  organizations: Organization[];
  onGranted: (p: PersonDetail, role: string) => void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const id = useId();
  const [organization, setOrganization] = useState('');
  const [role, setRole] = useState('');
  const submit = useSubmit(['role', 'organization']);
  const kind = organizations.find((o) => o.id === organization)?.kind;
  const roles = assignableRoles(user, organization ? kind : undefined).filter((r) =>
    organization ? !['admin', 'region'].includes(r) : ['admin', 'region'].includes(r),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const missing = { text: t('admin.grant.role_missing') };
    const local: FormErrors | undefined = role
      ? undefined
      : { byField: { role: missing }, items: [{ field: 'role', message: missing }] };
    void submit.run(async () => {
      const p = await sendJson<PersonDetail>('POST', adminEndpoints.grant(person.id), {
        role,
        organization: organization || null,
      });
      setRole('');
      onGranted(p, role);
    }, local);
  };
  return (
    <form className="clock-form grant-role-form" noValidate onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="h5">
        {t('admin.grant.title')}
      </h3>
      <ErrorSummary
        items={submit.errors.items}
        fields={{
          role: { id: `${id}-role`, label: t('admin.grant.role') },
          organization: { id: `${id}-org`, label: t('admin.grant.organization') },
        }}
        attempt={submit.attempt}
      />
      {submit.failure ? <ProblemAlert error={submit.failure} /> : null}
      <div className="row g-3 align-items-end">
        <div className="col-12 col-md-5">
          <SelectField
            id={`${id}-org`}
            label={t('admin.grant.organization')}
            value={organization}
            onChange={(v) => {
              setOrganization(v);
              setRole('');
            }}
            emptyLabel={
              user?.platformRole === 'admin' ? t('admin.grant.platform') : t('admin.grant.choose_organization')
            }
            options={organizations.map((o) => ({ value: o.id, label: o.shortName ?? o.name }))}
            error={submit.errors.byField.organization}
          />
        </div>
        <div className="col-12 col-md-4">
          <SelectField
            id={`${id}-role`}
            label={t('admin.grant.role')}
            value={role}
            onChange={setRole}
            emptyLabel={t('admin.grant.choose_role')}
            options={roles.map((r) => ({ value: r, label: t(roleLabel(r)) }))}
            error={submit.errors.byField.role}
            required
          />
        </div>
        <div className="col-12 col-md-3">
          <button type="submit" className="btn btn-primary w-100 mb-3" disabled={submit.busy}>
            {t('admin.grant.submit')}
          </button>
        </div>
      </div>
    </form>
  );
}
