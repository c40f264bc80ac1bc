'use client';
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** Removes one attachment (DELETE /api/attachments/[id]) after a confirmation click. */
export function DeleteAttachmentButton({ attachmentId, fileName }: { attachmentId: string; fileName: string }) {
  const t = useTranslations('orgTasks.upload');
  const tAll = useTranslations();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const remove = () =>
    start(async () => {
      const response = await fetch(`/api/attachments/${attachmentId}`, { method: 'DELETE' }).catch(() => null);
      if (response?.ok) {
        setConfirming(false);
        setError(null);
        router.refresh();
        return;
      }
      const answer = (await response?.json().catch(() => ({}))) as { error?: string } | undefined;
      setError(answer?.error ?? t('failed'));
    });

  if (!confirming) {
    return (
      <Button
        variant="ghost"
        onClick={() => setConfirming(true)}
        data-testid="delete-attachment"
        aria-label={t('deleteFile', { name: fileName })}
      >
        {tAll('attachments.delete')}
      </Button>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span className="text-xs text-slate-600">{t('confirmDelete')}</span>
      <Button variant="danger" onClick={remove} disabled={pending} data-testid="confirm-delete-attachment">
        {tAll('attachments.delete')}
      </Button>
      <Button variant="secondary" onClick={() => setConfirming(false)}>
        {tAll('common.cancel')}
      </Button>
      {error && (
        <span role="alert" className="w-full text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
