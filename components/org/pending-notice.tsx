import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/card';

/** Shown instead of the organization's screens while the department has not verified the organization. */
export async function PendingNotice({ organizationName }: { organizationName: string }) {
  const t = await getTranslations('org');
  return (
    <Alert tone="warning" title={t('pendingTitle')}>
      <span data-testid="pending-verification">{t('pendingBody', { name: organizationName })}</span>
    </Alert>
  );
}
