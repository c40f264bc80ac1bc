import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadUsersPage } from '@/lib/users/loaders';
import { ROLES } from '@/lib/domain/roles';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import { PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { FilterBar } from '@/components/ui/filter-bar';
import { UserRowActions } from '@/components/users/user-row-actions';
import { setUserActiveAction } from '@/lib/users/actions';
import { ExportLinks } from '@/components/ui/export-links';
import { buttonClass } from '@/components/ui/button';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  const page = await loadUsersPage(await searchParams);
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  const rowLabels = {
    activate: t('users.activate'),
    deactivate: t('users.deactivate'),
    resetPassword: t('users.resetPassword'),
    passwordReset: t('users.passwordReset'),
    loading: t('common.loading'),
    connectionLost: t('errors.connectionLost'),
  };
  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          <div className="flex flex-wrap gap-2">
            <ExportLinks list="users" params={page.query.params} />
            <Link href="/department/users/new" className={buttonClass('primary')} data-testid="user-new">
              {t('users.add')}
            </Link>
          </div>
        }
      />
      <FilterBar
        action="/department/users"
        q={{ value: page.filter.q, placeholder: t('users.searchPlaceholder') }}
        selects={[
          {
            name: 'role',
            label: t('users.role'),
            value: page.filter.role,
            options: ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })),
          },
        ]}
      />
      <DataTable
        label={t('users.title')}
        rows={page.rows}
        rowKey={(u) => u.id}
        rowAttributes={(u) => ({ testid: `user-row-${u.email}` })}
        empty={t('users.empty')}
        paging={page.paging}
        query={page.query}
        columns={[
          {
            key: 'name',
            header: t('users.name'),
            cell: (u) => (
              <>
                <span className="block font-medium">{u.name}</span>
                <span className="block text-xs text-slate-600">{u.email}</span>
                {(u.organization?.name ?? u.evaluatorProfile?.affiliation) && (
                  <span className="block text-xs text-slate-600">{u.organization?.name ?? u.evaluatorProfile?.affiliation}</span>
                )}
              </>
            ),
          },
          { key: 'role', header: t('users.role'), cell: (u) => t(`roles.${u.role}`) },
          {
            key: 'status',
            header: t('users.status'),
            cell: (u) => (u.active ? <Badge tone="green">{t('users.active')}</Badge> : <Badge tone="red">{t('users.inactive')}</Badge>),
          },
          {
            key: 'lastLogin',
            header: t('users.lastLogin'),
            className: 'whitespace-nowrap',
            cell: (u) => formatDateTime(u.lastLoginAt, locale),
          },
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (u) => <UserRowActions action={setUserActiveAction} userId={u.id} active={u.active} self={u.self} labels={rowLabels} />,
          },
        ]}
      />
    </>
  );
}
