import { getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { listCouncilSeats } from '@/lib/tasks/queries';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { StatusBadge } from '@/components/tasks/status-badge';

export default async function EvaluatorHome() {
  const actor = await requireArea('evaluator');
  const [seats, t] = await Promise.all([listCouncilSeats(actor), getTranslations()]);
  return (
    <>
      <PageHeader title={t('evaluator.title')} />
      {seats.length === 0 ? (
        <EmptyState>{t('evaluator.empty')}</EmptyState>
      ) : (
        <Table label={t('evaluator.title')}>
          <thead>
            <tr>
              <Th>{t('evaluator.task')}</Th>
              <Th>{t('evaluator.stage')}</Th>
              <Th>{t('evaluator.position')}</Th>
              <Th>{t('evaluator.conflict')}</Th>
              <Th>{t('evaluator.ballot')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="seat-rows">
            {seats.map((s) => (
              <tr key={s.id}>
                <Td>
                  <span className="block font-mono text-xs text-slate-500">{s.council.task.code ?? t('taskList.noCode')}</span>
                  {s.conflictStatus === 'CONFLICT' ? <span className="text-slate-500">—</span> : s.council.task.title}
                  <span className="ml-2"><StatusBadge status={s.council.task.status} /></span>
                </Td>
                <Td>{t(`stages.${s.council.stage}`)}</Td>
                <Td>{t(`positions.${s.position}`)}</Td>
                <Td>{t(`conflict.${s.conflictStatus}`)}</Td>
                <Td>{s.ballot ? t(`evaluator.ballot${s.ballot.status}`) : t('evaluator.ballotNone')}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
