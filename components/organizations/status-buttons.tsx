'use client';
import type { setOrganizationStatusAction } from '@/lib/organizations/actions';
import { useActionRunner } from '@/components/forms/use-action-runner';

// Plain <button>s with the stylesheet's .btn classes (the looks of components/ui/button.tsx): a list's script stays small.
/** The buttons' words, translated by the server (the organizations list ships no next-intl). */
export type OrganizationStatusLabels = { activate: string; reactivate: string; disable: string; connectionLost: string };

/** `action` is handed over by the server page (a reference in its payload), so the list's script carries no import of it. */
export function OrganizationStatusButtons({
  action,
  organizationId,
  status,
  labels,
}: {
  action: typeof setOrganizationStatusAction;
  organizationId: string;
  status: 'PENDING' | 'ACTIVE' | 'DISABLED';
  labels: OrganizationStatusLabels;
}) {
  const { run, pending, error } = useActionRunner(action, { connectionLost: labels.connectionLost });
  return (
    <div className="flex flex-wrap gap-2">
      {status !== 'ACTIVE' && (
        <button type="button" className="btn btn-primary" disabled={pending} onClick={() => run({ organizationId, status: 'ACTIVE' })}>
          {status === 'PENDING' ? labels.activate : labels.reactivate}
        </button>
      )}
      {status !== 'DISABLED' && (
        <button type="button" className="btn btn-secondary" disabled={pending} onClick={() => run({ organizationId, status: 'DISABLED' })}>
          {labels.disable}
        </button>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
