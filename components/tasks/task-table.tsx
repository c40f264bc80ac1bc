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
  updatedAt: Date;
  budgetTotal: bigint | null;
  field: string | null;
  hostOrganization: { name: string };
};

export async function TaskTable({
  rows,
  locale,
  showOrganization,
  nextStep,
}: {
  rows: Row[];
  locale: Locale;
  showOrganization?: boolean;
  nextStep?: boolean;
}) {
  const t = await getTranslations();
  if (rows.length === 0) return <EmptyState>{t('taskList.empty')}</EmptyState>;
  return (
    <Table label={t('nav.tasks')}>
      <thead>
        <tr>
          <Th>{t('taskList.code')}</Th>
          <Th>{t('taskList.title')}</Th>
          {showOrganization && <Th>{t('taskList.organization')}</Th>}
          <Th>{t('taskList.status')}</Th>
          {nextStep && <Th>{t('org.nextStep')}</Th>}
          <Th className="text-right">{t('taskList.budget')}</Th>
          <Th>{t('taskList.updatedAt')}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100" data-testid="task-rows">
        {rows.map((r) => (
          <tr key={r.id}>
            <Td className="whitespace-nowrap font-mono text-xs">
              {r.code ?? <span className="text-slate-400">{t('taskList.noCode')}</span>}
            </Td>
            <Td className="max-w-md">{r.title}</Td>
            {showOrganization && <Td>{r.hostOrganization.name}</Td>}
            <Td>
              <StatusBadge status={r.status} />
            </Td>
            {nextStep && <Td className="text-slate-600">{t(`org.next.${r.status}`)}</Td>}
            <Td className="whitespace-nowrap text-right tabular-nums">{formatVnd(r.budgetTotal)}</Td>
            <Td className="whitespace-nowrap">{formatDate(r.updatedAt, locale)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
