import { Link } from 'react-router';
import { itemHref } from './record-kinds.ts';
import { useReferenceData } from './reference-data.tsx';

/** The display name of an organisation id: its short name when it has one. */
export function useOrganizationName() {
  const { organizationById } = useReferenceData();
  return (id: string) => {
    const org = organizationById.get(id);
    return org ? (org.shortName ?? org.name) : id;
  };
}

export function OrganizationLink({ id }: { id: string }) {
  const name = useOrganizationName();
  return <Link to={itemHref('organization', id)}>{name(id)}</Link>;
}
