import { getLocale, getTranslations } from 'next-intl/server';
import { Alert, Card, EmptyState } from '@/components/ui/card';
import { Badge, type Tone } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { formatBytes } from '@/components/tasks/attachment-list';
import type { Dossier } from '@/components/tasks/dossier';
import { acceptanceDueDate, addDays, extensionRequestAllowed, reportSchedule, type ReportDue } from '@/lib/domain/deadlines';
import { formatDate, formatDateTime, formatVnd, vietnamDay, type Locale } from '@/lib/domain/format';
import { dayString } from '@/lib/domain/inputs';
import type { Settings } from '@/lib/domain/settings';
import { ProgressReportForm } from './progress-report-form';
import { ExtensionRequestForm } from './extension-request-form';
import { AcceptanceRequestForm } from './acceptance-request-form';

type Period = { dueDate: Date; submitted: boolean };
type RunningSettings = Pick<Settings, 'reportDueDays' | 'reminderDaysBefore' | 'extensionMinDaysBeforeEnd' | 'acceptanceDueDays'>;

const STATE_TONE: Record<ReportDue['state'], Tone> = { submitted: 'green', overdue: 'red', dueSoon: 'amber', upcoming: 'slate' };
const REPORT_TONE: Record<string, Tone> = { SUBMITTED: 'blue', REVIEWED: 'green', NEEDS_REVISION: 'amber' };
const EXTENSION_TONE: Record<string, Tone> = { PENDING: 'amber', APPROVED: 'green', REJECTED: 'red' };

/** Progress reports of a running task: each due period with its state and review, and the form for the next one. */
export async function ProgressSection({ dossier, periods, settings }: { dossier: Dossier; periods: Period[]; settings: RunningSettings }) {
  const t = await getTranslations('orgRunning.progress');
  const locale = (await getLocale()) as Locale;
  const { task, reports } = dossier;
  const today = vietnamDay(new Date());
  const states = new Map(
    task.startDate && task.endDate
      ? reportSchedule({
          start: task.startDate,
          end: task.endDate,
          dueDays: settings.reportDueDays,
          today,
          reminderDays: settings.reminderDaysBefore,
          submitted: periods.filter((p) => p.submitted).map((p) => p.dueDate),
        }).map((d) => [d.dueDate.getTime(), d.state])
      : [],
  );
  const byDue = new Map(reports.map((r) => [r.dueDate.getTime(), r]));
  // A period may be reported while it has no report, or when the department asked for a revision.
  const open = periods.filter((p) => !p.submitted || byDue.get(p.dueDate.getTime())?.status === 'NEEDS_REVISION');
  return (
    <Card title={t('title')}>
      <div className="space-y-4">
        {periods.length === 0 ? (
          <EmptyState>{t('noPeriods')}</EmptyState>
        ) : (
          <Table label={t('title')}>
            <thead>
              <tr>
                <Th>{t('period')}</Th>
                <Th>{t('state')}</Th>
                <Th>{t('submittedAt')}</Th>
                <Th className="text-right">{t('amountSpent')}</Th>
                <Th>{t('review')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100" data-testid="report-periods">
              {periods.map((p) => {
                const report = byDue.get(p.dueDate.getTime());
                const state = states.get(p.dueDate.getTime()) ?? (p.submitted ? 'submitted' : 'upcoming');
                return (
                  <tr key={p.dueDate.getTime()} data-due={dayString(p.dueDate)} data-state={state}>
                    <Td className="whitespace-nowrap">{formatDate(p.dueDate, locale)}</Td>
                    <Td>
                      {report ? (
                        <Badge tone={REPORT_TONE[report.status] ?? 'slate'}>{t(`reportStatus.${report.status}`)}</Badge>
                      ) : (
                        <Badge tone={STATE_TONE[state]}>{t(`periodState.${state}`)}</Badge>
                      )}
                    </Td>
                    <Td className="whitespace-nowrap">{report?.submittedAt ? formatDateTime(report.submittedAt, locale) : '—'}</Td>
                    <Td className="whitespace-nowrap text-right tabular-nums">{report ? formatVnd(report.amountSpent) : '—'}</Td>
                    <Td className="max-w-sm">
                      {report?.reviewNote ? (
                        <p className="whitespace-pre-line text-sm" data-testid="report-review-note">
                          {report.reviewNote}
                        </p>
                      ) : report?.reviewedAt ? null : report ? (
                        <span className="text-slate-500">{t('awaitingReview')}</span>
                      ) : (
                        '—'
                      )}
                      {report?.reviewedAt && <p className="text-xs text-slate-500">{formatDateTime(report.reviewedAt, locale)}</p>}
                      {report && report.attachments.length > 0 && (
                        <ul className="mt-1 text-xs">
                          {report.attachments.map((a) => (
                            <li key={a.id}>
                              <a href={`/api/attachments/${a.id}`} className="text-brand-700 hover:underline">
                                {a.fileName}
                              </a>{' '}
                              <span className="text-slate-500">{formatBytes(a.size)}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
        {periods.length > 0 && (
          <div className="border-t border-slate-200 pt-4">
            <h3 className="mb-2 text-sm font-semibold text-slate-800">{t('formTitle')}</h3>
            <ProgressReportForm
              taskId={task.id}
              periods={open.map((p) => ({
                value: dayString(p.dueDate),
                label: `${formatDate(p.dueDate, locale)}${byDue.get(p.dueDate.getTime())?.status === 'NEEDS_REVISION' ? ` — ${t('reportStatus.NEEDS_REVISION')}` : ''}`,
              }))}
              fundedAmount={task.fundedAmount !== null ? formatVnd(task.fundedAmount) : null}
            />
          </div>
        )}
      </div>
    </Card>
  );
}

/** Extension requests: the current end date, past requests with their decision, and the form when one may be sent. */
export async function ExtensionSection({ dossier, settings }: { dossier: Dossier; settings: RunningSettings }) {
  const t = await getTranslations('orgRunning.extension');
  const locale = (await getLocale()) as Locale;
  const { task, extensions } = dossier;
  const pending = extensions.some((x) => x.status === 'PENDING');
  const end = task.endDate;
  const allowed = end ? extensionRequestAllowed(end, vietnamDay(new Date()), settings.extensionMinDaysBeforeEnd) : false;
  return (
    <Card title={t('title')}>
      <div className="space-y-4">
        <p className="text-sm text-slate-700" data-testid="current-end-date">
          {t('currentEnd', { date: formatDate(end, locale) })}
        </p>
        {extensions.length > 0 && (
          <Table label={t('title')}>
            <thead>
              <tr>
                <Th>{t('requestedAt')}</Th>
                <Th>{t('from')}</Th>
                <Th>{t('to')}</Th>
                <Th>{t('reason')}</Th>
                <Th>{t('decision')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100" data-testid="extension-rows">
              {extensions.map((x) => (
                <tr key={x.id} data-status={x.status}>
                  <Td className="whitespace-nowrap">{formatDate(x.createdAt, locale)}</Td>
                  <Td className="whitespace-nowrap">{formatDate(x.currentEndDate, locale)}</Td>
                  <Td className="whitespace-nowrap">{formatDate(x.requestedEndDate, locale)}</Td>
                  <Td className="max-w-xs whitespace-pre-line">{x.reason}</Td>
                  <Td className="max-w-xs">
                    <Badge tone={EXTENSION_TONE[x.status] ?? 'slate'}>{t(`status.${x.status}`)}</Badge>
                    {x.decidedAt && <p className="mt-1 text-xs text-slate-500">{formatDate(x.decidedAt, locale)}</p>}
                    {x.decisionNote && <p className="mt-1 whitespace-pre-line text-sm">{x.decisionNote}</p>}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {pending ? (
          <Alert tone="info">
            <span data-testid="extension-pending">{t('pending')}</span>
          </Alert>
        ) : !end ? null : !allowed ? (
          <Alert tone="warning">
            <span data-testid="extension-too-late">{t('tooLate', { days: settings.extensionMinDaysBeforeEnd })}</span>
          </Alert>
        ) : (
          <div className="border-t border-slate-200 pt-4">
            <h3 className="mb-2 text-sm font-semibold text-slate-800">{t('formTitle')}</h3>
            <ExtensionRequestForm
              taskId={task.id}
              minDate={dayString(addDays(end, 1))}
              hint={t('hint', {
                days: settings.extensionMinDaysBeforeEnd,
                date: formatDate(addDays(end, -settings.extensionMinDaysBeforeEnd), locale),
              })}
            />
          </div>
        )}
      </div>
    </Card>
  );
}

/** The acceptance request of a running task, with a reminder of the files it needs. */
export async function AcceptanceSection({ dossier, settings }: { dossier: Dossier; settings: RunningSettings }) {
  const t = await getTranslations('orgRunning.acceptance');
  const locale = (await getLocale()) as Locale;
  const { task } = dossier;
  const kinds = new Set(task.attachments.map((a) => a.kind));
  // The department must first decide a pending extension (the end date, and so the due date, may change).
  if (dossier.extensions.some((x) => x.status === 'PENDING')) {
    return (
      <Card title={t('title')}>
        <Alert tone="info">
          <span data-testid="acceptance-blocked">{t('extensionPending')}</span>
        </Alert>
      </Card>
    );
  }
  return (
    <Card title={t('title')}>
      <AcceptanceRequestForm
        taskId={task.id}
        version={task.version}
        hasFinalReport={kinds.has('FINAL_REPORT')}
        hasProductEvidence={kinds.has('PRODUCT_EVIDENCE')}
        dueDate={task.endDate ? formatDate(acceptanceDueDate(task.endDate, settings.acceptanceDueDays), locale) : null}
      />
    </Card>
  );
}
