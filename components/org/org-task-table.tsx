import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Table, Td, Th } from '@/components/ui/table';
import { EmptyState } from '@/components/ui/card';
import { StatusBadge } from '@/components/tasks/status-badge';
import { formatDate, formatVnd, type Locale } from '@/lib/domain/format';
import type { TaskStatus } from '@/lib/domain/task-status';

type Row = {
  id: string;
  code: string | null;
  title: string;
  status: TaskStatus;
  createdAt: Date;
  updatedAt: Date;
  budgetTotal: bigint | null;
};

/** The organization's own tasks: each title opens its page; "what is expected next" per status. */
export async function OrgTaskTable({ rows, locale }: { rows: Row[]; locale: Locale }) {
  const t = await getTranslations();
  if (rows.length === 0) return <EmptyState>{t('org.empty')}</EmptyState>;
  return (
    <Table label={t('nav.myTasks')}>
      <thead>
        <tr>
          <Th>{t('taskList.code')}</Th>
          <Th>{t('taskList.title')}</Th>
          <Th>{t('taskList.status')}</Th>
          <Th>{t('org.nextStep')}</Th>
          <Th className="text-right">{t('taskList.budget')}</Th>
          <Th>{t('taskList.createdAt')}</Th>
          <Th>{t('taskList.updatedAt')}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100" data-testid="task-rows">
        {rows.map((r) => (
          <tr key={r.id} data-task-id={r.id} data-status={r.status}>
            <Td className="whitespace-nowrap font-mono text-xs">
              {r.code ?? <span className="text-slate-400">{t('taskList.noCode')}</span>}
            </Td>
            <Td className="max-w-md">
              <Link href={`/org/tasks/${r.id}`} className="font-medium text-brand-700 hover:underline" data-testid="task-link">
                {r.title}
              </Link>
            </Td>
            <Td>
              <StatusBadge status={r.status} />
            </Td>
            <Td className="text-slate-600">{t(`org.next.${r.status}`)}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{formatVnd(r.budgetTotal)}</Td>
            <Td className="whitespace-nowrap">{formatDate(r.createdAt, locale)}</Td>
            <Td className="whitespace-nowrap">{formatDate(r.updatedAt, locale)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
