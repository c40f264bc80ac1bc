import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadListedTasks } from '@/lib/lists/loaders';
import { LISTED_STATUSES } from '@/lib/domain/listed-task-workflow';
import { ASSIGNMENT_METHODS } from '@/lib/domain/identification';
import { formatDate, formatVnd } from '@/lib/domain/format';
import { Card, PageHeader } from '@/components/ui/card';
import { OpenListed } from '@/components/lists/open-listed';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { FilterBar } from '@/components/ui/filter-bar';
import { ExportLinks } from '@/components/ui/export-links';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations('lists'))('listed.title') };
}

export default async function ListedTasksPage({ searchParams }: Props) {
  const page = await loadListedTasks(await searchParams);
  const t = await getTranslations();
  const f = page.filter;
  const thisYear = new Date().getFullYear();
  return (
    <>
      <PageHeader
        title={t('lists.listed.title')}
        description={t('lists.listed.description', { total: page.paging.total })}
        actions={
          <div className="flex flex-wrap gap-2">
            <ExportLinks list="listed-tasks" params={page.query.params} />
            {page.canListUrgent && (
              <Link href="/department/listed-tasks/new" className={buttonClass('secondary')} data-testid="urgent-new">
                {t('lists.listed.urgent')}
              </Link>
            )}
          </div>
        }
      />
      <div className="mb-6">
        <Card title={t('lists.open.title')}>
          {page.openable.length === 0 ? (
            <p className="text-sm text-slate-600">{t('lists.open.none')}</p>
          ) : page.notices.length === 0 ? (
            <p className="text-sm text-slate-600">{t('lists.open.noNotice')}</p>
          ) : (
            <OpenListed
              notices={page.notices}
              openable={page.openable}
              labels={{
                start: t('lists.open.start', { count: page.openable.length }),
                loading: t('common.loading'),
                loadFailed: t('common.loadFailed'),
                loadRetry: t('common.loadRetry'),
              }}
            />
          )}
        </Card>
      </div>
      <FilterBar
        action="/department/listed-tasks"
        q={{ value: f.q, placeholder: t('lists.listed.search') }}
        selects={[
          {
            name: 'year',
            label: t('lists.fields.planYear'),
            value: f.year ? String(f.year) : undefined,
            options: Array.from({ length: 6 }, (_, i) => String(thisYear + 2 - i)).map((y) => ({ value: y, label: y })),
          },
          {
            name: 'status',
            label: t('lists.fields.status'),
            value: f.status,
            options: LISTED_STATUSES.filter((s) => s !== 'PROPOSED' && s !== 'STRUCK').map((s) => ({
              value: s,
              label: t(`lists.itemStatus.${s}`),
            })),
          },
          {
            name: 'method',
            label: t('lists.fields.method'),
            value: f.method,
            options: ASSIGNMENT_METHODS.map((m) => ({ value: m, label: t(`lists.methods.${m}`) })),
          },
        ]}
      />
      <DataTable
        label={t('lists.listed.title')}
        rows={page.rows}
        rowKey={(r) => r.id}
        rowAttributes={(r) => ({ 'listed-id': r.id, status: r.status, method: r.method })}
        empty={t('lists.listed.empty')}
        testId="listed-rows"
        paging={page.paging}
        query={page.query}
        columns={[
          { key: 'code', header: t('lists.fields.code'), className: 'whitespace-nowrap', cell: (r) => r.code ?? '—' },
          {
            key: 'title',
            header: t('lists.fields.itemTitle'),
            className: 'max-w-md',
            cell: (r) => (
              <>
                <Link
                  href={`/department/listed-tasks/${r.id}`}
                  className="font-medium text-brand-700 hover:underline"
                  data-testid="listed-link"
                >
                  {r.title}
                </Link>
                {r.urgent && (
                  <span className="ml-2">
                    <Badge tone="violet">{t('lists.fields.urgent')}</Badge>
                  </span>
                )}
                <span className="block text-xs text-slate-600">
                  {r.field ? t(`fields.${r.field}`) : '—'} ·{' '}
                  {r.decisionNumber ? t('lists.detail.decided', { number: r.decisionNumber, date: formatDate(r.decisionDate) }) : ''}
                </span>
              </>
            ),
          },
          { key: 'year', header: t('lists.fields.planYear'), cell: (r) => r.planYear },
          {
            key: 'method',
            header: t('lists.fields.method'),
            cell: (r) => (
              <>
                {t(`lists.methods.${r.method}`)}
                {r.directOrganization && <span className="block text-xs text-slate-600">{r.directOrganization.name}</span>}
              </>
            ),
          },
          {
            key: 'budget',
            header: t('lists.fields.budgetEstimate'),
            align: 'right',
            className: 'whitespace-nowrap tabular-nums',
            cell: (r) => formatVnd(r.budgetEstimate),
          },
          { key: 'status', header: t('lists.fields.status'), cell: (r) => t(`lists.itemStatus.${r.status}`) },
        ]}
      />
    </>
  );
}
