import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, endpoints, sendJson, type ApiToken, type CreatedToken } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { localErrors } from '../../lib/form-errors.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert, problemMessageKey } from '../../components/ui/problem-alert.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { CopyButton } from '../../components/ui/copy-button.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { useOrganizationName } from '../catalogue/organization-name.tsx';
import { useSession } from './session.tsx';
import { grantableRoles } from './permissions.ts';
import { roleLabel } from './roles.ts';

const FIELDS = ['name', 'organization', 'role', 'expiresInDays'] as const;

function CreatedSecret({ created }: { created: CreatedToken }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [created.id]);
  return (
    <div className="success-panel token-secret">
      <h3 className="h5" ref={heading} tabIndex={-1}>
        {t('tokens.created_title', { name: created.name })}
      </h3>
      <p>{t('tokens.created_text')}</p>
      <div className="field">
        <label className="field-label" htmlFor="token-secret">
          {t('tokens.secret_label', { name: created.name })}
        </label>
        <div className="token-secret-row">
          <input
            id="token-secret"
            className="form-control token-secret-value"
            readOnly
            value={created.token}
            spellCheck={false}
            onFocus={(e) => e.target.select()}
          />
          <CopyButton targetId="token-secret" label={t('tokens.copy')} />
        </div>
      </div>
    </div>
  );
}

function CreateTokenForm({
  organizations,
  onCreated,
}: {
  organizations: string[];
  onCreated: (token: CreatedToken) => void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const { organizationById } = useReferenceData();
  const organizationName = useOrganizationName();
  const [name, setName] = useState('');
  const [organization, setOrganization] = useState(organizations.length === 1 ? organizations[0]! : '');
  const [role, setRole] = useState('');
  const [days, setDays] = useState('90');
  const submit = useSubmit(FIELDS);
  const { byField } = submit.errors;
  const roles = organization ? grantableRoles(user, organization, organizationById.get(organization)?.kind) : [];
  const chosenRole = (roles as string[]).includes(role)
    ? role
    : (roles.find((r) => r === 'centre-staff' || r === 'company') ?? roles[0] ?? '');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(days);
    void submit.run(
      async () => {
        const created = await sendJson<CreatedToken>('POST', endpoints.tokens(), {
          name: name.trim(),
          organization,
          role: chosenRole,
          ...(days.trim() ? { expiresInDays: Number.isInteger(n) ? n : days } : {}),
        });
        setName('');
        onCreated(created);
      },
      localErrors(
        [
          ['name', !name.trim(), t('form.error.required')],
          ['organization', !organization, t('form.error.required')],
          ['expiresInDays', days.trim() !== '' && !(Number.isInteger(n) && n >= 1 && n <= 365), t('tokens.days_range')],
        ],
        FIELDS,
      ),
    );
  };

  return (
    <form className="clock-form" noValidate onSubmit={onSubmit} aria-labelledby="tokens-create-title">
      <h3 className="h5" id="tokens-create-title">
        {t('tokens.create_title')}
      </h3>
      <ErrorSummary
        items={submit.errors.items}
        fields={{
          name: { id: 'token-name', label: t('tokens.name') },
          organization: { id: 'token-organization', label: t('type.organization') },
          role: { id: 'token-role', label: t('account.role') },
          expiresInDays: { id: 'token-days', label: t('tokens.days') },
        }}
        attempt={submit.attempt}
        intro={submit.failure ? t(problemMessageKey(submit.failure)) : undefined}
      />
      <div className="row g-3">
        <div className="col-12 col-md-6">
          <TextField
            id="token-name"
            label={t('tokens.name')}
            hint={t('tokens.name_hint')}
            value={name}
            onChange={setName}
            error={byField.name}
            autoComplete="off"
            required
          />
        </div>
        {organizations.length > 1 ? (
          <div className="col-12 col-md-6">
            <SelectField
              id="token-organization"
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
        <div className="col-12 col-md-6">
          <SelectField
            id="token-role"
            label={t('account.role')}
            hint={t('tokens.role_hint')}
            value={chosenRole}
            onChange={setRole}
            options={roles.map((r) => ({ value: r, label: t(roleLabel(r)) }))}
            error={byField.role}
            required
          />
        </div>
        <div className="col-12 col-md-6">
          <TextField
            id="token-days"
            label={t('tokens.days')}
            hint={t('tokens.days_hint')}
            inputMode="numeric"
            value={days}
            onChange={setDays}
            error={byField.expiresInDays}
          />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={submit.busy}>
          {submit.busy ? t('state.working') : t('tokens.create')}
        </button>
      </div>
    </form>
  );
}

function tokenState(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revoked) return 'revoked';
  return new Date(token.expiresAt).getTime() < Date.now() ? 'expired' : 'active';
}

/** The API tokens of the organisations one manages: list, create (the secret shown once), revoke. */
export function ApiTokens({ organizations }: { organizations: string[] }) {
  const { t, formatDate } = useI18n();
  const organizationName = useOrganizationName();
  const list = useApi<ApiToken[]>(endpoints.tokens());
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [busy, setBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<ApiError | null>(null);
  const [said, setSaid] = useState('');

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setRevokeError(null);
    try {
      await sendJson('DELETE', endpoints.token(revoking.id));
      setSaid(t('tokens.revoked_done', { name: revoking.name }));
      setRevoking(null);
      list.reload();
    } catch (error) {
      setRevokeError(error instanceof ApiError ? error : new ApiError('network', 0));
    } finally {
      setBusy(false);
    }
  };

  const tokens = list.data ?? [];
  return (
    <>
      <div aria-busy={list.loading}>
        {list.loading ? <LoadingState /> : null}
        {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
        {list.data && tokens.length === 0 ? <EmptyState>{t('tokens.none')}</EmptyState> : null}
        {tokens.length > 0 ? (
          <ul className="token-list">
            {tokens.map((token) => {
              const state = tokenState(token);
              return (
                <li key={token.id} className="token-item">
                  <h3 className="h6 token-name">{token.name}</h3>
                  <dl className="token-facts">
                    <div>
                      <dt>{t('type.organization')}</dt>
                      <dd>{organizationName(token.organization)}</dd>
                    </div>
                    <div>
                      <dt>{t('account.role')}</dt>
                      <dd>{t(roleLabel(token.role))}</dd>
                    </div>
                    <div>
                      <dt>{t('tokens.state')}</dt>
                      <dd>{t(`tokens.state.${state}`)}</dd>
                    </div>
                    <div>
                      <dt>{t('tokens.created_on')}</dt>
                      <dd>{formatDate(token.createdAt)}</dd>
                    </div>
                    <div>
                      <dt>{t('tokens.expires_on')}</dt>
                      <dd>{formatDate(token.expiresAt)}</dd>
                    </div>
                    <div>
                      <dt>{t('tokens.last_used')}</dt>
                      <dd>{token.lastUsedAt ? formatDate(token.lastUsedAt) : t('tokens.never_used')}</dd>
                    </div>
                  </dl>
                  {state === 'active' ? (
                    <button
                      type="button"
                      className="btn btn-outline-danger btn-sm"
                      onClick={() => {
                        setRevokeError(null);
                        setRevoking(token);
                      }}
                    >
                      {t('tokens.revoke')}
                      <span className="visually-hidden"> {t('tokens.revoke_which', { name: token.name })}</span>
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
      <p className="form-status" role="status">
        {said}
      </p>
      {created ? <CreatedSecret created={created} /> : null}
      <CreateTokenForm
        organizations={organizations}
        onCreated={(token) => {
          setSaid('');
          setCreated(token);
          list.reload();
        }}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={t('tokens.revoke_title', { name: revoking?.name ?? '' })}
        confirmLabel={t('tokens.revoke')}
        onConfirm={revoke}
        onCancel={() => setRevoking(null)}
        busy={busy}
        error={revokeError ? t(problemMessageKey(revokeError)) : undefined}
      >
        <p>{t('tokens.revoke_text')}</p>
      </ConfirmDialog>
    </>
  );
}
