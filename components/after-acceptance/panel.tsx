import { getLocale, getTranslations } from 'next-intl/server';
import { Alert, Card } from '@/components/ui/card';
import { Badge, type Tone } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDate, formatDateTime, formatVnd, type Locale } from '@/lib/domain/format';
import { dayString } from '@/lib/domain/inputs';
import type { AfterAcceptancePanel as Panel } from '@/lib/after-acceptance/panel';
import {
  ApplicationReportForm,
  ApplicationReviewForm,
  LiquidationForm,
  RegistrationRegisterForm,
  RegistrationReturnForm,
  RegistrationSubmitForm,
} from './forms';

const DUE_TONE: Record<string, Tone> = { done: 'green', overdue: 'red', dueSoon: 'amber', upcoming: 'slate' };
const STATUS_TONE: Record<string, Tone> = {
  SUBMITTED: 'blue',
  RETURNED: 'amber',
  REGISTERED: 'green',
  NEEDS_REVISION: 'amber',
  REVIEWED: 'green',
};

/** Where a due obligation stands, with the days overdue. */
async function DueBadge({ due }: { due: { state: string; daysOverdue: number } }) {
  const t = await getTranslations('afterAcceptance');
  return (
    <Badge tone={DUE_TONE[due.state] ?? 'slate'}>
      {due.state === 'overdue' ? t('overdueBy', { days: due.daysOverdue }) : t(`due.${due.state as 'done' | 'dueSoon' | 'upcoming'}`)}
    </Badge>
  );
}

/** A closed task's life after acceptance: results registration, contract liquidation, application reports. */
export async function AfterAcceptanceSection({ taskId, panel }: { taskId: string; panel: Panel }) {
  const t = await getTranslations('afterAcceptance');
  const locale = (await getLocale()) as Locale;
  const { registration, liquidation, application } = panel;
  return (
    <section className="space-y-6" aria-label={t('title')} data-testid="after-acceptance">
      {registration && (
        <Card title={t('registration.title')}>
          <div className="space-y-4" data-testid="registration" data-status={registration.record?.status ?? 'NONE'}>
            <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
              <span>{t('dueOn', { date: formatDate(registration.dueDate, locale) })}</span>
              <DueBadge due={registration.due} />
              {registration.record && (
                <Badge tone={STATUS_TONE[registration.record.status]}>{t(`registration.status.${registration.record.status}`)}</Badge>
              )}
            </p>
            {registration.record && (
              <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
                <dt className="text-slate-500">{t('registration.resultsSummary')}</dt>
                <dd className="whitespace-pre-line">{registration.record.resultsSummary}</dd>
                <dt className="text-slate-500">{t('registration.submittedAt')}</dt>
                <dd>{formatDateTime(registration.record.submittedAt, locale)}</dd>
                {registration.record.certificateNo && (
                  <>
                    <dt className="text-slate-500">{t('registration.certificate')}</dt>
                    <dd data-testid="registration-certificate">
                      {t('registration.certificateValue', {
                        no: registration.record.certificateNo,
                        date: formatDate(registration.record.certificateDate, locale),
                      })}
                    </dd>
                  </>
                )}
              </dl>
            )}
            {registration.record?.status === 'RETURNED' && registration.record.returnNote && (
              <Alert tone="warning" title={t('registration.returnedTitle')}>
                <p className="whitespace-pre-line" data-testid="registration-return-note">
                  {registration.record.returnNote}
                </p>
              </Alert>
            )}
            {registration.submit && (
              <div className="border-t border-slate-200 pt-4">
                {!registration.submit.hasForm && (
                  <p className="mb-2 text-sm text-slate-600" data-testid="registration-form-missing">
                    {t('registration.formMissing')}
                  </p>
                )}
                <RegistrationSubmitForm
                  taskId={taskId}
                  resubmit={registration.submit.resubmit}
                  resultsSummary={registration.submit.defaults.resultsSummary}
                />
              </div>
            )}
            {registration.decide && (
              <div className="grid gap-6 border-t border-slate-200 pt-4 lg:grid-cols-2">
                <RegistrationRegisterForm
                  taskId={taskId}
                  version={registration.decide.version}
                  certificateDate={registration.decide.defaults.certificateDate}
                />
                <RegistrationReturnForm taskId={taskId} version={registration.decide.version} />
              </div>
            )}
          </div>
        </Card>
      )}

      {liquidation && (
        <Card title={t('liquidation.title')}>
          <div className="space-y-4" data-testid="liquidation" data-done={liquidation.record ? 'yes' : 'no'}>
            <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
              <span>{t('dueOn', { date: formatDate(liquidation.dueDate, locale) })}</span>
              <DueBadge due={liquidation.due} />
            </p>
            {liquidation.record ? (
              <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]" data-testid="liquidation-record">
                <dt className="text-slate-500">{t('liquidation.recordNo')}</dt>
                <dd>
                  {liquidation.record.recordNo} · {formatDate(liquidation.record.liquidatedOn, locale)}
                </dd>
                <dt className="text-slate-500">{t('liquidation.disbursed')}</dt>
                <dd className="tabular-nums">{formatVnd(liquidation.record.disbursed)}</dd>
                <dt className="text-slate-500">{t('liquidation.spent')}</dt>
                <dd className="tabular-nums">{formatVnd(liquidation.record.spent)}</dd>
                <dt className="text-slate-500">{t('liquidation.refunded')}</dt>
                <dd className="tabular-nums" data-testid="liquidation-refunded">
                  {formatVnd(liquidation.record.refunded)}
                </dd>
                {liquidation.record.note && (
                  <>
                    <dt className="text-slate-500">{t('liquidation.note')}</dt>
                    <dd className="whitespace-pre-line">{liquidation.record.note}</dd>
                  </>
                )}
              </dl>
            ) : liquidation.form ? (
              <LiquidationForm
                taskId={taskId}
                defaults={liquidation.form.defaults}
                contract={liquidation.fundedAmount !== null ? formatVnd(liquidation.fundedAmount) : null}
              />
            ) : (
              <p className="text-sm text-slate-600">{t('liquidation.pending')}</p>
            )}
          </div>
        </Card>
      )}

      {application && (
        <Card title={t('application.title')}>
          <div className="space-y-4">
            <Table label={t('application.title')}>
              <thead>
                <tr>
                  <Th>{t('application.year')}</Th>
                  <Th>{t('application.dueDate')}</Th>
                  <Th>{t('application.state')}</Th>
                  <Th>{t('application.content')}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100" data-testid="application-periods">
                {application.periods.map((p) => (
                  <tr key={p.year} data-year={p.year} data-due={dayString(p.dueDate)} data-status={p.report?.status ?? p.state}>
                    <Td>{t('application.yearN', { n: p.year })}</Td>
                    <Td className="whitespace-nowrap">{formatDate(p.dueDate, locale)}</Td>
                    <Td>
                      {p.report ? (
                        <Badge tone={STATUS_TONE[p.report.status]}>{t(`application.status.${p.report.status}`)}</Badge>
                      ) : (
                        <DueBadge due={p} />
                      )}
                    </Td>
                    <Td className="max-w-md text-sm">
                      {p.report ? (
                        <div className="space-y-1">
                          <p className="whitespace-pre-line">
                            <span className="text-slate-500">{t('application.applicationPlaces')}: </span>
                            {p.report.applicationPlaces}
                          </p>
                          <p className="whitespace-pre-line">
                            <span className="text-slate-500">{t('application.benefits')}: </span>
                            {p.report.benefits}
                          </p>
                          {p.report.revenue !== null && (
                            <p>
                              <span className="text-slate-500">{t('application.revenue')}: </span>
                              <span className="tabular-nums">{formatVnd(p.report.revenue)}</span>
                            </p>
                          )}
                          <p className="text-xs text-slate-500">{formatDateTime(p.report.submittedAt, locale)}</p>
                          {p.report.reviewNote && <p className="whitespace-pre-line text-amber-800">{p.report.reviewNote}</p>}
                          {p.canReview && <ApplicationReviewForm reportId={p.report.id} />}
                        </div>
                      ) : (
                        '—'
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            {application.open.length > 0 && (
              <div className="border-t border-slate-200 pt-4">
                <h3 className="mb-2 text-sm font-semibold text-slate-800">{t('application.formTitle')}</h3>
                <ApplicationReportForm
                  taskId={taskId}
                  periods={application.open.map((p) => ({
                    value: p.value,
                    label: `${t('application.yearN', { n: p.year })} — ${formatDate(p.dueDate, locale)}${
                      p.revision ? ` (${t('application.status.NEEDS_REVISION')})` : ''
                    }`,
                  }))}
                />
              </div>
            )}
          </div>
        </Card>
      )}
    </section>
  );
}
