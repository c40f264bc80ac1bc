'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ZExtensionRequest } from '@/lib/reports/schemas';
import { requestExtensionAction } from '@/lib/reports/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormError } from '@/components/forms/form-error';
import { Field, TextArea, TextInput } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';

/** Asks the department for a later end date (the leader decides). */
export function ExtensionRequestForm({
  taskId,
  minDate,
  hint,
}: {
  taskId: string;
  /** "YYYY-MM-DD": the day after the current end. */ minDate: string;
  hint: string;
}) {
  const t = useTranslations('orgRunning.extension');
  const router = useRouter();
  const [sent, setSent] = useState(false);
  const {
    onSubmit,
    fieldErrors: e,
    formError,
    pending,
  } = useActionForm(ZExtensionRequest, requestExtensionAction, {
    toInput: (form) => ({ ...Object.fromEntries(new FormData(form)), taskId }),
    onSuccess: (_data, form) => {
      form.reset();
      setSent(true);
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="extension-form">
      {sent && (
        <Alert tone="success">
          <span data-testid="extension-sent">{t('sent')}</span>
        </Alert>
      )}
      <p className="text-xs text-slate-500">{hint}</p>
      <Field label={t('requestedEndDate')} name="requestedEndDate" error={e.requestedEndDate} required>
        <TextInput name="requestedEndDate" type="date" min={minDate} error={e.requestedEndDate} data-testid="extension-date" />
      </Field>
      <Field label={t('reason')} name="reason" error={e.reason} required>
        <TextArea name="reason" rows={4} error={e.reason} data-testid="extension-reason" />
      </Field>
      <FormError message={formError} />
      <Button type="submit" disabled={pending} data-testid="submit-extension">
        {pending ? t('sending') : t('submit')}
      </Button>
    </form>
  );
}
