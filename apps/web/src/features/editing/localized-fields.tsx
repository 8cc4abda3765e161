import { useI18n } from '../../lib/i18n.tsx';
import type { FormErrors } from '../../lib/form-errors.ts';
import { FieldGroup, TextField } from '../../components/ui/form-fields.tsx';

interface LocalizedFieldsProps {
  /** The field name in problem pointers (`title` → `/body/title`, `/body/title/it`). */
  name: string;
  idPrefix: string;
  legend: string;
  /** "Titolo" → labels "Titolo in italiano", "Titolo in inglese". */
  labelIt: string;
  labelEn: string;
  it: string;
  en: string;
  onChange: (lang: 'it' | 'en', value: string) => void;
  errors: FormErrors;
  required?: boolean;
  multiline?: boolean;
}

/** A bilingual text: a group with one input per language; at least one language when required. */
export function LocalizedFields({
  name,
  idPrefix,
  legend,
  labelIt,
  labelEn,
  it,
  en,
  onChange,
  errors,
  required,
  multiline,
}: LocalizedFieldsProps) {
  const { t } = useI18n();
  const groupId = `${idPrefix}-${name}`;
  const groupError = errors.byField[name];
  const extra = groupError ? `${groupId}-error` : undefined;
  return (
    <FieldGroup
      id={groupId}
      legend={legend}
      hint={required ? t('edit.one_language_required') : t('edit.one_language_optional')}
      error={groupError}
      markOptional
      required={required}
    >
      <TextField
        id={`${groupId}-it`}
        label={labelIt}
        lang="it"
        value={it}
        onChange={(v) => onChange('it', v)}
        error={errors.byField[`${name}.it`]}
        describedByExtra={extra}
        multiline={multiline}
        rows={multiline ? 6 : undefined}
      />
      <TextField
        id={`${groupId}-en`}
        label={labelEn}
        lang="en"
        value={en}
        onChange={(v) => onChange('en', v)}
        error={errors.byField[`${name}.en`]}
        describedByExtra={extra}
        multiline={multiline}
        rows={multiline ? 6 : undefined}
      />
    </FieldGroup>
  );
}
