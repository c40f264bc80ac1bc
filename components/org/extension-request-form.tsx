'use client';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { requestExtensionAction } from '@/lib/reports/actions';
import { SubmitButton, TextAreaField, TextField, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { Alert } from '@/components/ui/card';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/reports/schemas');

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
  const [sent, setSent] = useState(false);
  const request = useZodForm({
    schema: () => schemas().then((m) => m.ZExtensionRequest),
    action: requestExtensionAction,
    defaultValues: { taskId, requestedEndDate: '', reason: '' },
    onSuccess: (_data, form) => {
      form.reset();
      setSent(true);
    },
  });
  return (
    <ZodForm {...request} className="space-y-3" testId="extension-form">
      {sent && (
        <Alert tone="success">
          <span data-testid="extension-sent">{t('sent')}</span>
        </Alert>
      )}
      <p className="text-xs text-slate-500">{hint}</p>
      <TextField name="requestedEndDate" label={t('requestedEndDate')} type="date" min={minDate} required testId="extension-date" />
      <TextAreaField name="reason" label={t('reason')} rows={4} required testId="extension-reason" />
      <SubmitButton pendingLabel={t('sending')} testId="submit-extension">
        {t('submit')}
      </SubmitButton>
    </ZodForm>
  );
}
