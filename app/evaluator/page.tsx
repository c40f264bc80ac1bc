import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { listCouncilSeats } from '@/lib/tasks/queries';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { StatusBadge } from '@/components/tasks/status-badge';

export default async function EvaluatorHome() {
  const actor = await requireArea('evaluator');
  const [seats, t, locale] = await Promise.all([listCouncilSeats(actor), getTranslations(), getLocale() as Promise<Locale>]);
  return (
    <>
      <PageHeader title={t('evaluator.title')} description={t('seat.listHint')} />
      {seats.length === 0 ? (
        <EmptyState>{t('evaluator.empty')}</EmptyState>
      ) : (
        <Table label={t('evaluator.title')}>
          <thead>
            <tr>
              <Th>{t('evaluator.task')}</Th>
              <Th>{t('evaluator.stage')}</Th>
              <Th>{t('evaluator.position')}</Th>
              <Th>{t('seat.meetingAt')}</Th>
              <Th>{t('evaluator.conflict')}</Th>
              <Th>{t('evaluator.ballot')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="seat-rows">
            {seats.map((s) => (
              <tr key={s.id} data-seat-id={s.id}>
                <Td className="max-w-md">
                  <span className="block font-mono text-xs text-slate-500">{s.council.task.code ?? t('taskList.noCode')}</span>
                  <Link
                    href={`/evaluator/seats/${s.id}`}
                    className="font-medium text-brand-700 hover:underline"
                    data-testid={`seat-link-${s.id}`}
                  >
                    {s.council.task.title ?? t('seat.openRecused')}
                  </Link>
                  <span className="ml-2">
                    <StatusBadge status={s.council.task.status} />
                  </span>
                </Td>
                <Td>
                  {t(`stages.${s.council.stage}`)}
                  {s.council.status === 'CLOSED' && (
                    <span className="ml-1">
                      <Badge>{t('seat.councilStatuses.CLOSED')}</Badge>
                    </span>
                  )}
                </Td>
                <Td className="whitespace-nowrap">{t(`positions.${s.position}`)}</Td>
                <Td className="whitespace-nowrap">{s.council.meetingAt ? formatDateTime(s.council.meetingAt, locale) : '—'}</Td>
                <Td>
                  {s.conflictStatus === 'PENDING' && s.council.status === 'ACTIVE' ? (
                    <Badge tone="amber">{t('conflict.PENDING')}</Badge>
                  ) : (
                    t(`conflict.${s.conflictStatus}`)
                  )}
                </Td>
                <Td>{s.ballot ? t(`evaluator.ballot${s.ballot.status}`) : t('evaluator.ballotNone')}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
