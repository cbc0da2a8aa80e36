// A labelled form control with its hint and its error, tied together for
// screen readers (aria-describedby, aria-invalid).
import type { ComponentChildren } from 'preact';

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}

export function Field({ id, label, hint, error, required, children }: FieldProps) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>
        {label}
        {required ? <span class="req" aria-hidden="true"> *</span> : null}
      </label>
      {children(ids, !!error)}
      {hint ? <small id={`${id}-hint`} class="muted hint">{hint}</small> : null}
      {error ? <small id={`${id}-error`} class="field-error">{error}</small> : null}
    </div>
  );
}
