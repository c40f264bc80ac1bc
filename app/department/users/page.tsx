import { getLocale, getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { load } from '@/lib/server/page';
import { listUsers } from '@/lib/users/service';
import { listActiveOrganizationOptions } from '@/lib/organizations/service';
import { ROLES } from '@/lib/domain/roles';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { Badge } from '@/components/ui/badge';
import { Pagination } from '@/components/ui/pagination';
import { FilterBar } from '@/components/ui/filter-bar';
import { CreateUserForm } from '@/components/users/create-user-form';
import { UserRowActions } from '@/components/users/user-row-actions';

type Search = { role?: string; q?: string; page?: string };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireArea('department');
  const params = await searchParams;
  const list = await load(listUsers(actor, params));
  const [organizations, t, locale] = await Promise.all([listActiveOrganizationOptions(actor), getTranslations(), getLocale()]);
  return (
    <>
      <PageHeader title={t('users.title')} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div>
          <FilterBar
            action="/department/users"
            q={{ value: params.q, placeholder: t('users.searchPlaceholder') }}
            selects={[
              {
                name: 'role',
                label: t('users.role'),
                value: params.role,
                options: ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })),
              },
            ]}
          />
          {list.rows.length === 0 ? (
            <EmptyState>{t('users.empty')}</EmptyState>
          ) : (
            <Table label={t('users.title')}>
              <thead>
                <tr>
                  <Th>{t('users.name')}</Th>
                  <Th>{t('users.role')}</Th>
                  <Th>{t('users.status')}</Th>
                  <Th>{t('users.lastLogin')}</Th>
                  <Th>{t('common.actions')}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {list.rows.map((u) => (
                  <tr key={u.id} data-testid={`user-row-${u.email}`}>
                    <Td>
                      <span className="block font-medium">{u.name}</span>
                      <span className="block text-xs text-slate-500">{u.email}</span>
                      {(u.organization?.name ?? u.evaluatorProfile?.affiliation) && (
                        <span className="block text-xs text-slate-500">{u.organization?.name ?? u.evaluatorProfile?.affiliation}</span>
                      )}
                    </Td>
                    <Td>{t(`roles.${u.role}`)}</Td>
                    <Td>{u.active ? <Badge tone="green">{t('users.active')}</Badge> : <Badge tone="red">{t('users.inactive')}</Badge>}</Td>
                    <Td className="whitespace-nowrap">{formatDateTime(u.lastLoginAt, locale as Locale)}</Td>
                    <Td>
                      <UserRowActions userId={u.id} active={u.active} self={u.id === actor.id} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} basePath="/department/users" params={params} />
        </div>
        <Card title={t('users.create')}>
          <CreateUserForm organizations={organizations} />
        </Card>
      </div>
    </>
  );
}
