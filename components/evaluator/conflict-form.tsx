'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ZDeclareConflict } from '@/lib/councils/schemas';
import { declareConflictAction } from '@/lib/councils/actions';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormError } from '@/components/forms/form-error';
import { Field, TextArea } from '@/components/ui/field';
import { Button } from '@/components/ui/button';

type Choice = 'none' | 'conflict' | '';

/** The conflict-of-interest declaration: an explicit choice between the two statements; a conflict needs a reason. */
export function ConflictForm({ memberId }: { memberId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [choice, setChoice] = useState<Choice>('');
  const {
    onSubmit,
    fieldErrors: e,
    formError,
    pending,
  } = useActionForm(ZDeclareConflict, declareConflictAction, {
    toInput: (form) => {
      const data = new FormData(form);
      return { memberId, hasConflict: choice === '' ? undefined : choice === 'conflict', reason: String(data.get('reason') ?? '') };
    },
    onSuccess: () => router.refresh(),
  });
  const option = (value: Exclude<Choice, ''>, testId: string) => (
    <label
      className={`flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm ${choice === value ? 'border-brand-600 bg-brand-50' : 'border-slate-300 bg-white hover:bg-slate-50'}`}
    >
      <input
        type="radio"
        name="hasConflict"
        value={value}
        checked={choice === value}
        onChange={() => setChoice(value)}
        className="mt-0.5"
        data-testid={testId}
      />
      <span>
        <span className="block font-medium text-slate-900">{t(`conflictForm.${value}`)}</span>
        <span className="block text-slate-600">{t(`conflictForm.${value}Hint`)}</span>
      </span>
    </label>
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="conflict-form">
      <fieldset className="space-y-2" aria-describedby={e.hasConflict ? 'hasConflict-error' : undefined}>
        <legend className="mb-2 text-sm font-medium text-slate-700">
          {t('conflictForm.question')}
          <span className="ml-0.5 text-red-600" aria-hidden>
            *
          </span>
        </legend>
        {option('none', 'conflict-choice-none')}
        {option('conflict', 'conflict-choice-conflict')}
        {e.hasConflict && (
          <p className="text-xs text-red-700" id="hasConflict-error" role="alert" data-field-error="hasConflict">
            {t('validation.choose')}
          </p>
        )}
      </fieldset>
      {choice === 'conflict' && (
        <Field label={t('conflictForm.reason')} name="reason" error={e.reason} hint={t('conflictForm.reasonHint')} required>
          <TextArea name="reason" rows={3} maxLength={2000} error={e.reason} data-testid="conflict-reason" />
        </Field>
      )}
      <FormError message={formError} />
      <Button type="submit" disabled={pending} variant={choice === 'conflict' ? 'danger' : 'primary'} data-testid="conflict-submit">
        {pending ? t('common.saving') : choice === 'conflict' ? t('conflictForm.submitConflict') : t('conflictForm.submit')}
      </Button>
    </form>
  );
}
