import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadOrderLists } from '@/lib/lists/loaders';
import { formatDate } from '@/lib/domain/format';
import { PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations('lists'))('list.title') };
}

const TONE = { DRAFT: 'amber', SUBMITTED: 'blue', DECIDED: 'green' } as const;

export default async function OrderListsPage({ searchParams }: Props) {
  const page = await loadOrderLists(await searchParams);
  const t = await getTranslations('lists');
  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/department/listed-tasks" className={buttonClass('secondary')} data-testid="listed-tasks-link">
              {t('list.listedLink')}
            </Link>
            {page.canCreate && (
              <Link href="/department/lists/new" className={buttonClass('primary')} data-testid="list-new">
                {t('list.create')}
              </Link>
            )}
          </div>
        }
      />
      <DataTable
        label={t('list.title')}
        rows={page.rows}
        rowKey={(r) => r.id}
        rowAttributes={(r) => ({ 'list-id': r.id, status: r.status })}
        empty={t('list.empty')}
        testId="list-rows"
        paging={page.paging}
        query={page.query}
        columns={[
          {
            key: 'title',
            header: t('fields.title'),
            className: 'max-w-md',
            cell: (r) => (
              <Link href={`/department/lists/${r.id}`} className="font-medium text-brand-700 hover:underline" data-testid="list-link">
                {r.title}
              </Link>
            ),
          },
          { key: 'year', header: t('fields.planYear'), cell: (r) => r.planYear },
          { key: 'items', header: t('fields.items'), align: 'right', cell: (r) => r._count.items },
          {
            key: 'decision',
            header: t('fields.decision'),
            cell: (r) => (r.decisionNumber ? t('detail.decided', { number: r.decisionNumber, date: formatDate(r.decisionDate) }) : '—'),
          },
          { key: 'status', header: t('fields.status'), cell: (r) => <Badge tone={TONE[r.status]}>{t(`status.${r.status}`)}</Badge> },
        ]}
      />
    </>
  );
}
