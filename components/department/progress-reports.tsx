import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { formatBytes } from '@/components/tasks/attachment-list';
import { formatDate, formatDateTime, formatVnd, type Locale } from '@/lib/domain/format';
import type { Dossier } from '@/components/tasks/dossier';
import { ReportReviewForm } from './report-review-form';

const TONE = { SUBMITTED: 'amber', REVIEWED: 'green', NEEDS_REVISION: 'red' } as const;

/** The task's progress reports; a SUBMITTED one carries the review form when the user may review reports. */
export async function ProgressReports({ reports, canReview }: { reports: Dossier['reports']; canReview: boolean }) {
  const t = await getTranslations('deptReports');
  const locale = (await getLocale()) as Locale;
  if (reports.length === 0) return <EmptyState>{t('empty')}</EmptyState>;
  return (
    <ul className="space-y-3" data-testid="progress-reports">
      {reports.map((r) => (
        <li
          key={r.id}
          className="rounded-md border border-slate-200 p-3 text-sm"
          data-testid="progress-report"
          data-report-id={r.id}
          data-status={r.status}
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-medium text-slate-900">{t('period', { date: formatDate(r.dueDate, locale) })}</p>
            <Badge tone={TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
          </div>
          <p className="text-xs text-slate-500">{t('submittedAt', { date: formatDateTime(r.submittedAt, locale) })}</p>
          <dl className="mt-2 grid gap-2 sm:grid-cols-[12rem_1fr]">
            <dt className="text-slate-500">{t('workDone')}</dt>
            <dd className="whitespace-pre-line">{r.workDone}</dd>
            <dt className="text-slate-500">{t('productsSoFar')}</dt>
            <dd className="whitespace-pre-line">{r.productsSoFar}</dd>
            <dt className="text-slate-500">{t('amountSpent')}</dt>
            <dd className="tabular-nums">{formatVnd(r.amountSpent)}</dd>
            {r.attachments.length > 0 && (
              <>
                <dt className="text-slate-500">{t('files')}</dt>
                <dd>
                  {r.attachments.map((a) => (
                    <a key={a.id} href={`/api/attachments/${a.id}`} className="mr-3 font-medium text-brand-700 hover:underline">
                      {a.fileName} <span className="text-xs text-slate-500">({formatBytes(a.size)})</span>
                    </a>
                  ))}
                </dd>
              </>
            )}
            {r.reviewNote && (
              <>
                <dt className="text-slate-500">{t('reviewNote')}</dt>
                <dd className="whitespace-pre-line">{r.reviewNote}</dd>
              </>
            )}
            {r.reviewedAt && (
              <>
                <dt className="text-slate-500">{t('reviewedAt')}</dt>
                <dd>{formatDateTime(r.reviewedAt, locale)}</dd>
              </>
            )}
          </dl>
          {canReview && r.status === 'SUBMITTED' && (
            <div className="mt-3 border-t border-slate-100 pt-3">
              <ReportReviewForm reportId={r.id} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
