import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { can } from '@/lib/domain/permissions';
import { AppShell } from '@/components/layout/app-shell';

export default async function DepartmentLayout({ children }: { children: ReactNode }) {
  const actor = await requireArea('department');
  const t = await getTranslations('nav');
  const nav = [
    { href: '/department', label: t('overview') },
    { href: '/department/tasks', label: t('tasks') },
    { href: '/department/calls', label: t('calls') },
    { href: '/department/organizations', label: t('organizations') },
    ...(can(actor.role, 'users.manage') ? [{ href: '/department/users', label: t('users') }] : []),
    ...(can(actor.role, 'settings.manage') ? [{ href: '/department/settings', label: t('settings') }] : []),
  ];
  return (
    <AppShell actor={actor} nav={nav}>
      {children}
    </AppShell>
  );
}
