import clsx from 'clsx';
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

export const inputClass = (invalid?: boolean) =>
  clsx(
    'block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2',
    invalid ? 'border-red-500 focus:ring-red-300' : 'border-slate-300 focus:border-brand-600 focus:ring-brand-100',
  );

type FieldProps = {
  label: ReactNode;
  name: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  children: ReactNode;
  className?: string;
};

/** A label, the control, a hint and the field's own error message (announced to screen readers). */
export function Field({ label, name, error, hint, required, children, className }: FieldProps) {
  return (
    <div className={clsx('space-y-1', className)}>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
        {required && (
          <span className="ml-0.5 text-red-600" aria-hidden>
            *
          </span>
        )}
      </label>
      {children}
      {hint && !error && (
        <p className="text-xs text-slate-500" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="text-xs text-red-700" id={`${name}-error`} role="alert" data-field-error={name}>
          {error}
        </p>
      )}
    </div>
  );
}

export function TextInput({ name, error, ...props }: InputHTMLAttributes<HTMLInputElement> & { name: string; error?: string }) {
  return (
    <input
      id={name}
      name={name}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${name}-error` : undefined}
      className={inputClass(Boolean(error))}
      {...props}
    />
  );
}

export function TextArea({ name, error, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string; error?: string }) {
  return (
    <textarea
      id={name}
      name={name}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${name}-error` : undefined}
      className={inputClass(Boolean(error))}
      {...props}
    />
  );
}

export function Select({ name, error, children, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { name: string; error?: string }) {
  return (
    <select
      id={name}
      name={name}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${name}-error` : undefined}
      className={inputClass(Boolean(error))}
      {...props}
    >
      {children}
    </select>
  );
}
