'use client';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { submitProgressReportAction } from '@/lib/reports/actions';
import { MoneyField, SelectField, SubmitButton, TextAreaField, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { Alert } from '@/components/ui/card';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/reports/schemas');

type Props = {
  taskId: string;
  /** The periods that may be reported now: value "YYYY-MM-DD", label already formatted. */
  periods: { value: string; label: string }[];
  fundedAmount: string | null;
};

/** A progress report for one due period of a running task. */
export function ProgressReportForm({ taskId, periods, fundedAmount }: Props) {
  const t = useTranslations('orgRunning.progress');
  const [sent, setSent] = useState(false);
  const report = useZodForm({
    schema: () => schemas().then((m) => m.ZProgressReport),
    action: submitProgressReportAction,
    defaultValues: { taskId, dueDate: periods[0]?.value ?? '', amountSpent: '', workDone: '', productsSoFar: '' },
    onSuccess: () => setSent(true),
  });
  const sentNotice = sent && (
    <Alert tone="success">
      <span data-testid="report-sent">{t('sent')}</span>
    </Alert>
  );
  if (periods.length === 0) {
    return (
      <>
        {sentNotice}
        <p className="text-sm text-slate-500" data-testid="no-report-due">
          {t('nothingDue')}
        </p>
      </>
    );
  }
  return (
    <ZodForm {...report} className="space-y-3" testId="progress-report-form">
      {sentNotice}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="dueDate" label={t('dueDate')} options={periods} required testId="report-due-date" />
        <MoneyField
          name="amountSpent"
          label={t('amountSpent')}
          required
          hint={fundedAmount ? t('amountSpentHint', { funded: fundedAmount }) : undefined}
        />
      </div>
      <TextAreaField name="workDone" label={t('workDone')} rows={5} required />
      <TextAreaField name="productsSoFar" label={t('productsSoFar')} rows={3} required />
      <SubmitButton pendingLabel={t('sending')} testId="submit-report">
        {t('submit')}
      </SubmitButton>
    </ZodForm>
  );
}
