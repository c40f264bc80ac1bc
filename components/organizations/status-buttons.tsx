'use client';
import { setOrganizationStatusAction } from '@/lib/organizations/actions';
import { useActionRunner } from '@/components/forms/use-action-runner';
import { Button } from '@/components/ui/button';

/** The buttons' words, translated by the server (the organizations list ships no next-intl). */
export type OrganizationStatusLabels = { activate: string; reactivate: string; disable: string; connectionLost: string };

export function OrganizationStatusButtons({
  organizationId,
  status,
  labels,
}: {
  organizationId: string;
  status: 'PENDING' | 'ACTIVE' | 'DISABLED';
  labels: OrganizationStatusLabels;
}) {
  const { run, pending, error } = useActionRunner(setOrganizationStatusAction, { connectionLost: labels.connectionLost });
  return (
    <div className="flex flex-wrap gap-2">
      {status !== 'ACTIVE' && (
        <Button variant="primary" disabled={pending} onClick={() => run({ organizationId, status: 'ACTIVE' })}>
          {status === 'PENDING' ? labels.activate : labels.reactivate}
        </Button>
      )}
      {status !== 'DISABLED' && (
        <Button variant="secondary" disabled={pending} onClick={() => run({ organizationId, status: 'DISABLED' })}>
          {labels.disable}
        </Button>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
