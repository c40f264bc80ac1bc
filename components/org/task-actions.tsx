'use client';
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { submitTaskAction, withdrawTaskAction } from '@/lib/tasks/actions';
import { ZWithdraw } from '@/lib/tasks/schemas';
import type { TaskAction } from '@/lib/domain/workflow';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormError } from '@/components/forms/form-error';
import { Field, TextArea } from '@/components/ui/field';
import { Button, buttonClass } from '@/components/ui/button';

type Props = {
  taskId: string;
  version: number;
  /** The workflow actions the organization may take now (availableActions(status, 'ORGANIZATION')). */
  actions: TaskAction[];
  editable: boolean;
};

/** The organization's buttons on its task: edit, submit or resubmit, withdraw with a reason. */
export function TaskActions({ taskId, version, actions, editable }: Props) {
  const t = useTranslations('orgTasks');
  const tAll = useTranslations();
  const router = useRouter();
  const [submitting, startSubmit] = useTransition();
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [withdrawing, setWithdrawing] = useState(false);

  const canSubmit = actions.includes('submit') || actions.includes('resubmit');
  const canWithdraw = actions.includes('withdraw');

  const submit = () =>
    startSubmit(async () => {
      const result = await submitTaskAction({ taskId, version });
      if (result.ok) {
        setSubmitError(null);
        setMissing({});
        router.refresh();
      } else {
        setSubmitError(result.error);
        setMissing(result.fieldErrors ?? {});
      }
    });

  const withdraw = useActionForm(ZWithdraw, withdrawTaskAction, {
    toInput: (form) => ({ taskId, version, reason: new FormData(form).get('reason') ?? '' }),
    onSuccess: () => {
      setWithdrawing(false);
      router.refresh();
    },
  });

  const label = (field: string) => {
    const key = field === 'attachments' ? 'attachments.kinds.PROPOSAL_DOC' : `taskForm.labels.${field}`;
    return tAll.has(key) ? tAll(key) : field;
  };

  if (!canSubmit && !canWithdraw && !editable) return null;

  return (
    <div className="space-y-3" data-testid="task-actions">
      <div className="flex flex-wrap items-center gap-2">
        {editable && (
          <Link href={`/org/tasks/${taskId}/edit`} className={buttonClass('secondary')} data-testid="edit-task">
            {t('edit')}
          </Link>
        )}
        {canSubmit && (
          <Button onClick={submit} disabled={submitting} data-testid="submit-task">
            {submitting ? t('submitting') : actions.includes('resubmit') ? t('resubmit') : t('submit')}
          </Button>
        )}
        {canWithdraw && !withdrawing && (
          <Button variant="danger" onClick={() => setWithdrawing(true)} data-testid="withdraw-open">
            {t('withdraw')}
          </Button>
        )}
      </div>
      {canSubmit && !submitError && <p className="text-xs text-slate-500">{t('submitHint')}</p>}
      <FormError message={submitError} />
      {Object.keys(missing).length > 0 && (
        <div className="rounded-md border border-red-200 bg-white px-3 py-2 text-sm text-red-800">
          <p className="font-medium">{t('missingTitle')}</p>
          <ul className="mt-1 list-disc pl-5" data-testid="submit-errors">
            {Object.entries(missing).map(([field, message]) => (
              <li key={field} data-field={field}>
                <span className="font-medium">{label(field)}</span>: {message}
              </li>
            ))}
          </ul>
          {editable && <p className="mt-2 text-slate-700">{t('completeHint')}</p>}
        </div>
      )}
      {canWithdraw && withdrawing && (
        <form
          onSubmit={withdraw.onSubmit}
          noValidate
          className="space-y-2 rounded-md border border-red-200 bg-red-50/40 p-3"
          data-testid="withdraw-form"
        >
          <p className="text-sm text-slate-700">{t('withdrawWarning')}</p>
          <Field label={t('withdrawReason')} name="reason" error={withdraw.fieldErrors.reason} required>
            <TextArea name="reason" rows={3} error={withdraw.fieldErrors.reason} data-testid="withdraw-reason" />
          </Field>
          <FormError message={withdraw.formError} />
          <div className="flex gap-2">
            <Button type="submit" variant="danger" disabled={withdraw.pending} data-testid="withdraw-confirm">
              {t('withdrawConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setWithdrawing(false)}>
              {tAll('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
