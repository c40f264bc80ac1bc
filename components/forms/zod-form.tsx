'use client';
import { createContext, type FocusEvent, type FormEvent, type InputHTMLAttributes, type ReactNode, useContext, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import {
  FormProvider,
  get,
  useForm,
  useFormContext,
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type * as z from '@/lib/domain/zod';
import type { ActionResult } from '@/lib/domain/action-result';
import { Field, Select, TextArea, TextInput } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { FormError } from './form-error';

// The one way a form is written: react-hook-form holding the values, validated in the browser by the same zod
// schema the server parses with, sent to a server action made by defineAction. A field error, from the browser
// or the server, lands on the field whose name is its path ("keyMembers.0.name"), since form fields are named by
// the schema's paths. The form never loses what was typed: a refused save, an outage or a lost connection
// leaves every value in place, with the message above the submit button.
//
// The schema comes as a loader (`schema: () => import('@/lib/users/schemas').then((m) => m.ZLogin)`): zod and the
// schemas are not part of the page's first load (about 20 kB gzip), but fetched when the user first focuses a field
// of the form, and awaited by the first validation (on submit). Should that fetch fail (the connection is gone),
// the form sends what it holds and the server, which parses with the same schema, answers field by field.

type Values<S extends z.core.$ZodType> = z.input<S> & FieldValues;

export type ZodFormOptions<S extends z.core.$ZodType, R> = {
  /** The schema, imported on demand (a dynamic import of its schemas module). */
  schema: () => Promise<S>;
  action: (input: z.input<S>) => Promise<ActionResult<R>>;
  defaultValues: DefaultValues<Values<S>>;
  /**
   * Called with the action's data; return a path to go there instead of refreshing the page. It may go on with
   * another action (e.g. submit after save) and report that one's failure with `showFailure`.
   */
  onSuccess?: (
    data: R,
    form: UseFormReturn<Values<S>>,
    showFailure: (failure: ActionFailure) => void,
  ) => string | void | Promise<string | void>;
  /** Refresh the page's server data after a success (default true): the action answers with its data only. */
  refresh?: boolean;
  /** The schema the browser checks with, when it is not `schema` at every submission (e.g. "ready to submit"). */
  browserSchema?: () => Promise<z.core.$ZodType>;
};

type ActionFailure = Extract<ActionResult<unknown>, { ok: false }>;

export function useZodForm<S extends z.core.$ZodType, R>({
  schema,
  action,
  defaultValues,
  onSuccess,
  refresh = true,
  browserSchema,
}: ZodFormOptions<S, R>) {
  const t = useTranslations();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  // `raw`: the action receives what the inputs hold ("1.250.000" and "2027-01-05"), which its service parses.
  const resolver: Resolver<Values<S>> = async (values, context, options) => {
    const checked = await (browserSchema ?? schema)().catch(() => null);
    if (!checked) return { values, errors: {} };
    return zodResolver(checked as never, undefined, { raw: true })(values as never, context, options as never) as never;
  };
  const form = useForm<Values<S>>({
    resolver,
    defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const showFailure = (failure: ActionFailure) => {
    const fields = Object.entries(failure.fieldErrors ?? {});
    for (const [path, message] of fields)
      form.setError(path as Path<Values<S>>, { type: 'server', message }, { shouldFocus: path === fields[0][0] });
    setFormError(failure.error);
  };
  const onSubmit = form.handleSubmit(
    async (values) => {
      setFormError(null);
      const result = await action(values).catch((): ActionResult<R> => ({ ok: false, error: t('errors.connectionLost') }));
      if (!result.ok) return showFailure(result);
      const next = await onSuccess?.(result.data, form, showFailure);
      if (typeof next === 'string') router.push(next);
      else if (refresh) router.refresh();
    },
    () => setFormError(t('errors.invalidInput')),
  );
  /** Starts fetching the schema (zod and the schemas module), on the form's first focus. */
  const preload = () => void schema().catch(() => undefined);
  return { form, onSubmit, formError, pending: form.formState.isSubmitting, preload };
}

/** A form element wired to useZodForm: the form's context for its fields, and the form-level message. */
export function ZodForm<V extends FieldValues>({
  form,
  onSubmit,
  formError,
  children,
  className = 'space-y-4',
  testId,
  idPrefix = '',
  data,
  preload,
}: {
  form: UseFormReturn<V>;
  /** The form's submit handler: it must receive the event (to keep the browser from sending the form itself). */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  formError: string | null;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** When several forms of one page share field names, their element ids need this to stay unique. */
  idPrefix?: string;
  /** data-* attributes of the form element (what it is about, for tests and styles). */
  data?: Record<string, string>;
  /** useZodForm's: fetches the schema when a field of the form is first focused. */
  preload?: () => void;
}) {
  const attributes = Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <FormProvider {...form}>
      <IdPrefix.Provider value={idPrefix}>
        <form onSubmit={onSubmit} onFocus={preload} noValidate className={className} data-testid={testId} {...attributes}>
          {children}
          <FormError message={formError} />
        </form>
      </IdPrefix.Provider>
    </FormProvider>
  );
}

const IdPrefix = createContext('');

/** The message of a field (a catalog key from zod, or the server's sentence), in the user's language. */
export function useFieldError(name: string): string | undefined {
  const t = useTranslations();
  const { formState } = useFormContext();
  const message = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  if (!message) return undefined;
  return t.has(message) ? t(message) : message;
}

type CommonProps = { name: string; label: ReactNode; hint?: ReactNode; required?: boolean; className?: string; testId?: string };

function useField(name: string) {
  const { register } = useFormContext();
  const prefix = useContext(IdPrefix);
  return { id: `${prefix}${name}`, error: useFieldError(name), registration: register(name) };
}

export function TextField({
  name,
  label,
  hint,
  required,
  className,
  testId,
  onBlur,
  ...input
}: CommonProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>) {
  const { id, error, registration } = useField(name);
  const blur = (event: FocusEvent<HTMLInputElement>) => {
    void registration.onBlur(event);
    onBlur?.(event);
  };
  return (
    <Field label={label} name={id} error={error} hint={hint} required={required} className={className}>
      <TextInput {...input} {...registration} onBlur={blur} id={id} error={error} data-testid={testId} />
    </Field>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  required,
  className,
  testId,
  rows = 3,
  maxLength,
}: CommonProps & { rows?: number; maxLength?: number }) {
  const { id, error, registration } = useField(name);
  return (
    <Field label={label} name={id} error={error} hint={hint} required={required} className={className}>
      <TextArea {...registration} id={id} rows={rows} maxLength={maxLength} error={error} data-testid={testId} />
    </Field>
  );
}

export function SelectField({
  name,
  label,
  hint,
  required,
  className,
  testId,
  options,
  placeholder,
}: CommonProps & { options: { value: string; label: string }[]; placeholder?: string }) {
  const { id, error, registration } = useField(name);
  return (
    <Field label={label} name={id} error={error} hint={hint} required={required} className={className}>
      <Select {...registration} id={id} error={error} data-testid={testId}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Whole đồng: typed with or without dots, shown grouped ("1.250.000.000") once the field is left. */
export function MoneyField(props: CommonProps) {
  const { setValue, getValues } = useFormContext();
  return (
    <TextField
      {...props}
      inputMode="numeric"
      autoComplete="off"
      placeholder="1.250.000.000"
      onBlur={() => {
        const digits = String(getValues(props.name) ?? '').replace(/[.\s\u00a0]/g, '');
        if (/^\d+$/.test(digits)) setValue(props.name, digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.'), { shouldDirty: true });
      }}
    />
  );
}

/** Several checkboxes holding one array of values ("fields": ["NATURAL", "MEDICAL"]). */
export function CheckboxesField({
  name,
  legend,
  hint,
  options,
  testId,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string; testId?: string }[];
  testId?: string;
}) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <fieldset className="space-y-2" data-testid={testId}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" value={o.value} {...register(name)} className="h-4 w-4" data-testid={o.testId} />
            {o.label}
          </label>
        ))}
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-700" data-field-error={name}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The submit button: disabled while the action runs. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = 'primary',
  testId,
  disabled,
  className,
  onClick,
}: {
  children: ReactNode;
  pendingLabel?: ReactNode;
  variant?: 'primary' | 'secondary' | 'danger';
  testId?: string;
  disabled?: boolean;
  className?: string;
  /** Runs before the form is submitted (e.g. records which of two buttons was pressed). */
  onClick?: () => void;
}) {
  const { formState } = useFormContext();
  return (
    <Button
      type="submit"
      variant={variant}
      disabled={disabled || formState.isSubmitting}
      data-testid={testId}
      className={className}
      onClick={onClick}
    >
      {formState.isSubmitting && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
