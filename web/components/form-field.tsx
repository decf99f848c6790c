// Form fields shared by the pupil-file and pupil pages: a label tied to its control, an optional hint or problem list
// under it, and the common case of a single text or date input.
import { type ReactNode, useId } from 'react';

export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: ReactNode;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint}
    </div>
  );
}

/** A labelled text, date, e-mail or phone input whose value lives in the caller's state. */
export function TextField({
  label,
  value,
  onChange,
  testId,
  type = 'text',
  required = false,
  maxLength,
  min,
  max,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  type?: 'text' | 'date' | 'email' | 'tel';
  required?: boolean;
  maxLength?: number;
  min?: string;
  max?: string;
  hint?: ReactNode;
}) {
  return (
    <Field label={label} hint={hint}>
      {(id) => (
        <input
          id={id}
          type={type}
          required={required}
          maxLength={maxLength}
          min={min}
          max={max}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testId}
        />
      )}
    </Field>
  );
}
