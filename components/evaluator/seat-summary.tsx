import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { StatusBadge } from '@/components/tasks/status-badge';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import type { SeatView } from '@/lib/tasks/seat-loaders';

export type SeatData = SeatView;

function Row({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr]">
      <dt className="text-sm font-medium text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

const CONFLICT_TONE = { PENDING: 'amber', NO_CONFLICT: 'green', CONFLICT: 'red' } as const;

/** The evaluator's seat: which council, their position, the meeting, and their declaration. */
export async function SeatSummary({ seat }: { seat: SeatData['seat'] }) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const { council } = seat;
  return (
    <Card title={t('seat.councilInfo')}>
      <dl className="divide-y divide-slate-100" data-testid="seat-summary">
        <Row label={t('seat.task')} testId="seat-task">
          <span className="mr-2 font-mono text-xs text-slate-500">{council.task.code ?? t('taskList.noCode')}</span>
          {council.task.title && <span className="font-medium">{council.task.title}</span>}
          <span className="ml-2">
            <StatusBadge status={council.task.status} />
          </span>
        </Row>
        <Row label={t('seat.stage')} testId="seat-stage">
          {t(`stages.${council.stage}`)}
        </Row>
        <Row label={t('seat.position')} testId="seat-position">
          {t(`positions.${seat.position}`)}
        </Row>
        <Row label={t('seat.meetingAt')} testId="seat-meeting">
          {council.meetingAt ? formatDateTime(council.meetingAt, locale) : t('seat.meetingTbd')}
        </Row>
        <Row label={t('seat.councilStatus')} testId="seat-council-status">
          <Badge tone={council.status === 'ACTIVE' ? 'blue' : 'slate'}>{t(`seat.councilStatuses.${council.status}`)}</Badge>
        </Row>
        <Row label={t('seat.declaration')} testId="seat-conflict-status">
          <Badge tone={CONFLICT_TONE[seat.conflictStatus]}>{t(`conflict.${seat.conflictStatus}`)}</Badge>
          {seat.declaredAt && (
            <span className="ml-2 text-xs text-slate-500">{t('seat.declaredAt', { at: formatDateTime(seat.declaredAt, locale) })}</span>
          )}
        </Row>
      </dl>
    </Card>
  );
}
