'use client';
import { useTranslations } from 'next-intl';
import { setOrganizationStatusAction } from '@/lib/organizations/actions';
import { useAction } from '@/components/forms/use-action';
import { Button } from '@/components/ui/button';

export function OrganizationStatusButtons({
  organizationId,
  status,
}: {
  organizationId: string;
  status: 'PENDING' | 'ACTIVE' | 'DISABLED';
}) {
  const t = useTranslations('organizations');
  const { run, pending, error } = useAction(setOrganizationStatusAction);
  return (
    <div className="flex flex-wrap gap-2">
      {status !== 'ACTIVE' && (
        <Button variant="primary" disabled={pending} onClick={() => run({ organizationId, status: 'ACTIVE' })}>
          {status === 'PENDING' ? t('activate') : t('reactivate')}
        </Button>
      )}
      {status !== 'DISABLED' && (
        <Button variant="secondary" disabled={pending} onClick={() => run({ organizationId, status: 'DISABLED' })}>
          {t('disable')}
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
