import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import { isSearchableType, TYPE_LABEL } from '../catalogue/record-kinds.ts';
import { useOrganizationName } from '../catalogue/organization-name.tsx';
import { TermLabel, useTermText } from '../catalogue/term-label.tsx';
import type { FacetName } from './search-state.ts';

export const FACET_TITLE: Record<FacetName, MessageKey> = {
  type: 'facet.type',
  organization: 'facet.organization',
  sector: 'facet.sector',
  filiera: 'facet.filiera',
  s3: 'facet.s3',
};

/** How a facet value is shown: a type name, an organisation name or a taxonomy label. */
export function useFacetValueLabel() {
  const { t } = useI18n();
  const orgName = useOrganizationName();
  const termText = useTermText();
  return {
    node: (facet: FacetName, value: string): ReactNode => {
      if (facet === 'type') return isSearchableType(value) ? t(TYPE_LABEL[value]) : value;
      if (facet === 'organization') return orgName(value);
      return <TermLabel facet={facet} code={value} />;
    },
    text: (facet: FacetName, value: string): string => {
      if (facet === 'type') return isSearchableType(value) ? t(TYPE_LABEL[value]) : value;
      if (facet === 'organization') return orgName(value);
      return termText(facet, value);
    },
  };
}
