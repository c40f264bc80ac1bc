'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { submitRevisionAction, submitTaskAction, withdrawTaskAction } from '@/lib/tasks/actions';
import type { OrgTaskPage } from '@/lib/tasks/loaders';
import { useAction } from '@/components/forms/use-action';
import { FormError } from '@/components/forms/form-error';
import { SubmitButton, TextAreaField, useZodForm, ZodForm } from '@/components/forms/zod-form';
import { Button, buttonClass } from '@/components/ui/button';

/** The schemas of these forms, fetched when a form is first used (components/forms/zod-form.tsx). */
const schemas = () => import('@/lib/tasks/schemas');

type Props = { taskId: string; version: number; actions: OrgTaskPage['actions'] };

/**
 * The organization's buttons on its task: edit, submit or resubmit, withdraw with a reason. A submission refused
 * for missing content opens the form with the messages on its fields; a missing detailed proposal is said here,
 * where the files are.
 */
export function TaskActions({ taskId, version, actions }: Props) {
  const t = useTranslations('orgTasks');
  const tAll = useTranslations();
  const router = useRouter();
  const [withdrawing, setWithdrawing] = useState(false);
  const [missingDoc, setMissingDoc] = useState<string | null>(null);
  const submit = useAction(submitTaskAction, {
    onFailure: ({ fieldErrors = {} }) => {
      // Fields of the form are shown on the form, where they are fixed; the missing file is said here.
      if (actions.edit && Object.keys(fieldErrors).some((f) => f !== 'attachments')) router.push(`/org/tasks/${taskId}/edit?check=1`);
      else setMissingDoc(fieldErrors.attachments ?? null);
    },
  });
  const revised = useAction(submitRevisionAction, {
    onFailure: ({ fieldErrors = {} }) => setMissingDoc(fieldErrors.attachments ?? null),
  });
  const sendRevision = () => {
    setMissingDoc(null);
    revised.run({ taskId, version });
  };
  const send = () => {
    setMissingDoc(null);
    submit.run({ taskId, version });
  };
  const withdraw = useZodForm({
    schema: () => schemas().then((m) => m.ZWithdraw),
    action: withdrawTaskAction,
    defaultValues: { taskId, version, reason: '' },
    onSuccess: () => setWithdrawing(false),
  });

  if (!actions.submit && !actions.withdraw && !actions.edit && !actions.submitRevision) return null;
  return (
    <div className="space-y-3" data-testid="task-actions">
      <div className="flex flex-wrap items-center gap-2">
        {actions.edit && (
          <Link href={`/org/tasks/${taskId}/edit`} className={buttonClass('secondary')} data-testid="edit-task">
            {t('edit')}
          </Link>
        )}
        {actions.submit && (
          <Button onClick={send} disabled={submit.pending} data-testid="submit-task">
            {submit.pending ? t('submitting') : actions.submit === 'resubmit' ? t('resubmit') : t('submit')}
          </Button>
        )}
        {actions.submitRevision && (
          <Button onClick={sendRevision} disabled={revised.pending} data-testid="submit-revision">
            {revised.pending ? t('submittingRevision') : t('submitRevision')}
          </Button>
        )}
        {actions.withdraw && !withdrawing && (
          <Button variant="danger" onClick={() => setWithdrawing(true)} data-testid="withdraw-open">
            {t('withdraw')}
          </Button>
        )}
      </div>
      {actions.submit && !submit.error && <p className="text-xs text-slate-500">{t('submitHint')}</p>}
      <FormError message={submit.error ?? revised.error} />
      {missingDoc && (
        <p className="text-sm text-red-700" data-testid="submit-errors" data-field="attachments">
          {tAll('attachments.kinds.PROPOSAL_DOC')}: {missingDoc}
        </p>
      )}
      {actions.withdraw && withdrawing && (
        <ZodForm {...withdraw} className="space-y-2 rounded-md border border-red-200 bg-red-50/40 p-3" testId="withdraw-form">
          <p className="text-sm text-slate-700">{t('withdrawWarning')}</p>
          <TextAreaField name="reason" label={t('withdrawReason')} required rows={3} testId="withdraw-reason" />
          <div className="flex gap-2">
            <SubmitButton variant="danger" testId="withdraw-confirm">
              {t('withdrawConfirm')}
            </SubmitButton>
            <Button variant="secondary" onClick={() => setWithdrawing(false)}>
              {tAll('common.cancel')}
            </Button>
          </div>
        </ZodForm>
      )}
    </div>
  );
}
