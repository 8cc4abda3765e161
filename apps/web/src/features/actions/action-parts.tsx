import { useState, type FormEvent } from 'react';
import { sendJson, endpoints, type ApiError, type Page } from '../../lib/api.ts';
import { clearApiCache, useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useWrite } from './use-write.ts';
import { SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { LocalizedText } from '../../components/ui/localized-text.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { actionEndpoints, CONTRIBUTION_KINDS, PARTNER_ROLES, type Action } from './action-api.ts';
import './action-messages.ts';

interface Part {
  action: Action;
  onChange: (a: Action, said: string) => void;
}
const today = () => new Date().toISOString().slice(0, 10);

const useActionWrite = (onChange: Part['onChange'], fields: string[]) => useWrite<Action>(onChange, fields);

export function PartnersSection({ action, onChange }: Part) {
  const { t } = useI18n();
  const orgs = useApi<Page<{ id: string; name: string }>>(
    action.abilities.includes('partners') ? endpoints.organizations({ limit: 100 }) : null,
  );
  const [organization, setOrganization] = useState('');
  const [role, setRole] = useState('partner');
  const { submit, write } = useActionWrite(onChange, ['organization', 'role']);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void write('POST', actionEndpoints.partners(action.id), { organization, role }, t('action.partner.added'), () =>
      setOrganization(''),
    );
  };
  const taken = new Set(action.partners.map((p) => p.organization.id));
  return (
    <section aria-labelledby="action-partners-title" className="mb-4">
      <h2 id="action-partners-title" className="h4">
        {t('action.detail.partners')}
      </h2>
      <ul>
        {action.partners.map((p) => (
          <li key={p.id}>
            {p.organization.name} — {t(`action.role.${p.role}`)}
          </li>
        ))}
      </ul>
      {action.abilities.includes('partners') ? (
        <form onSubmit={onSubmit} noValidate aria-label={t('action.partner.add')}>
          <ErrorSummary
            items={submit.errors.items}
            attempt={submit.attempt}
            fields={{
              organization: { id: 'partner-organization', label: t('action.partner.organization') },
              role: { id: 'partner-role', label: t('action.partner.role') },
            }}
          />
          {submit.failure ? <ProblemAlert error={submit.failure} /> : null}
          <div className="row">
            <div className="col-md-6">
              <SelectField
                id="partner-organization"
                label={t('action.partner.organization')}
                value={organization}
                onChange={setOrganization}
                emptyLabel="—"
                options={(orgs.data?.items ?? [])
                  .filter((o) => !taken.has(o.id))
                  .map((o) => ({ value: o.id, label: o.name }))}
                error={submit.errors.byField.organization}
                required
              />
            </div>
            <div className="col-md-6">
              <SelectField
                id="partner-role"
                label={t('action.partner.role')}
                value={role}
                onChange={setRole}
                options={PARTNER_ROLES.filter((r) => r !== 'lead').map((r) => ({
                  value: r,
                  label: t(`action.role.${r}`),
                }))}
                error={submit.errors.byField.role}
              />
            </div>
          </div>
          <button type="submit" className="btn btn-outline-primary btn-sm" disabled={submit.busy}>
            {t('action.partner.add')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function MilestonesSection({ action, onChange }: Part) {
  const { t, formatDate, pick } = useI18n();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(today);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { submit, write } = useActionWrite(onChange, ['title', 'due', 'weight']);
  const can = action.abilities.includes('milestones');
  const { lang } = useI18n();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void write(
      'POST',
      actionEndpoints.milestones(action.id),
      { title: { [lang]: title.trim() }, due },
      t('action.milestone.added'),
      () => setTitle(''),
    );
  };
  // What the person just ticked shows at once while the server records it (a box that stays as it was until the
  // answer arrives reads as a click that did nothing); a refusal puts it back and says why.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const toggle = async (id: string, done: boolean) => {
    setFailure(null);
    setPending((p) => ({ ...p, [id]: done }));
    try {
      const next = await sendJson<Action>('PATCH', actionEndpoints.milestone(id), { done });
      clearApiCache();
      onChange(next, t('action.milestone.saved'));
    } catch (error) {
      setFailure(error as ApiError);
    } finally {
      setPending(({ [id]: _, ...rest }) => rest);
    }
  };
  return (
    <section aria-labelledby="action-milestones-title" className="mb-4">
      <h2 id="action-milestones-title" className="h4">
        {t('action.detail.milestones')}
      </h2>
      {failure ? <ProblemAlert error={failure} /> : null}
      {action.milestones.length === 0 ? <p>{t('action.detail.milestones_none')}</p> : null}
      <ul className="list-unstyled">
        {action.milestones.map((m) => {
          const name = pick(m.title)?.text ?? '';
          const state = m.doneAt
            ? t('action.milestone.done_on', { date: formatDate(m.doneAt) })
            : m.overdue
              ? t('action.milestone.overdue')
              : '';
          return (
            <li key={m.id} className="mb-2">
              {can ? (
                <span className="form-check d-inline-block me-2">
                  <input
                    id={`milestone-${m.id}`}
                    type="checkbox"
                    className="form-check-input"
                    checked={pending[m.id] ?? !!m.doneAt}
                    aria-busy={m.id in pending}
                    onChange={(e) => toggle(m.id, e.target.checked)}
                  />
                  <label className="form-check-label" htmlFor={`milestone-${m.id}`}>
                    <span className="visually-hidden">{t('action.milestone.mark_done', { title: name })}</span>
                  </label>
                </span>
              ) : null}
              <LocalizedText value={m.title} note={false} /> — {t('action.milestone.due')} {formatDate(m.due)} ·{' '}
              {t('action.milestone.weight')} {m.weight}
              {state ? (
                <span className={m.overdue ? 'badge bg-danger ms-2' : 'badge bg-success ms-2'}>{state}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {can ? (
        <form onSubmit={onSubmit} noValidate aria-label={t('action.milestone.add')}>
          <ErrorSummary
            items={submit.errors.items}
            attempt={submit.attempt}
            fields={{
              title: { id: 'milestone-title', label: t('action.milestone.title') },
              due: { id: 'milestone-due', label: t('action.milestone.due') },
            }}
          />
          {submit.failure ? <ProblemAlert error={submit.failure} /> : null}
          <div className="row">
            <div className="col-md-8">
              <TextField
                id="milestone-title"
                label={t('action.milestone.title')}
                value={title}
                onChange={setTitle}
                error={submit.errors.byField.title}
                required
              />
            </div>
            <div className="col-md-4">
              <TextField
                id="milestone-due"
                type="date"
                label={t('action.milestone.due')}
                value={due}
                onChange={setDue}
                error={submit.errors.byField.due}
                required
              />
            </div>
          </div>
          <button type="submit" className="btn btn-outline-primary btn-sm" disabled={submit.busy}>
            {t('action.milestone.add')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function ContributionsSection({ action, onChange }: Part) {
  const { t, formatNumber } = useI18n();
  const mine = action.partners;
  const [organization, setOrganization] = useState('');
  const [kind, setKind] = useState<string>('person-days');
  const [planned, setPlanned] = useState('');
  const [actuals, setActuals] = useState<Record<string, string>>({});
  const { submit, write } = useActionWrite(onChange, ['organization', 'kind', 'planned']);
  const edit = useActionWrite(onChange, ['actual']);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void write(
      'POST',
      actionEndpoints.contributions(action.id),
      { organization, kind, planned: Number(planned) },
      t('action.contribution.added'),
      () => setPlanned(''),
    );
  };
  const saveActual = (id: string) => {
    const raw = actuals[id] ?? '';
    void edit.write(
      'PATCH',
      actionEndpoints.contribution(id),
      { actual: raw.trim() === '' ? null : Number(raw.replace(',', '.')) },
      t('action.contribution.saved'),
    );
  };
  return (
    <section aria-labelledby="action-contributions-title" className="mb-4">
      <h2 id="action-contributions-title" className="h4">
        {t('action.detail.contributions')}
      </h2>
      {edit.submit.failure ? <ProblemAlert error={edit.submit.failure} /> : null}
      {edit.submit.errors.items.length ? (
        <div className="alert alert-danger" role="alert">
          {edit.submit.errors.items.map((i) => (
            <p key={i.message.text} className="mb-0" lang={i.message.lang}>
              {i.message.text}
            </p>
          ))}
        </div>
      ) : null}
      {action.contributions.length === 0 ? (
        <p>{t('action.detail.contributions_none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table">
            <caption className="visually-hidden">{t('action.detail.contributions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('action.contribution.partner')}</th>
                <th scope="col">{t('action.contribution.kind')}</th>
                <th scope="col" className="text-end">
                  {t('action.contribution.planned')}
                </th>
                <th scope="col" className="text-end">
                  {t('action.contribution.actual')}
                </th>
              </tr>
            </thead>
            <tbody>
              {action.contributions.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.organization.name}</th>
                  <td>{t(`action.kind.${c.kind}`)}</td>
                  <td className="text-end">{formatNumber(c.planned)}</td>
                  <td className="text-end">
                    {c.editable ? (
                      <form
                        className="d-flex gap-1 justify-content-end"
                        onSubmit={(e) => {
                          e.preventDefault();
                          saveActual(c.id);
                        }}
                      >
                        <label className="visually-hidden" htmlFor={`actual-${c.id}`}>
                          {t('action.contribution.edit_actual', {
                            partner: c.organization.name,
                            kind: t(`action.kind.${c.kind}`),
                          })}
                        </label>
                        <input
                          id={`actual-${c.id}`}
                          className="form-control form-control-sm text-end"
                          style={{ maxWidth: '8rem' }}
                          inputMode="decimal"
                          value={actuals[c.id] ?? (c.actual === null ? '' : String(c.actual))}
                          onChange={(e) => setActuals({ ...actuals, [c.id]: e.target.value })}
                        />
                        <button type="submit" className="btn btn-outline-primary btn-sm">
                          {t('action.contribution.save')}
                        </button>
                      </form>
                    ) : c.actual === null ? (
                      t('action.contribution.actual_none')
                    ) : (
                      formatNumber(c.actual)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {action.abilities.includes('contribute') ? (
        <form onSubmit={onSubmit} noValidate aria-label={t('action.contribution.add')}>
          <ErrorSummary
            items={submit.errors.items}
            attempt={submit.attempt}
            fields={{
              organization: { id: 'contribution-organization', label: t('action.contribution.partner') },
              kind: { id: 'contribution-kind', label: t('action.contribution.kind') },
              planned: { id: 'contribution-planned', label: t('action.contribution.planned') },
            }}
          />
          {submit.failure ? <ProblemAlert error={submit.failure} /> : null}
          <div className="row">
            <div className="col-md-5">
              <SelectField
                id="contribution-organization"
                label={t('action.contribution.partner')}
                value={organization}
                onChange={setOrganization}
                emptyLabel="—"
                options={mine.map((p) => ({ value: p.organization.id, label: p.organization.name }))}
                error={submit.errors.byField.organization}
                required
              />
            </div>
            <div className="col-md-4">
              <SelectField
                id="contribution-kind"
                label={t('action.contribution.kind')}
                value={kind}
                onChange={setKind}
                options={CONTRIBUTION_KINDS.map((k) => ({ value: k, label: t(`action.kind.${k}`) }))}
                error={submit.errors.byField.kind}
              />
            </div>
            <div className="col-md-3">
              <TextField
                id="contribution-planned"
                label={t('action.contribution.planned')}
                value={planned}
                onChange={setPlanned}
                inputMode="numeric"
                error={submit.errors.byField.planned}
                required
              />
            </div>
          </div>
          <button type="submit" className="btn btn-outline-primary btn-sm" disabled={submit.busy}>
            {t('action.contribution.add')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function DocumentsSection({ action, onChange }: Part) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const { submit, write } = useActionWrite(onChange, ['title', 'url']);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void write(
      'POST',
      actionEndpoints.documents(action.id),
      { title: title.trim(), url: url.trim() },
      t('action.document.added'),
      () => {
        setTitle('');
        setUrl('');
      },
    );
  };
  return (
    <section aria-labelledby="action-documents-title" className="mb-4">
      <h2 id="action-documents-title" className="h4">
        {t('action.detail.documents')}
      </h2>
      {action.documents.length === 0 ? <p>{t('action.detail.documents_none')}</p> : null}
      <ul>
        {action.documents.map((d) => (
          <li key={d.id}>
            <a href={d.url} rel="noopener noreferrer">
              {d.title}
            </a>
          </li>
        ))}
      </ul>
      {action.abilities.includes('documents') ? (
        <form onSubmit={onSubmit} noValidate aria-label={t('action.document.add')}>
          <ErrorSummary
            items={submit.errors.items}
            attempt={submit.attempt}
            fields={{
              title: { id: 'document-title', label: t('action.document.title') },
              url: { id: 'document-url', label: t('action.document.url') },
            }}
          />
          {submit.failure ? <ProblemAlert error={submit.failure} /> : null}
          <div className="row">
            <div className="col-md-6">
              <TextField
                id="document-title"
                label={t('action.document.title')}
                value={title}
                onChange={setTitle}
                error={submit.errors.byField.title}
                required
              />
            </div>
            <div className="col-md-6">
              <TextField
                id="document-url"
                type="url"
                label={t('action.document.url')}
                value={url}
                onChange={setUrl}
                error={submit.errors.byField.url}
                required
              />
            </div>
          </div>
          <button type="submit" className="btn btn-outline-primary btn-sm" disabled={submit.busy}>
            {t('action.document.add')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
