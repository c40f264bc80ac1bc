'use client';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { appraiseTaskAction } from '@/lib/tasks/actions';
import type { DepartmentDecisions } from '@/lib/tasks/loaders';
import { formatVnd, readMoney } from '@/lib/domain/money';
import { MoneyField, SubmitButton, TextAreaField, TextField, useFieldError, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { Button } from '@/components/ui/button';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/tasks/schemas');

type Props = { taskId: string; version: number; appraise: NonNullable<DepartmentDecisions['appraise']> };

/** An amount as the server reads it (the `money` schema's rule); what does not read yet counts as 0. */
const amount = (v: unknown) => {
  const read = typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' ? readMoney(v) : null;
  return read?.ok ? read.amount : 0n;
};

/** The appraisal group's record: content remarks, the state budget item by item, the duration. */
export function AppraisalForm({ taskId, version, appraise }: Props) {
  const t = useTranslations('appraisal');
  const form = useZodForm({
    schema: () => schemas().then((m) => m.ZAppraise),
    action: appraiseTaskAction,
    defaultValues: { taskId, version, contentRemarks: '', overRequestReason: '', ...appraise.defaults },
  });
  return (
    <ZodForm {...form} testId="appraisal-form" className="space-y-3" idPrefix="appraisal-">
      <div>
        <h3 className="text-sm font-semibold text-slate-900">{t('formTitle')}</h3>
        <p className="mt-0.5 text-xs text-slate-600">{t('formHint')}</p>
      </div>
      <TextAreaField name="contentRemarks" label={t('contentRemarks')} required rows={4} testId="appraisal-remarks" />
      <Items requested={appraise.requestedStateBudget} />
      <TextField
        name="approvedDurationMonths"
        label={t('approvedDurationMonths')}
        required
        type="number"
        min={1}
        max={60}
        inputMode="numeric"
        testId="appraisal-duration"
        className="max-w-xs"
      />
      <TextAreaField
        name="overRequestReason"
        label={t('overRequestReason')}
        hint={t('overRequestHint')}
        rows={2}
        testId="appraisal-reason"
      />
      <SubmitButton pendingLabel={t('pending')} testId="appraisal-submit">
        {t('submit')}
      </SubmitButton>
    </ZodForm>
  );
}

function Items({ requested }: { requested: bigint | null }) {
  const t = useTranslations('appraisal');
  const { watch } = useFormContext<{ items: { name: string; requested: string; appraised: string }[] }>();
  const rows = useFieldArray<{ items: { name: string; requested: string; appraised: string }[] }, 'items'>({ name: 'items' });
  const items = watch('items') ?? [];
  const approved = items.reduce((a, i) => a + amount(i?.appraised), 0n);
  const listError = useFieldError('items');
  return (
    <fieldset className="space-y-2" data-testid="appraisal-items">
      <legend className="text-sm font-medium text-slate-700">{t('items')}</legend>
      <ol className="space-y-2">
        {rows.fields.map((row, i) => (
          <li key={row.id} className="grid items-end gap-2 sm:grid-cols-[2fr_1fr_1fr_auto]" data-testid="appraisal-item">
            <TextField name={`items.${i}.name`} label={t('itemName', { n: i + 1 })} required autoComplete="off" />
            <MoneyField name={`items.${i}.requested`} label={t('itemRequested')} required />
            <MoneyField name={`items.${i}.appraised`} label={t('itemAppraised')} required />
            <Button variant="secondary" onClick={() => rows.remove(i)} aria-label={t('removeItem', { n: i + 1 })}>
              ×
            </Button>
          </li>
        ))}
      </ol>
      <Button variant="secondary" onClick={() => rows.append({ name: '', requested: '', appraised: '' })} data-testid="appraisal-add-item">
        {t('addItem')}
      </Button>
      {listError && (
        <p role="alert" className="text-xs text-red-700" data-field-error="items">
          {listError}
        </p>
      )}
      <p className="text-sm text-slate-700" data-testid="appraisal-total">
        {t('total', { approved: formatVnd(approved), requested: requested === null ? '—' : formatVnd(requested) })}
      </p>
    </fieldset>
  );
}
