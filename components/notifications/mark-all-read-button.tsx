'use client';
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { markNotificationsReadAction } from '@/lib/notifications/actions';
import { Button } from '@/components/ui/button';

/** Marks every notification of the user as read. */
export function MarkAllReadButton({ disabled }: { disabled?: boolean }) {
  const t = useTranslations('notificationsPage');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="flex items-center gap-2">
      {error && (
        <span role="alert" className="text-sm text-red-700" data-testid="form-error">
          {error}
        </span>
      )}
      <Button
        variant="secondary"
        disabled={disabled || pending}
        data-testid="mark-all-read"
        onClick={() =>
          startTransition(async () => {
            const result = await markNotificationsReadAction({ all: true });
            if (result.ok) {
              setError(null);
              router.refresh();
            } else setError(result.error);
          })
        }
      >
        {pending ? t('marking') : t('markAllRead')}
      </Button>
    </span>
  );
}
