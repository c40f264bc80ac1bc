import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { StatusBadge } from '@/components/tasks/status-badge';
import { formatDate, formatDateTime, formatVnd, type Locale } from '@/lib/domain/format';
import { isEnterpriseSupport } from '@/lib/domain/task-status';
import type { TaskDossierView } from '@/lib/tasks/loaders';

export type Dossier = TaskDossierView;
type KeyMember = { name: string; degree?: string; role: string; organization?: string };
type Product = { name: string; kind: string; quantity: number; quality: string };

function Row({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr]">
      <dt className="text-sm font-medium text-slate-500">{label}</dt>
      <dd className="whitespace-pre-line text-sm text-slate-900" data-testid={testId}>
        {children ?? '—'}
      </dd>
    </div>
  );
}

/** The task's content as submitted, read-only: the same for the department, the organization and evaluators. */
export async function TaskDossier({ dossier }: { dossier: Dossier }) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const { task } = dossier;
  const members = (task.keyMembers as KeyMember[] | null) ?? [];
  const products = (task.expectedProducts as Product[] | null) ?? [];
  const partners = [...task.partnerOrganizations.map((p) => p.name), ...task.partnerNames];
  const decision = (no: string | null, date: Date | null) =>
    no ? t('dossier.decisionNoDate', { no, date: formatDate(date, locale) }) : null;
  return (
    <div className="space-y-6" data-testid="task-dossier">
      <Card title={t('dossier.general')}>
        <dl className="divide-y divide-slate-100">
          <Row label={t('dossier.code')} testId="task-code">
            {task.code ?? t('dossier.noCode')}
          </Row>
          <Row label={t('dossier.title')} testId="task-title">
            {task.title}
          </Row>
          <Row label={t('dossier.status')}>
            <StatusBadge status={task.status} />
          </Row>
          <Row label={t('dossier.type')} testId="task-type">
            {task.type ? t(`taskTypes.${task.type}`) : null}
          </Row>
          {isEnterpriseSupport(task.type) && (
            <>
              <Row label={t('dossier.beneficiaryEnterprise')} testId="task-beneficiary">
                {task.beneficiaryEnterprise}
              </Row>
              <Row label={t('dossier.supportAmount')} testId="task-support-amount">
                {task.supportAmount !== null ? formatVnd(task.supportAmount) : null}
              </Row>
            </>
          )}
          <Row label={t('programs.choice.label')} testId="task-program">
            {task.program ? `${task.program.code} — ${task.program.name}` : t('programs.choice.none')}
          </Row>
          <Row label={t('dossier.field')}>{task.field ? t(`fields.${task.field}`) : null}</Row>
          {task.listedTask && (
            <Row label={t('dossier.listedTask')} testId="task-listed">
              {`${task.listedTask.code ?? ''} · ${task.listedTask.title} (${t(`lists.methods.${task.listedTask.method}`)})`}
            </Row>
          )}
          {task.selectionRank !== null && (
            <Row label={t('dossier.selection')} testId="task-selection">
              {t('dossier.selectionStanding', { score: task.selectionScore ?? 0, rank: task.selectionRank })}
            </Row>
          )}
          <Row label={t('dossier.call')}>{task.call?.title ?? t('dossier.noCall')}</Row>
          <Row label={t('dossier.year')}>{task.year}</Row>
          <Row label={t('dossier.host')}>{task.hostOrganization.name}</Row>
          <Row label={t('dossier.partners')}>{partners.length ? partners.join('; ') : null}</Row>
          <Row label={t('dossier.submittedAt')}>{task.submittedAt ? formatDateTime(task.submittedAt, locale) : null}</Row>
        </dl>
      </Card>
      <Card title={t('dossier.pi')}>
        <dl className="divide-y divide-slate-100">
          <Row label={t('dossier.pi')}>
            {task.piName ? [task.piDegree, task.piName].filter(Boolean).join(' ') + (task.piTitle ? ` — ${task.piTitle}` : '') : null}
          </Row>
          <Row label={t('dossier.piContact')}>{[task.piEmail, task.piPhone].filter(Boolean).join(' · ') || null}</Row>
          <Row label={t('dossier.team')}>
            {members.length ? (
              <ul className="list-disc pl-5">
                {members.map((m, i) => (
                  <li key={i}>
                    {[m.degree, m.name].filter(Boolean).join(' ')} — {m.role}
                    {m.organization ? ` (${m.organization})` : ''}
                  </li>
                ))}
              </ul>
            ) : null}
          </Row>
        </dl>
      </Card>
      <Card title={t('dossier.content')}>
        <dl className="divide-y divide-slate-100">
          <Row label={t('dossier.objectives')}>{task.objectives}</Row>
          <Row label={t('dossier.contentMethods')}>{task.contentMethods}</Row>
          <Row label={t('dossier.applicationPlan')}>{task.applicationPlan}</Row>
        </dl>
      </Card>
      <Card title={t('dossier.products')}>
        {products.length === 0 ? (
          <p className="text-sm text-slate-500">—</p>
        ) : (
          <table className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-xs uppercase text-slate-500">
                <th className="py-1 pr-3">{t('dossier.productName')}</th>
                <th className="py-1 pr-3">{t('dossier.productKind')}</th>
                <th className="py-1 pr-3">{t('dossier.productQuantity')}</th>
                <th className="py-1">{t('dossier.productQuality')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {products.map((p, i) => (
                <tr key={i}>
                  <td className="py-1 pr-3">{p.name}</td>
                  <td className="py-1 pr-3">{p.kind}</td>
                  <td className="py-1 pr-3 tabular-nums">{p.quantity}</td>
                  <td className="py-1">{p.quality}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card title={t('dossier.budget')}>
        <dl className="divide-y divide-slate-100">
          <Row label={t('dossier.budgetTotal')} testId="budget-total">
            {formatVnd(task.budgetTotal)}
          </Row>
          <Row label={t('dossier.budgetState')}>{formatVnd(task.budgetState)}</Row>
          <Row label={t('dossier.budgetOther')}>{formatVnd(task.budgetOther)}</Row>
          <Row label={t('dossier.duration')}>{task.durationMonths ? t('dossier.months', { count: task.durationMonths }) : null}</Row>
          <Row label={t('dossier.proposedStart')}>{task.proposedStart ? formatDate(task.proposedStart, locale) : null}</Row>
        </dl>
      </Card>
      {task.appraisal && (
        <Card title={t('appraisal.title')}>
          <div className="space-y-3" data-testid="appraisal-summary">
            <p className="whitespace-pre-line text-sm text-slate-800">{task.appraisal.contentRemarks}</p>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t('appraisal.items')}</caption>
              <thead className="text-xs text-slate-500">
                <tr>
                  <th className="py-1 pr-3">{t('appraisal.itemName', { n: '' })}</th>
                  <th className="py-1 pr-3 text-right">{t('appraisal.itemRequested')}</th>
                  <th className="py-1 text-right">{t('appraisal.itemAppraised')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {appraisalItems(task.appraisal.items).map((item, i) => (
                  <tr key={i}>
                    <td className="py-1 pr-3">{item.name}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{formatVnd(item.requested)}</td>
                    <td className="py-1 text-right tabular-nums">{formatVnd(item.appraised)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <dl className="divide-y divide-slate-100">
              <Row label={t('appraisal.requestedStateBudget')}>{formatVnd(task.appraisal.requestedStateBudget)}</Row>
              <Row label={t('appraisal.approvedStateBudget')} testId="appraised-budget">
                {formatVnd(task.appraisal.approvedStateBudget)}
              </Row>
              <Row label={t('appraisal.approvedDurationMonths')}>
                {t('dossier.months', { count: task.appraisal.approvedDurationMonths })}
              </Row>
              {task.appraisal.overRequestReason && <Row label={t('appraisal.overRequestReason')}>{task.appraisal.overRequestReason}</Row>}
              <Row label={t('appraisal.appraisedAt')}>{formatDate(task.appraisal.appraisedAt, locale)}</Row>
            </dl>
          </div>
        </Card>
      )}
      {(task.approvalDecisionNo || task.contractNo) && (
        <Card title={t('dossier.decisions')}>
          <dl className="divide-y divide-slate-100">
            <Row label={t('dossier.approvalDecision')}>{decision(task.approvalDecisionNo, task.approvalDecisionDate)}</Row>
            <Row label={t('dossier.approvedBudget')}>{task.approvedBudget !== null ? formatVnd(task.approvedBudget) : null}</Row>
            <Row label={t('dossier.approvedDuration')}>
              {task.approvedDurationMonths ? t('dossier.months', { count: task.approvedDurationMonths }) : null}
            </Row>
            <Row label={t('dossier.contract')}>
              {task.contractNo ? `${task.contractNo} — ${t('dossier.contractSigned')} ${formatDate(task.contractSignedAt, locale)}` : null}
            </Row>
            <Row label={t('dossier.period')} testId="task-period">
              {task.startDate ? `${formatDate(task.startDate, locale)} – ${formatDate(task.endDate, locale)}` : null}
            </Row>
            {task.originalEndDate && task.endDate && task.originalEndDate.getTime() !== task.endDate.getTime() && (
              <Row label={t('dossier.originalEnd')}>{formatDate(task.originalEndDate, locale)}</Row>
            )}
            <Row label={t('dossier.fundedAmount')}>{task.fundedAmount !== null ? formatVnd(task.fundedAmount) : null}</Row>
          </dl>
        </Card>
      )}
      {task.acceptanceRequestedAt && (
        <Card title={t('dossier.acceptance')}>
          <dl className="divide-y divide-slate-100">
            <Row label={t('dossier.acceptanceRequestedAt')}>
              {formatDateTime(task.acceptanceRequestedAt, locale)}
              {dossier.late ? ` — ${t('dossier.late')}` : ''}
            </Row>
            <Row label={t('dossier.finalReportSummary')}>{task.finalReportSummary}</Row>
            <Row label={t('dossier.selfAssessment')}>{task.selfAssessment}</Row>
            <Row label={t('dossier.acceptanceDecision')}>{decision(task.acceptanceDecisionNo, task.acceptanceDecisionDate)}</Row>
            <Row label={t('dossier.grade')} testId="acceptance-grade">
              {task.acceptanceGrade ? t(`ratings.${task.acceptanceGrade}`) : null}
            </Row>
          </dl>
        </Card>
      )}
    </div>
  );
}

/** The appraisal's items as stored (whole đồng per item). */
function appraisalItems(items: unknown): { name: string; requested: number; appraised: number }[] {
  return Array.isArray(items) ? (items as { name: string; requested: number; appraised: number }[]) : [];
}
