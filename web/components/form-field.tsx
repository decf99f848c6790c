// Form fields shared by the pupil-file and pupil pages: a label tied to its control, an optional hint or problem list
// under it, and the common case of a single text or date input.
import { type ReactNode, useId } from 'react';

/** The problems the server named for one field, right under it (see form-problems.ts). */
export function FieldErrors({ problems, id }: { problems?: readonly string[]; id?: string }) {
  if (!problems || problems.length === 0) return null;
  return (
    <div id={id}>
      {problems.map((problem) => (
        <p key={problem} className="field__error" role="alert" data-testid="field-error">
          {problem}
        </p>
      ))}
    </div>
  );
}

export function Field({
  label,
  hint,
  problems,
  children,
}: {
  label: string;
  hint?: ReactNode;
  /** The server's problems with this field, shown under it. */
  problems?: readonly string[];
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={`field${problems && problems.length > 0 ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint}
      <FieldErrors problems={problems} />
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
  problems,
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
  problems?: readonly string[];
}) {
  return (
    <Field label={label} hint={hint} problems={problems}>
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
          aria-invalid={problems && problems.length > 0 ? true : undefined}
          data-testid={testId}
        />
      )}
    </Field>
  );
}
