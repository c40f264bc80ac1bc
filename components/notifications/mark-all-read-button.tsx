'use client';
import { markNotificationsReadAction } from '@/lib/notifications/actions';
import { useActionRunner } from '@/components/forms/use-action-runner';
import { Button } from '@/components/ui/button';

/** The button's words, translated by the server (the notifications page ships no next-intl). */
export type MarkAllReadLabels = { markAllRead: string; marking: string; connectionLost: string };

/** Marks every notification of the user as read. */
export function MarkAllReadButton({ disabled, labels }: { disabled?: boolean; labels: MarkAllReadLabels }) {
  const { run, pending, error } = useActionRunner(markNotificationsReadAction, { connectionLost: labels.connectionLost });
  return (
    <span className="flex items-center gap-2">
      {error && (
        <span role="alert" className="text-sm text-red-700" data-testid="form-error">
          {error}
        </span>
      )}
      <Button variant="secondary" disabled={disabled || pending} data-testid="mark-all-read" onClick={() => run({ all: true })}>
        {pending ? labels.marking : labels.markAllRead}
      </Button>
    </span>
  );
}
