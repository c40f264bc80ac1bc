'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { submitNeedsAction, withdrawNeedsAction } from '@/lib/needs/actions';
import type { OrgNeedsPage } from '@/lib/needs/loaders';
import { useAction } from '@/components/forms/use-action';
import { FormError } from '@/components/forms/form-error';
import { Button, buttonClass } from '@/components/ui/button';

type Props = { needsId: string; version: number; actions: OrgNeedsPage['actions'] };

/**
 * The organization's buttons on its needs proposal: edit, submit or resubmit, withdraw (after a confirmation). A
 * submission refused for missing content opens the form with the messages on its fields.
 */
export function OrgNeedsActions({ needsId, version, actions }: Props) {
  const t = useTranslations('needs.actions');
  const tAll = useTranslations();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const submit = useAction(submitNeedsAction, {
    onFailure: ({ fieldErrors = {} }) => {
      if (actions.edit && Object.keys(fieldErrors).length > 0) router.push(`/org/needs/${needsId}/edit?check=1`);
    },
  });
  const withdraw = useAction(withdrawNeedsAction, { onSuccess: () => setConfirming(false) });
  if (!actions.submit && !actions.withdraw && !actions.edit) return null;
  return (
    <div className="space-y-3" data-testid="needs-actions">
      <div className="flex flex-wrap items-center gap-2">
        {actions.edit && (
          <Link href={`/org/needs/${needsId}/edit`} className={buttonClass('secondary')} data-testid="edit-needs">
            {t('edit')}
          </Link>
        )}
        {actions.submit && (
          <Button onClick={() => submit.run({ needsId, version })} disabled={submit.pending} data-testid="submit-needs">
            {submit.pending ? t('submitting') : t(actions.submit)}
          </Button>
        )}
        {actions.withdraw && !confirming && (
          <Button variant="danger" onClick={() => setConfirming(true)} data-testid="withdraw-needs">
            {t('withdraw')}
          </Button>
        )}
      </div>
      {actions.submit && !submit.error && <p className="text-xs text-slate-600">{t('submitHint')}</p>}
      <FormError message={submit.error ?? withdraw.error} />
      {actions.withdraw && confirming && (
        <div className="space-y-2 rounded-md border border-red-200 bg-red-50/40 p-3" data-testid="withdraw-needs-confirm-box">
          <p className="text-sm text-slate-700">{t('withdrawWarning')}</p>
          <div className="flex gap-2">
            <Button
              variant="danger"
              onClick={() => withdraw.run({ needsId, version })}
              disabled={withdraw.pending}
              data-testid="withdraw-needs-confirm"
            >
              {t('withdrawConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {tAll('common.cancel')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
