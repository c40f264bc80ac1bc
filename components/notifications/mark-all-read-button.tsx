'use client';
import { useTranslations } from 'next-intl';
import { markNotificationsReadAction } from '@/lib/notifications/actions';
import { useAction } from '@/components/forms/use-action';
import { Button } from '@/components/ui/button';

/** Marks every notification of the user as read. */
export function MarkAllReadButton({ disabled }: { disabled?: boolean }) {
  const t = useTranslations('notificationsPage');
  const { run, pending, error } = useAction(markNotificationsReadAction);
  return (
    <span className="flex items-center gap-2">
      {error && (
        <span role="alert" className="text-sm text-red-700" data-testid="form-error">
          {error}
        </span>
      )}
      <Button variant="secondary" disabled={disabled || pending} data-testid="mark-all-read" onClick={() => run({ all: true })}>
        {pending ? t('marking') : t('markAllRead')}
      </Button>
    </span>
  );
}
