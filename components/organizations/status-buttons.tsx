'use client';
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { setOrganizationStatusAction } from '@/lib/organizations/actions';
import { Button } from '@/components/ui/button';

export function OrganizationStatusButtons({
  organizationId,
  status,
}: {
  organizationId: string;
  status: 'PENDING' | 'ACTIVE' | 'DISABLED';
}) {
  const t = useTranslations('organizations');
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const set = (next: 'ACTIVE' | 'DISABLED') =>
    start(async () => {
      const result = await setOrganizationStatusAction({ organizationId, status: next });
      if (!result.ok) setError(result.error);
      else {
        setError(null);
        router.refresh();
      }
    });
  return (
    <div className="flex flex-wrap gap-2">
      {status !== 'ACTIVE' && (
        <Button variant="primary" disabled={pending} onClick={() => set('ACTIVE')}>
          {status === 'PENDING' ? t('activate') : t('reactivate')}
        </Button>
      )}
      {status !== 'DISABLED' && (
        <Button variant="secondary" disabled={pending} onClick={() => set('DISABLED')}>
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
