import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { AppShell } from '@/components/layout/app-shell';

export default async function OrgLayout({ children }: { children: ReactNode }) {
  const actor = await requireArea('org');
  const t = await getTranslations('nav');
  return (
    <AppShell actor={actor} nav={[{ href: '/org', label: t('myTasks') }]}>
      {children}
    </AppShell>
  );
}
