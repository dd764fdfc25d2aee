import './fields.css';
import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The fault to show beside the field, in words. */
  error?: string | null | undefined;
  required?: boolean;
}

/** What an input says about its hint and its fault, for assistive technology. */
function described(id: string, hint: ReactNode, error: string | null | undefined) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': ids.length ? ids.join(' ') : undefined,
  };
}

function Notes({ id, hint, error }: { id: string; hint: ReactNode; error?: string | null }) {
  return (
    <>
      {hint ? (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </>
  );
}

export function TextField({
  id,
  label,
  hint,
  error,
  required,
  value,
  onChange,
  multiline = false,
  type = 'text',
  inputMode,
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  type?: 'text' | 'date' | 'number';
  inputMode?: 'decimal' | 'text';
}) {
  const common = {
    id,
    value,
    required,
    ...described(id, hint, error),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea rows={3} {...common} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          type={type}
          inputMode={inputMode}
          step={type === 'number' ? 'any' : undefined}
          {...common}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <Notes id={id} hint={hint} error={error ?? null} />
    </div>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  required,
  value,
  onChange,
  children,
}: FieldProps & { value: string; onChange: (value: string) => void; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        required={required}
        {...described(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
      <Notes id={id} hint={hint} error={error ?? null} />
    </div>
  );
}
