import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadEvaluatorHome } from '@/lib/tasks/seat-loaders';
import { loadIdentificationSeats } from '@/lib/identification/loaders';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import { PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/tasks/status-badge';

export default async function EvaluatorHome() {
  const [{ seats }, identificationSeats] = await Promise.all([loadEvaluatorHome(), loadIdentificationSeats()]);
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  return (
    <>
      <PageHeader title={t('evaluator.title')} description={t('seat.listHint')} />
      <DataTable
        label={t('evaluator.title')}
        rows={seats}
        rowKey={(s) => s.id}
        rowAttributes={(s) => ({ 'seat-id': s.id })}
        empty={t('evaluator.empty')}
        testId="seat-rows"
        columns={[
          {
            key: 'task',
            header: t('evaluator.task'),
            className: 'max-w-md',
            cell: (s) => (
              <>
                <span className="block font-mono text-xs text-slate-600">{s.council.task.code ?? t('taskList.noCode')}</span>
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
                {s.council.task.hostOrganization && (
                  <span className="block text-xs text-slate-600">{s.council.task.hostOrganization.name}</span>
                )}
              </>
            ),
          },
          {
            key: 'stage',
            header: t('evaluator.stage'),
            cell: (s) => (
              <>
                {t(`stages.${s.council.stage}`)}
                {s.council.status === 'CLOSED' && (
                  <span className="ml-1">
                    <Badge>{t('seat.councilStatuses.CLOSED')}</Badge>
                  </span>
                )}
              </>
            ),
          },
          { key: 'position', header: t('evaluator.position'), className: 'whitespace-nowrap', cell: (s) => t(`positions.${s.position}`) },
          {
            key: 'meetingAt',
            header: t('seat.meetingAt'),
            className: 'whitespace-nowrap',
            cell: (s) => (s.council.meetingAt ? formatDateTime(s.council.meetingAt, locale) : '—'),
          },
          {
            key: 'conflict',
            header: t('evaluator.conflict'),
            cell: (s) =>
              s.conflictStatus === 'PENDING' && s.council.status === 'ACTIVE' ? (
                <Badge tone="amber">{t('conflict.PENDING')}</Badge>
              ) : (
                t(`conflict.${s.conflictStatus}`)
              ),
          },
          {
            key: 'ballot',
            header: t('evaluator.ballot'),
            cell: (s) => (s.ballot ? t(`evaluator.ballot${s.ballot.status}`) : t('evaluator.ballotNone')),
          },
        ]}
      />
      {identificationSeats.length > 0 && (
        <section className="mt-8 space-y-3">
          <h2 className="text-lg font-semibold text-slate-900">{t('identification.seat.listTitle')}</h2>
          <DataTable
            label={t('identification.seat.listTitle')}
            rows={identificationSeats}
            rowKey={(s) => s.id}
            rowAttributes={(s) => ({ 'seat-id': s.id })}
            empty="—"
            testId="identification-seat-rows"
            columns={[
              {
                key: 'council',
                header: t('identification.fields.name'),
                className: 'max-w-md',
                cell: (s) => (
                  <Link
                    href={`/evaluator/identification/${s.id}`}
                    className="font-medium text-brand-700 hover:underline"
                    data-testid="identification-seat-link"
                  >
                    {s.council.name}
                  </Link>
                ),
              },
              {
                key: 'position',
                header: t('evaluator.position'),
                className: 'whitespace-nowrap',
                cell: (s) => t(`positions.${s.position}`),
              },
              {
                key: 'meetingAt',
                header: t('seat.meetingAt'),
                className: 'whitespace-nowrap',
                cell: (s) => (s.council.meetingAt ? formatDateTime(s.council.meetingAt, locale) : '—'),
              },
              {
                key: 'conflict',
                header: t('evaluator.conflict'),
                cell: (s) =>
                  s.conflictStatus === 'PENDING' && s.council.status === 'ACTIVE' ? (
                    <Badge tone="amber">{t('conflict.PENDING')}</Badge>
                  ) : (
                    t(`conflict.${s.conflictStatus}`)
                  ),
              },
              {
                key: 'rated',
                header: t('identification.council.rated'),
                align: 'right',
                cell: (s) => `${s._count.ratings}/${s.council._count.proposals}`,
              },
            ]}
          />
        </section>
      )}
    </>
  );
}
