import { useI18n } from '../../lib/i18n.tsx';
import type { FieldMessage } from '../../lib/form-errors.ts';
import { CheckboxGroup, TextField, type Choice } from '../../components/ui/form-fields.tsx';
import { s3Period, useReferenceData, type TaxonomyFacet } from '../catalogue/reference-data.tsx';
import { splitList } from './record-draft.ts';

/**
 * The terms of a (small) taxonomy as checkbox choices, labelled in the reader's language and sorted by label.
 * The terms one may tag with. S3: the priorities and areas of the current strategy (not its headings), and those of
 * the earlier one only where the record has them already; each labelled with its period.
 */
function useTermChoices(facet: TaxonomyFacet, kept: string[]): Choice[] {
  const { taxonomies, term: find } = useReferenceData();
  const { pick } = useI18n();
  const terms = taxonomies?.[facet] ?? [];
  const headings = new Set(terms.map((x) => x.parent).filter(Boolean));
  const offered =
    facet !== 's3'
      ? terms
      : terms.filter(
          (x) =>
            kept.includes(x.code) || (!headings.has(x.code) && s3Period(x.code, (c) => find('s3', c)) === 'current'),
        );
  return offered
    .map((x) => find(facet, x.code) ?? x)
    .map((term) => {
      const picked = pick(term.label);
      return { value: term.code, label: picked?.text ?? term.code, lang: picked?.isFallback ? picked.lang : undefined };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}

interface TermChecksProps {
  id: string;
  facet: 'filiera' | 'technologyArea' | 's3';
  legend: string;
  hint?: string;
  values: string[];
  onChange: (values: string[]) => void;
  error?: FieldMessage;
}

/** Supply chains, technology areas or S3 priorities: a few dozen terms, as checkboxes. */
export function TermChecks({ id, facet, legend, hint, values, onChange, error }: TermChecksProps) {
  const { t } = useI18n();
  const options = useTermChoices(facet, values);
  return (
    <CheckboxGroup
      id={id}
      legend={legend}
      hint={options.length === 0 && values.length === 0 ? t('state.loading') : hint}
      options={options}
      values={values}
      onChange={onChange}
      error={error}
      markOptional
      className="term-checks"
    />
  );
}

interface SectorFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: FieldMessage;
}

/**
 * Sectors are NACE/ATECO codes (about a thousand): typed as a comma-separated list, with the label of each code
 * shown underneath so a wrong code stands out.
 */
export function SectorField({ id, value, onChange, error }: SectorFieldProps) {
  const { t, pick } = useI18n();
  const { term, loaded } = useReferenceData();
  const codes = splitList(value);
  return (
    <div className="sector-field">
      <TextField
        id={id}
        label={t('edit.sectors')}
        hint={t('edit.sectors_hint')}
        value={value}
        onChange={onChange}
        error={error}
        markOptional
        spellCheck={false}
      />
      {codes.length && loaded ? (
        <div className="sector-preview">
          <p className="sector-preview-title">{t('edit.sectors_read_as')}</p>
          <ul>
            {codes.map((code) => {
              const found = term('sector', code);
              const label = pick(found?.label);
              return (
                <li key={code}>
                  <code>{code}</code>{' '}
                  {label ? (
                    <span lang={label.isFallback ? label.lang : undefined}>{label.text}</span>
                  ) : (
                    <span className="sector-unknown">{t('edit.sector_unknown')}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
