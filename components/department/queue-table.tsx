import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Table, Td, Th } from '@/components/ui/table';
import { EmptyState } from '@/components/ui/card';
import { StatusBadge } from '@/components/tasks/status-badge';
import { formatDate, formatVnd, type Locale } from '@/lib/domain/format';
import type { listQueue } from '@/lib/tasks/service';

type Row = Awaited<ReturnType<typeof listQueue>>['rows'][number];

/** The department's work queue: each row opens the task's dossier. */
export async function QueueTable({ rows, locale }: { rows: Row[]; locale: Locale }) {
  const t = await getTranslations();
  if (rows.length === 0) return <EmptyState>{t('deptQueue.empty')}</EmptyState>;
  return (
    <Table label={t('deptQueue.title')}>
      <thead>
        <tr>
          <Th>{t('taskList.code')}</Th>
          <Th>{t('taskList.title')}</Th>
          <Th>{t('taskList.organization')}</Th>
          <Th>{t('taskList.field')}</Th>
          <Th>{t('deptQueue.year')}</Th>
          <Th>{t('taskList.status')}</Th>
          <Th className="text-right">{t('taskList.budget')}</Th>
          <Th>{t('taskList.updatedAt')}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100" data-testid="queue-rows">
        {rows.map((r) => (
          <tr key={r.id} className="hover:bg-slate-50" data-task-id={r.id} data-status={r.status}>
            <Td className="whitespace-nowrap font-mono text-xs">
              {r.code ?? <span className="text-slate-400">{t('taskList.noCode')}</span>}
            </Td>
            <Td className="max-w-md">
              <Link href={`/department/tasks/${r.id}`} className="font-medium text-brand-700 hover:underline" data-testid="queue-link">
                {r.title}
              </Link>
              {r.type && <span className="block text-xs text-slate-500">{t(`taskTypes.${r.type}`)}</span>}
            </Td>
            <Td>{r.hostOrganization.name}</Td>
            <Td>{r.field ? t(`fields.${r.field}`) : '—'}</Td>
            <Td className="tabular-nums">{r.year}</Td>
            <Td>
              <StatusBadge status={r.status} />
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{formatVnd(r.budgetTotal)}</Td>
            <Td className="whitespace-nowrap">{formatDate(r.updatedAt, locale)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
