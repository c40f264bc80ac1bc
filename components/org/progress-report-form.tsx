'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ZProgressReport } from '@/lib/reports/schemas';
import { submitProgressReportAction } from '@/lib/reports/actions';
import { money } from '@/lib/domain/inputs';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormError } from '@/components/forms/form-error';
import { Field, Select, TextArea, TextInput } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { moneyInputValue } from '@/lib/domain/format';

type Props = {
  taskId: string;
  /** The periods that may be reported now: value "YYYY-MM-DD", label already formatted. */
  periods: { value: string; label: string }[];
  fundedAmount: string | null;
};

/** A progress report for one due period of a running task. */
export function ProgressReportForm({ taskId, periods, fundedAmount }: Props) {
  const t = useTranslations('orgRunning.progress');
  const router = useRouter();
  const [sent, setSent] = useState(false);
  const [spent, setSpent] = useState('');
  const {
    onSubmit,
    fieldErrors: e,
    formError,
    pending,
  } = useActionForm(ZProgressReport, submitProgressReportAction, {
    toInput: (form) => ({ ...Object.fromEntries(new FormData(form)), taskId }),
    onSuccess: (_data, form) => {
      form.reset();
      setSpent('');
      setSent(true);
      router.refresh();
    },
  });
  if (periods.length === 0) {
    return (
      <>
        {sent && (
          <Alert tone="success">
            <span data-testid="report-sent">{t('sent')}</span>
          </Alert>
        )}
        <p className="text-sm text-slate-500" data-testid="no-report-due">
          {t('nothingDue')}
        </p>
      </>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="progress-report-form" onChange={() => setSent(false)}>
      {sent && (
        <Alert tone="success">
          <span data-testid="report-sent">{t('sent')}</span>
        </Alert>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('dueDate')} name="dueDate" error={e.dueDate} required>
          <Select name="dueDate" defaultValue={periods[0].value} error={e.dueDate} data-testid="report-due-date">
            {periods.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={t('amountSpent')}
          name="amountSpent"
          error={e.amountSpent}
          required
          hint={fundedAmount ? t('amountSpentHint', { funded: fundedAmount }) : undefined}
        >
          <TextInput
            name="amountSpent"
            inputMode="numeric"
            autoComplete="off"
            placeholder="250.000.000"
            value={spent}
            onChange={(ev) => setSpent(ev.target.value)}
            onBlur={(ev) => {
              const r = money.safeParse(ev.target.value);
              if (r.success) setSpent(moneyInputValue(r.data));
            }}
            error={e.amountSpent}
          />
        </Field>
      </div>
      <Field label={t('workDone')} name="workDone" error={e.workDone} required>
        <TextArea name="workDone" rows={5} error={e.workDone} />
      </Field>
      <Field label={t('productsSoFar')} name="productsSoFar" error={e.productsSoFar} required>
        <TextArea name="productsSoFar" rows={3} error={e.productsSoFar} />
      </Field>
      <FormError message={formError} />
      <Button type="submit" disabled={pending} data-testid="submit-report">
        {pending ? t('sending') : t('submit')}
      </Button>
    </form>
  );
}
