import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate, formatVnd, type Locale } from '@/lib/domain/format';
import type { ListQuery } from '@/lib/domain/paging';
import type { TaskStatus } from '@/lib/domain/task-status';
import { DataTable, type Column, type Paging } from '@/components/ui/data-table';
import { StatusBadge } from './status-badge';

export type TaskListRow = {
  id: string;
  code: string | null;
  title: string;
  status: TaskStatus;
  updatedAt: Date;
  budgetTotal: bigint | null;
  createdAt?: Date;
  type?: string | null;
  field?: string | null;
  year?: number;
  hostOrganization?: { name: string };
};

type Variant = 'queue' | 'latest' | 'own';

/** Which columns each list of tasks shows. */
const COLUMNS: Record<Variant, string[]> = {
  queue: ['code', 'title', 'organization', 'field', 'year', 'status', 'budget', 'updatedAt'],
  latest: ['code', 'title', 'organization', 'status', 'budget', 'updatedAt'],
  own: ['code', 'title', 'status', 'nextStep', 'budget', 'createdAt', 'updatedAt'],
};

/**
 * Every list of tasks (the department's queue and latest changes, an organization's own tasks): one table whose
 * titles open the task's page in the viewer's area.
 */
export async function TaskList({
  variant,
  rows,
  href,
  label,
  empty,
  paging,
  query,
}: {
  variant: Variant;
  rows: TaskListRow[];
  href: (row: TaskListRow) => string;
  label: string;
  empty: string;
  paging?: Paging;
  query?: ListQuery;
}) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const all: Record<string, Column<TaskListRow>> = {
    code: {
      key: 'code',
      header: t('taskList.code'),
      sort: 'code',
      className: 'whitespace-nowrap font-mono text-xs',
      cell: (r) => r.code ?? <span className="text-slate-500">{t('taskList.noCode')}</span>,
    },
    title: {
      key: 'title',
      header: t('taskList.title'),
      className: 'max-w-md',
      cell: (r) => (
        <>
          <Link
            href={href(r)}
            className="font-medium text-brand-700 hover:underline"
            data-testid={variant === 'queue' ? 'queue-link' : 'task-link'}
          >
            {r.title}
          </Link>
          {variant === 'queue' && r.type && <span className="block text-xs text-slate-500">{t(`taskTypes.${r.type}`)}</span>}
        </>
      ),
    },
    organization: { key: 'organization', header: t('taskList.organization'), cell: (r) => r.hostOrganization?.name },
    field: { key: 'field', header: t('taskList.field'), cell: (r) => (r.field ? t(`fields.${r.field}`) : '—') },
    year: { key: 'year', header: t('deptQueue.year'), sort: 'year', className: 'tabular-nums', cell: (r) => r.year },
    status: { key: 'status', header: t('taskList.status'), cell: (r) => <StatusBadge status={r.status} /> },
    nextStep: { key: 'nextStep', header: t('org.nextStep'), className: 'text-slate-600', cell: (r) => t(`org.next.${r.status}`) },
    budget: {
      key: 'budget',
      header: t('taskList.budget'),
      sort: 'budgetTotal',
      align: 'right',
      className: 'whitespace-nowrap',
      cell: (r) => formatVnd(r.budgetTotal),
    },
    createdAt: {
      key: 'createdAt',
      header: t('taskList.createdAt'),
      className: 'whitespace-nowrap',
      cell: (r) => formatDate(r.createdAt, locale),
    },
    updatedAt: {
      key: 'updatedAt',
      header: t('taskList.updatedAt'),
      sort: 'updatedAt',
      className: 'whitespace-nowrap',
      cell: (r) => formatDate(r.updatedAt, locale),
    },
  };
  // Sorting is offered where the list's loader reads it (the queue).
  const columns = COLUMNS[variant].map((key) => (variant === 'queue' ? all[key] : { ...all[key], sort: undefined }));
  return (
    <DataTable
      label={label}
      rows={rows}
      columns={columns}
      rowKey={(r) => r.id}
      rowAttributes={(r) => ({ 'task-id': r.id, status: r.status })}
      empty={empty}
      testId={variant === 'queue' ? 'queue-rows' : 'task-rows'}
      paging={paging}
      query={query}
    />
  );
}
