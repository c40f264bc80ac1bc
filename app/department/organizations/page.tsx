import { getLocale, getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { listOrganizations } from '@/lib/organizations/service';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { Badge } from '@/components/ui/badge';
import { Pagination } from '@/components/ui/pagination';
import { FilterBar } from '@/components/ui/filter-bar';
import { OrganizationStatusButtons } from '@/components/organizations/status-buttons';
import { formatDate, type Locale } from '@/lib/domain/format';

type Search = { status?: string; q?: string; page?: string };

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireArea('department');
  const params = await searchParams;
  const [list, t, locale] = await Promise.all([listOrganizations(actor, params), getTranslations(), getLocale()]);
  const tone = { PENDING: 'amber', ACTIVE: 'green', DISABLED: 'red' } as const;
  return (
    <>
      <PageHeader title={t('organizations.title')} />
      <FilterBar
        action="/department/organizations"
        q={{ value: params.q, placeholder: t('organizations.searchPlaceholder') }}
        selects={[
          {
            name: 'status',
            label: t('organizations.status'),
            value: params.status,
            options: (['PENDING', 'ACTIVE', 'DISABLED'] as const).map((s) => ({ value: s, label: t(`orgStatus.${s}`) })),
          },
        ]}
      />
      {list.rows.length === 0 ? (
        <EmptyState>{t('organizations.empty')}</EmptyState>
      ) : (
        <Table label={t('organizations.title')}>
          <thead>
            <tr>
              <Th>{t('organizations.name')}</Th>
              <Th>{t('organizations.taxCode')}</Th>
              <Th>{t('organizations.kind')}</Th>
              <Th>{t('organizations.registeredAt')}</Th>
              <Th>{t('organizations.status')}</Th>
              <Th>{t('common.actions')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {list.rows.map((o) => (
              <tr key={o.id} data-testid={`org-row-${o.taxCode}`}>
                <Td>
                  <span className="block font-medium">{o.name}</span>
                  <span className="block text-xs text-slate-500">{o.address}</span>
                  <span className="block text-xs text-slate-500">
                    {t('organizations.counts', { users: o._count.users, tasks: o._count.hostedTasks })}
                  </span>
                </Td>
                <Td className="font-mono text-xs">{o.taxCode}</Td>
                <Td>{t(`orgKinds.${o.kind}`)}</Td>
                <Td className="whitespace-nowrap">{formatDate(o.createdAt, locale as Locale)}</Td>
                <Td>
                  <Badge tone={tone[o.status]}>{t(`orgStatus.${o.status}`)}</Badge>
                </Td>
                <Td>
                  <OrganizationStatusButtons organizationId={o.id} status={o.status} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} basePath="/department/organizations" params={params} />
    </>
  );
}
