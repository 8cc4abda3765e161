import type { ChangeEvent, ReactNode, Ref } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import type { FieldMessage } from '../../lib/form-errors.ts';

/** The ids a field's input points to with aria-describedby: its hint, then its error. */
function describedBy(id: string, hint: unknown, error: unknown, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', extra ?? ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The message next to a field, read with it (aria-describedby) and prefixed "Errore:" for screen readers. */
export function FieldError({ id, error }: { id: string; error: FieldMessage | undefined }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      <span className="visually-hidden">{t('form.error_prefix')} </span>
      <span lang={error.lang}>{error.text}</span>
    </p>
  );
}

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  if (!hint) return null;
  return (
    <p className="field-hint" id={`${id}-hint`}>
      {hint}
    </p>
  );
}

function OptionalMark({ required }: { required?: boolean }) {
  const { t } = useI18n();
  return required ? null : <span className="field-optional"> {t('form.optional')}</span>;
}

interface TextFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'url' | 'number' | 'date' | 'time';
  hint?: ReactNode;
  error?: FieldMessage;
  /** Also described by this element (e.g. the error of the group the field belongs to). */
  describedByExtra?: string;
  autoComplete?: string;
  multiline?: boolean;
  rows?: number;
  required?: boolean;
  /** Shows "(facoltativo)" after the label when the field is not required. */
  markOptional?: boolean;
  /** The language of what is typed (English fields of a bilingual record). */
  lang?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'url';
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
  readOnly?: boolean;
  className?: string;
  spellCheck?: boolean;
}

/** A labelled text input or textarea with its hint and its error next to it. */
export function TextField(props: TextFieldProps) {
  const {
    id,
    label,
    value,
    onChange,
    type = 'text',
    hint,
    error,
    autoComplete,
    multiline,
    rows = 4,
    required,
    markOptional,
    lang,
    inputMode,
    inputRef,
    readOnly,
    className,
    spellCheck,
  } = props;
  const common = {
    id,
    value,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error, props.describedByExtra),
    'aria-required': required ? true : undefined,
    className: error ? 'form-control is-invalid' : 'form-control',
    autoComplete,
    lang,
    readOnly,
    spellCheck,
  };
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
        {markOptional ? <OptionalMark required={required} /> : null}
      </label>
      <Hint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      {multiline ? (
        <textarea {...common} rows={rows} ref={inputRef} />
      ) : (
        <input {...common} type={type} inputMode={inputMode} ref={inputRef} />
      )}
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  lang?: string;
}

interface SelectFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: Choice[];
  /** The first option, meaning "none chosen". */
  emptyLabel?: string;
  hint?: ReactNode;
  error?: FieldMessage;
  required?: boolean;
  markOptional?: boolean;
}

export function SelectField({
  id,
  label,
  value,
  onChange,
  options,
  emptyLabel,
  hint,
  error,
  required,
  markOptional,
}: SelectFieldProps) {
  const known = value === '' || options.some((o) => o.value === value);
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
        {markOptional ? <OptionalMark required={required} /> : null}
      </label>
      <Hint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <div className="select-wrapper">
        <select
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          aria-required={required ? true : undefined}
          className={error ? 'is-invalid' : undefined}
        >
          {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
          {!known ? <option value={value}>{value}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value} lang={o.lang}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

interface GroupProps {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: FieldMessage;
  children: ReactNode;
  className?: string;
  markOptional?: boolean;
  required?: boolean;
}

/** A fieldset: its legend names the group; the hint and error sit under it and describe the group. */
export function FieldGroup({ id, legend, hint, error, children, className, markOptional, required }: GroupProps) {
  return (
    <fieldset
      id={id}
      className={`field-group${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="field-legend">
        {legend}
        {markOptional ? <OptionalMark required={required} /> : null}
      </legend>
      <Hint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      {children}
    </fieldset>
  );
}

interface CheckboxProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  error?: FieldMessage;
  lang?: string;
}

export function Checkbox({ id, label, checked, onChange, hint, error, lang }: CheckboxProps) {
  return (
    <div className={`form-check check-option${error ? ' field-invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <label htmlFor={id} lang={lang}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <FieldError id={id} error={error} />
    </div>
  );
}

interface CheckboxGroupProps extends Omit<GroupProps, 'children'> {
  options: Choice[];
  values: string[];
  onChange: (values: string[]) => void;
}

/** Several choices as checkboxes in columns; values not among the options are kept (and shown) as they are. */
export function CheckboxGroup({ id, options, values, onChange, ...group }: CheckboxGroupProps) {
  const unknown: Choice[] = values
    .filter((v) => !options.some((o) => o.value === v))
    .map((v) => ({ value: v, label: v }));
  const all = [...options, ...unknown];
  const toggle = (value: string, on: boolean) => onChange(on ? [...values, value] : values.filter((v) => v !== value));
  return (
    <FieldGroup id={id} {...group}>
      <ul className="check-columns">
        {all.map((o, i) => (
          <li key={o.value}>
            <Checkbox
              id={`${id}-${i}`}
              label={o.label}
              lang={o.lang}
              checked={values.includes(o.value)}
              onChange={(on) => toggle(o.value, on)}
            />
          </li>
        ))}
      </ul>
    </FieldGroup>
  );
}

interface RadioGroupProps extends Omit<GroupProps, 'children'> {
  name: string;
  options: Choice[];
  value: string;
  onChange: (value: string) => void;
}

export function RadioGroup({ id, name, options, value, onChange, ...group }: RadioGroupProps) {
  return (
    <FieldGroup id={id} {...group}>
      <div className="radio-options">
        {options.map((o, i) => (
          <div key={o.value} className="form-check check-option">
            <input
              id={`${id}-${i}`}
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <label htmlFor={`${id}-${i}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </FieldGroup>
  );
}
