'use client';
import type { markNotificationsReadAction } from '@/lib/notifications/actions';
import { useActionRunner } from '@/components/forms/use-action-runner';

// Plain <button>s with the stylesheet's .btn classes (the looks of components/ui/button.tsx): a list's script stays small.
/** The button's words, translated by the server (the notifications page ships no next-intl). */
export type MarkAllReadLabels = { markAllRead: string; marking: string; connectionLost: string };

/** Marks every notification of the user as read (`action` comes from the server page: no import of it in the script). */
export function MarkAllReadButton({
  action,
  disabled,
  labels,
}: {
  action: typeof markNotificationsReadAction;
  disabled?: boolean;
  labels: MarkAllReadLabels;
}) {
  const { run, pending, error } = useActionRunner(action, { connectionLost: labels.connectionLost });
  return (
    <span className="flex items-center gap-2">
      {error && (
        <span role="alert" className="text-sm text-red-700" data-testid="form-error">
          {error}
        </span>
      )}
      <button
        type="button"
        className="btn btn-secondary"
        disabled={disabled || pending}
        data-testid="mark-all-read"
        onClick={() => run({ all: true })}
      >
        {pending ? labels.marking : labels.markAllRead}
      </button>
    </span>
  );
}
