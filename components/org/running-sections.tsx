import { getLocale, getTranslations } from 'next-intl/server';
import { Alert, Card, EmptyState } from '@/components/ui/card';
import { Badge, type Tone } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { formatBytes } from '@/components/tasks/attachment-list';
import type { ReportDue } from '@/lib/domain/deadlines';
import { formatDate, formatDateTime, formatVnd, type Locale } from '@/lib/domain/format';
import { dayString } from '@/lib/domain/inputs';
import type { OrgTaskPage } from '@/lib/tasks/loaders';
import { ProgressReportForm } from './progress-report-form';
import { ExtensionRequestForm } from './extension-request-form';
import { AcceptanceRequestForm } from './acceptance-request-form';

const STATE_TONE: Record<ReportDue['state'], Tone> = { submitted: 'green', overdue: 'red', dueSoon: 'amber', upcoming: 'slate' };
const REPORT_TONE: Record<string, Tone> = { SUBMITTED: 'blue', REVIEWED: 'green', NEEDS_REVISION: 'amber' };
const EXTENSION_TONE: Record<string, Tone> = { PENDING: 'amber', APPROVED: 'green', REJECTED: 'red' };

type Running = NonNullable<OrgTaskPage['running']>;

/** Progress reports of a running task: each due period with its state and review, and the form for the next one. */
export async function ProgressSection({ taskId, progress }: { taskId: string; progress: Running['progress'] }) {
  const t = await getTranslations('orgRunning.progress');
  const locale = (await getLocale()) as Locale;
  const { periods } = progress;
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
              {periods.map(({ dueDate, state, report }) => {
                const p = { dueDate };
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
              taskId={taskId}
              periods={progress.open.map((p) => ({
                value: p.value,
                label: `${formatDate(p.dueDate, locale)}${p.revision ? ` — ${t('reportStatus.NEEDS_REVISION')}` : ''}`,
              }))}
              fundedAmount={progress.fundedAmount !== null ? formatVnd(progress.fundedAmount) : null}
            />
          </div>
        )}
      </div>
    </Card>
  );
}

/** Extension requests: the current end date, past requests with their decision, and the form when one may be sent. */
export async function ExtensionSection({ taskId, extension }: { taskId: string; extension: Running['extension'] }) {
  const t = await getTranslations('orgRunning.extension');
  const locale = (await getLocale()) as Locale;
  const { end, rows: extensions, state } = extension;
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
        {state === 'pending' ? (
          <Alert tone="info">
            <span data-testid="extension-pending">{t('pending')}</span>
          </Alert>
        ) : state === 'noEnd' ? null : state === 'tooLate' ? (
          <Alert tone="warning">
            <span data-testid="extension-too-late">{t('tooLate', { days: extension.minDays })}</span>
          </Alert>
        ) : (
          <div className="border-t border-slate-200 pt-4">
            <h3 className="mb-2 text-sm font-semibold text-slate-800">{t('formTitle')}</h3>
            <ExtensionRequestForm
              taskId={taskId}
              minDate={extension.minDate}
              hint={t('hint', { days: extension.minDays, date: formatDate(extension.lastDay, locale) })}
            />
          </div>
        )}
      </div>
    </Card>
  );
}

/** The acceptance request of a running task, with a reminder of the files it needs. */
export async function AcceptanceSection({
  taskId,
  version,
  acceptance,
}: {
  taskId: string;
  version: number;
  acceptance: NonNullable<Running['acceptance']>;
}) {
  const t = await getTranslations('orgRunning.acceptance');
  const locale = (await getLocale()) as Locale;
  if (acceptance.blocked) {
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
        taskId={taskId}
        version={version}
        hasFinalReport={acceptance.hasFinalReport}
        hasProductEvidence={acceptance.hasProductEvidence}
        dueDate={acceptance.dueDate ? formatDate(acceptance.dueDate, locale) : null}
      />
    </Card>
  );
}
