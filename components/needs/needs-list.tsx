import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate, formatVnd, type Locale } from '@/lib/domain/format';
import type { ListQuery } from '@/lib/domain/paging';
import type { NeedsStatus } from '@/lib/domain/needs-workflow';
import { DataTable, type Column, type Paging } from '@/components/ui/data-table';
import { NeedsStatusBadge } from './needs-detail';

export type NeedsListRow = {
  id: string;
  code: string | null;
  title: string;
  status: NeedsStatus;
  field: string | null;
  budgetEstimate: bigint | null;
  updatedAt: Date;
  organization: { name: string };
  call: { title: string; year: number };
};

/** Needs proposals as a table: the organization's own (no organization column) or the department's list. */
export async function NeedsList({
  area,
  rows,
  paging,
  query,
  empty,
}: {
  area: 'org' | 'department';
  rows: NeedsListRow[];
  paging: Paging;
  query: ListQuery;
  empty: string;
}) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const columns: Column<NeedsListRow>[] = [
    {
      key: 'code',
      header: t('needs.fields.code'),
      className: 'whitespace-nowrap font-mono text-xs',
      cell: (r) => r.code ?? <span className="text-slate-500">{t('needs.detail.noCode')}</span>,
    },
    {
      key: 'title',
      header: t('needs.fields.title'),
      className: 'max-w-md',
      cell: (r) => (
        <>
          <Link href={`/${area}/needs/${r.id}`} className="font-medium text-brand-700 hover:underline" data-testid="needs-link">
            {r.title}
          </Link>
          <span className="block text-xs text-slate-500">
            {r.call.title} ({r.call.year})
          </span>
        </>
      ),
    },
    ...(area === 'department'
      ? [{ key: 'organization', header: t('needs.fields.organization'), cell: (r: NeedsListRow) => r.organization.name }]
      : []),
    { key: 'field', header: t('needs.fields.field'), cell: (r) => (r.field ? t(`fields.${r.field}`) : '—') },
    { key: 'status', header: t('needs.fields.status'), cell: (r) => <NeedsStatusBadge status={r.status} /> },
    {
      key: 'budget',
      header: t('needs.fields.budgetEstimate'),
      align: 'right',
      className: 'whitespace-nowrap',
      cell: (r) => formatVnd(r.budgetEstimate),
    },
    { key: 'updatedAt', header: t('taskList.updatedAt'), className: 'whitespace-nowrap', cell: (r) => formatDate(r.updatedAt, locale) },
  ];
  return (
    <DataTable
      label={t('needs.list.title')}
      rows={rows}
      columns={columns}
      rowKey={(r) => r.id}
      rowAttributes={(r) => ({ 'needs-id': r.id, status: r.status })}
      empty={empty}
      testId="needs-rows"
      paging={paging}
      query={query}
    />
  );
}
