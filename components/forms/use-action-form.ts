'use client';
import { useState, useTransition, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/server/action-result';

/**
 * Validates a form in the browser with the same zod schema the server uses, shows each message on its
 * field, then calls the server action and shows the server's answer (field messages or one form message).
 * `toInput` turns the form's values into the object the schema expects (default: FormData entries).
 */
export function useActionForm<S extends z.ZodType, R>(
  schema: S,
  action: (input: z.input<S>) => Promise<ActionResult<R>>,
  options: { toInput?: (form: HTMLFormElement) => unknown; onSuccess?: (data: R, form: HTMLFormElement) => void } = {},
) {
  const t = useTranslations();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const translate = (key: string) => (t.has(key) ? t(key) : key);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = options.toInput ? options.toInput(form) : Object.fromEntries(new FormData(form));
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.map(String).join('.') || '_form';
        errors[key] ??= translate(issue.message);
      }
      setFieldErrors(errors);
      setFormError(translate('errors.invalidInput'));
      focusFirstError(form, errors);
      return;
    }
    setFieldErrors({});
    setFormError(null);
    startTransition(async () => {
      // The server answers every failure as a result; only a lost connection throws here. Either way the form,
      // and what the user typed, stays on the screen.
      const result = await action(input as z.input<S>).catch((): ActionResult<R> => ({
        ok: false,
        error: translate('errors.connectionLost'),
      }));
      if (result.ok) {
        options.onSuccess?.(result.data, form);
      } else {
        setFieldErrors(result.fieldErrors ?? {});
        setFormError(result.error);
        if (result.fieldErrors) focusFirstError(form, result.fieldErrors);
      }
    });
  }

  return { onSubmit, fieldErrors, formError, pending, setFormError };
}

function focusFirstError(form: HTMLFormElement, errors: Record<string, string>) {
  const first = Object.keys(errors)[0];
  if (!first) return;
  const el = form.querySelector<HTMLElement>(`[name="${CSS.escape(first)}"]`);
  el?.focus();
}
