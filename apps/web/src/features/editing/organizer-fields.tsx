import type { Organization } from '../../lib/api.ts';
import type { FieldMessage } from '../../lib/form-errors.ts';
import { CheckboxGroup, SelectField } from '../../components/ui/form-fields.tsx';

const label = (o: Pick<Organization, 'name' | 'shortName'>) => o.shortName ?? o.name;

/**
 * In whose name something is written (news, events): the lead, among the organisations the writer may speak for, and
 * the centres or the Region that join it. With a single choice the lead is that one.
 */
export function OrganizerFields({
  idPrefix,
  leads,
  lead,
  partners,
  all,
  onLead,
  onPartners,
  error,
  labels,
}: {
  idPrefix: string;
  /** The organisations the writer may name as lead. */
  leads: Pick<Organization, 'id' | 'name' | 'shortName'>[];
  lead: string;
  partners: string[];
  /** Every organisation: the centres and the Region among them may join. */
  all: Organization[];
  onLead: (id: string) => void;
  onPartners: (ids: string[]) => void;
  error?: FieldMessage;
  labels: { lead: string; choose: string; partners: string; partnersHint: string };
}) {
  const others = all
    .filter((o) => (o.kind === 'centre' || o.kind === 'region') && o.id !== lead)
    .map((o) => ({ value: o.id, label: label(o) }));
  return (
    <>
      <SelectField
        id={`${idPrefix}-lead`}
        label={labels.lead}
        value={lead}
        onChange={onLead}
        options={leads.map((o) => ({ value: o.id, label: label(o) }))}
        emptyLabel={labels.choose}
        error={error}
        required
      />
      <CheckboxGroup
        id={`${idPrefix}-partners`}
        legend={labels.partners}
        hint={labels.partnersHint}
        options={others}
        values={partners.filter((p) => p !== lead)}
        onChange={onPartners}
        markOptional
      />
    </>
  );
}

/** The lead as chosen, or the only one the writer may name. */
export const chosenLead = (chosen: string, leads: { id: string }[]) =>
  chosen || (leads.length === 1 ? leads[0]!.id : '');
