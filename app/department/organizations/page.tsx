import { getLocale, getTranslations } from 'next-intl/server';
import { loadOrganizationsPage } from '@/lib/organizations/loaders';
import { formatDate, type Locale } from '@/lib/domain/format';
import { PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { FilterBar } from '@/components/ui/filter-bar';
import { OrganizationStatusButtons } from '@/components/organizations/status-buttons';
import { setOrganizationStatusAction } from '@/lib/organizations/actions';
import { ExportLinks } from '@/components/ui/export-links';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const TONE = { PENDING: 'amber', ACTIVE: 'green', DISABLED: 'red' } as const;

export default async function OrganizationsPage({ searchParams }: Props) {
  const page = await loadOrganizationsPage(await searchParams);
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  const statusLabels = {
    activate: t('organizations.activate'),
    reactivate: t('organizations.reactivate'),
    disable: t('organizations.disable'),
    connectionLost: t('errors.connectionLost'),
  };
  return (
    <>
      <PageHeader title={t('organizations.title')} actions={<ExportLinks list="organizations" params={page.query.params} />} />
      <FilterBar
        action="/department/organizations"
        q={{ value: page.filter.q, placeholder: t('organizations.searchPlaceholder') }}
        selects={[
          {
            name: 'status',
            label: t('organizations.status'),
            value: page.filter.status,
            options: (['PENDING', 'ACTIVE', 'DISABLED'] as const).map((s) => ({ value: s, label: t(`orgStatus.${s}`) })),
          },
        ]}
      />
      <DataTable
        label={t('organizations.title')}
        rows={page.rows}
        rowKey={(o) => o.id}
        rowAttributes={(o) => ({ testid: `org-row-${o.taxCode}` })}
        empty={t('organizations.empty')}
        paging={page.paging}
        query={page.query}
        columns={[
          {
            key: 'name',
            header: t('organizations.name'),
            cell: (o) => (
              <>
                <span className="block font-medium">{o.name}</span>
                <span className="block text-xs text-slate-600">{o.address}</span>
                <span className="block text-xs text-slate-600">
                  {t('organizations.counts', { users: o._count.users, tasks: o._count.hostedTasks })}
                </span>
              </>
            ),
          },
          { key: 'taxCode', header: t('organizations.taxCode'), className: 'font-mono text-xs', cell: (o) => o.taxCode },
          { key: 'kind', header: t('organizations.kind'), cell: (o) => t(`orgKinds.${o.kind}`) },
          {
            key: 'registeredAt',
            header: t('organizations.registeredAt'),
            className: 'whitespace-nowrap',
            cell: (o) => formatDate(o.createdAt, locale),
          },
          {
            key: 'status',
            header: t('organizations.status'),
            cell: (o) => <Badge tone={TONE[o.status]}>{t(`orgStatus.${o.status}`)}</Badge>,
          },
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (o) => (
              <OrganizationStatusButtons
                action={setOrganizationStatusAction}
                organizationId={o.id}
                status={o.status}
                labels={statusLabels}
              />
            ),
          },
        ]}
      />
    </>
  );
}
