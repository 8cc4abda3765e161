import { useState, type FormEvent } from 'react';
import { sendJson } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { localErrors } from '../../lib/form-errors.ts';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { SelectField } from '../../components/ui/form-fields.tsx';
import { useOrganizationName } from '../catalogue/organization-name.tsx';
import { useEditFailureText } from '../editing/edit-failure.ts';
import { filieraEndpoints, RELATION_KINDS, type FilieraMap } from './filiera-api.ts';
import './filiera-messages.ts';

const ID = 'relation';
const FIELDS = ['from', 'kind', 'to', 'filiera'];

/**
 * Declares a relation in this filiera: a company's member for their own company (a centre then verifies it); a
 * centre's member for any two companies (recorded as verified).
 */
export function RelationForm({
  map,
  ownCompanies,
  centre,
  onSaved,
}: {
  map: FilieraMap;
  /** The companies the person acts for (they may declare only for these unless they are a centre's member). */
  ownCompanies: string[];
  centre: boolean;
  onSaved: (said: string) => void;
}) {
  const { t } = useI18n();
  const orgName = useOrganizationName();
  const companies = map.nodes.filter((n) => n.kind === 'company');
  const fromChoices = centre
    ? companies.map((c) => ({ value: c.id, label: c.name }))
    : ownCompanies.map((id) => ({ value: id, label: companies.find((c) => c.id === id)?.name ?? orgName(id) }));
  const [from, setFrom] = useState(fromChoices.length === 1 ? fromChoices[0]!.value : '');
  const [kind, setKind] = useState('');
  const [to, setTo] = useState('');
  const submit = useSubmit(FIELDS);
  const e = submit.errors.byField;
  const failure = useEditFailureText(submit.failure);
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    const local = localErrors(
      [
        ['from', !from, t('fil.form.error.from')],
        ['kind', !kind, t('fil.form.error.kind')],
        ['to', !to, t('fil.form.error.to')],
      ],
      FIELDS,
    );
    void submit.run(async () => {
      await sendJson('POST', filieraEndpoints.declare(), { from, to, kind, filiera: map.filiera.code });
      setKind('');
      setTo('');
      onSaved(t(centre ? 'fil.form.recorded' : 'fil.form.declared'));
    }, local);
  };
  return (
    <form onSubmit={onSubmit} noValidate id={ID}>
      <ErrorSummary
        items={submit.errors.items}
        attempt={submit.attempt}
        intro={failure}
        fields={{
          from: { id: `${ID}-from`, label: t('fil.form.from') },
          kind: { id: `${ID}-kind`, label: t('fil.form.kind') },
          to: { id: `${ID}-to`, label: t('fil.form.to') },
        }}
      />
      <div className="row g-3">
        <div className="col-md-4">
          <SelectField
            id={`${ID}-from`}
            label={t('fil.form.from')}
            value={from}
            onChange={setFrom}
            emptyLabel={t('form.choose')}
            options={fromChoices}
            error={e.from}
          />
        </div>
        <div className="col-md-4">
          <SelectField
            id={`${ID}-kind`}
            label={t('fil.form.kind')}
            value={kind}
            onChange={setKind}
            emptyLabel={t('form.choose')}
            options={RELATION_KINDS.map((k) => ({ value: k, label: t(`fil.kind_short.${k}`) }))}
            error={e.kind}
          />
        </div>
        <div className="col-md-4">
          <SelectField
            id={`${ID}-to`}
            label={t('fil.form.to')}
            value={to}
            onChange={setTo}
            emptyLabel={t('form.choose')}
            options={companies.filter((c) => c.id !== from).map((c) => ({ value: c.id, label: c.name }))}
            error={e.to}
          />
        </div>
      </div>
      <p className="form-text">{t(centre ? 'fil.form.hint_centre' : 'fil.form.hint_company')}</p>
      <button type="submit" className="btn btn-primary" disabled={submit.busy}>
        {t(centre ? 'fil.form.record' : 'fil.form.declare')}
      </button>
    </form>
  );
}
