'use client';
import { useTranslations } from 'next-intl';
import { useFormContext } from 'react-hook-form';
import { declareConflictAction } from '@/lib/councils/actions';
import { declareIdentificationAction } from '@/lib/identification/actions';
import { SubmitButton, TextAreaField, useFieldError, useZodForm, ZodForm } from '@/components/forms/zod-form';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/councils/schemas');

type Choice = 'none' | 'conflict';

/**
 * The conflict-of-interest declaration: an explicit choice between the two statements; a conflict needs a reason.
 * The same for a seat on a task's council and on an identification council (the schemas are the same shape).
 */
export function ConflictForm({ memberId, council = 'task' }: { memberId: string; council?: 'task' | 'identification' }) {
  const t = useTranslations();
  const declare = useZodForm({
    schema: () => schemas().then((m) => m.ZDeclareConflict),
    action: council === 'task' ? declareConflictAction : declareIdentificationAction,
    defaultValues: { memberId, reason: '' },
  });
  const hasConflict = declare.form.watch('hasConflict');
  return (
    <ZodForm {...declare} testId="conflict-form">
      <Choices />
      {hasConflict === true && (
        <TextAreaField
          name="reason"
          label={t('conflictForm.reason')}
          hint={t('conflictForm.reasonHint')}
          required
          maxLength={2000}
          testId="conflict-reason"
        />
      )}
      <SubmitButton variant={hasConflict ? 'danger' : 'primary'} pendingLabel={t('common.saving')} testId="conflict-submit">
        {hasConflict ? t('conflictForm.submitConflict') : t('conflictForm.submit')}
      </SubmitButton>
    </ZodForm>
  );
}

function Choices() {
  const t = useTranslations();
  const { watch, setValue } = useFormContext<{ hasConflict?: boolean }>();
  const error = useFieldError('hasConflict');
  const current = watch('hasConflict');
  const option = (value: Choice, testId: string) => {
    const checked = current === (value === 'conflict');
    return (
      <label
        className={`flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm ${checked ? 'border-brand-600 bg-brand-50' : 'border-slate-300 bg-white hover:bg-slate-50'}`}
      >
        <input
          type="radio"
          name="hasConflict"
          value={value}
          checked={checked}
          onChange={() => setValue('hasConflict', value === 'conflict', { shouldValidate: Boolean(error) })}
          className="mt-0.5"
          data-testid={testId}
        />
        <span>
          <span className="block font-medium text-slate-900">{t(`conflictForm.${value}`)}</span>
          <span className="block text-slate-600">{t(`conflictForm.${value}Hint`)}</span>
        </span>
      </label>
    );
  };
  return (
    <fieldset className="space-y-2" aria-describedby={error ? 'hasConflict-error' : undefined}>
      <legend className="mb-2 text-sm font-medium text-slate-700">
        {t('conflictForm.question')}
        <span className="ml-0.5 text-red-600" aria-hidden>
          *
        </span>
      </legend>
      {option('none', 'conflict-choice-none')}
      {option('conflict', 'conflict-choice-conflict')}
      {error && (
        <p className="text-xs text-red-700" id="hasConflict-error" role="alert" data-field-error="hasConflict">
          {t('validation.choose')}
        </p>
      )}
    </fieldset>
  );
}
