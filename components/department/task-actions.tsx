import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { Alert, Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { availableActions, type TaskAction } from '@/lib/domain/workflow';
import { addDays, addMonths } from '@/lib/domain/deadlines';
import { dayString } from '@/lib/domain/inputs';
import type { Role } from '@/lib/domain/roles';
import type { Dossier } from '@/components/tasks/dossier';
import { CouncilResultSummary } from './council-result';
import { TransitionForm } from './transition-form';
import type { TaskCouncil } from './council-panel';
import { todayInputValue } from './input-values';
import { moneyInputValue } from '@/lib/domain/format';

function Panel({ children, tone = 'default' }: { children: ReactNode; tone?: 'default' | 'danger' }) {
  return (
    <div className={tone === 'danger' ? 'rounded-md border border-red-200 bg-red-50/40 p-3' : 'rounded-md border border-slate-200 p-3'}>
      {children}
    </div>
  );
}

/**
 * The decisions this user may take on the task now (availableActions of the workflow table), each a small
 * form; the leader's decisions stand beside the council result they rest on.
 */
export async function TaskActions({ dossier, role, activeCouncil }: { dossier: Dossier; role: Role; activeCouncil: TaskCouncil | null }) {
  const t = await getTranslations('deptTask');
  const { task } = dossier;
  const acts = availableActions(task.status, role);
  const has = (a: TaskAction) => acts.includes(a);
  const ref = { taskId: task.id, version: task.version };
  const today = todayInputValue();
  const result = activeCouncil?.result ?? null;
  const quorumMet = Boolean(result?.quorum.met);

  const resultBox = (
    <Panel>
      <h3 className="mb-1 text-sm font-semibold text-slate-900">{t('councilResult')}</h3>
      {result ? (
        <CouncilResultSummary result={result} />
      ) : (
        <p className="text-sm text-slate-600" data-testid="council-result-missing">
          {t('noActiveCouncil')}
        </p>
      )}
    </Panel>
  );
  const decisionBlocked = !result
    ? t('blockedNoCouncil')
    : !quorumMet
      ? t('blockedQuorum', { submitted: result.quorum.submitted, required: result.quorum.required })
      : null;

  const sections: ReactNode[] = [];

  if (has('return') || has('startReview')) {
    sections.push(
      <div key="screen" className="grid gap-4 lg:grid-cols-2">
        {has('return') && (
          <Panel>
            <TransitionForm kind="return" {...ref} />
          </Panel>
        )}
        {has('startReview') && (
          <Panel>
            {activeCouncil ? (
              <TransitionForm kind="startReview" {...ref} />
            ) : (
              <div className="space-y-2" data-testid="start-review-blocked">
                <h3 className="text-sm font-semibold text-slate-900">{t('startReviewTitle')}</h3>
                <Alert tone="warning">{t('startReviewNeedsCouncil')}</Alert>
                <a href="#council-form" className="text-sm font-medium text-brand-700 hover:underline">
                  {t('toCouncilForm')}
                </a>
              </div>
            )}
          </Panel>
        )}
      </div>,
    );
  }

  if (has('approve') || has('reject')) {
    sections.push(
      <div key="decide" className="grid gap-4 lg:grid-cols-[20rem_1fr]">
        {resultBox}
        <div className="space-y-4">
          {decisionBlocked && <Alert tone="warning">{decisionBlocked}</Alert>}
          {has('approve') && (
            <Panel>
              <TransitionForm
                kind="approve"
                {...ref}
                disabled={Boolean(decisionBlocked)}
                defaults={{
                  decisionDate: today,
                  approvedBudget: moneyInputValue(task.budgetTotal),
                  approvedDurationMonths: task.durationMonths ? String(task.durationMonths) : '',
                }}
              />
            </Panel>
          )}
          {has('reject') && (
            <Panel tone="danger">
              <TransitionForm kind="reject" {...ref} disabled={Boolean(decisionBlocked)} />
            </Panel>
          )}
        </div>
      </div>,
    );
  } else if ((task.status === 'UNDER_REVIEW' || task.status === 'ACCEPTANCE_REVIEW') && !has('accept') && !has('fail')) {
    sections.push(
      <div key="await" className="grid gap-4 lg:grid-cols-[20rem_1fr]">
        {resultBox}
        <Alert tone="info">{t('awaitingLeader')}</Alert>
      </div>,
    );
  }

  if (has('contract')) {
    const start = new Date(`${today}T00:00:00Z`);
    const months = task.approvedDurationMonths ?? task.durationMonths;
    sections.push(
      <Panel key="contract">
        <TransitionForm
          kind="contract"
          {...ref}
          defaults={{
            signedAt: today,
            startDate: today,
            endDate: months ? dayString(addDays(addMonths(start, months), -1)) : '',
            fundedAmount: moneyInputValue(task.approvedBudget),
          }}
        />
      </Panel>,
    );
  }

  if (has('accept') || has('fail')) {
    const grade = result?.stage === 'ACCEPTANCE' ? result.grade : null;
    const acceptBlocked = decisionBlocked ?? (!grade || grade === 'FAIL' ? t('acceptBlockedGrade') : null);
    const failBlocked = decisionBlocked ?? (grade !== 'FAIL' ? t('failBlockedGrade') : null);
    const tr = await getTranslations();
    sections.push(
      <div key="acceptance" className="grid gap-4 lg:grid-cols-[20rem_1fr]">
        {resultBox}
        <div className="space-y-4">
          {decisionBlocked && <Alert tone="warning">{decisionBlocked}</Alert>}
          {has('accept') && (
            <Panel>
              <p className="mb-3 text-sm text-slate-700" data-testid="accept-grade">
                {t('gradeFromCouncil')}{' '}
                {grade ? <Badge tone={grade === 'FAIL' ? 'red' : 'green'}>{tr(`ratings.${grade}`)}</Badge> : <Badge>{t('noGrade')}</Badge>}
              </p>
              {!decisionBlocked && acceptBlocked && (
                <div className="mb-3">
                  <Alert tone="warning">{acceptBlocked}</Alert>
                </div>
              )}
              <TransitionForm kind="accept" {...ref} disabled={Boolean(acceptBlocked)} defaults={{ decisionDate: today }} />
            </Panel>
          )}
          {has('fail') && (
            <Panel tone="danger">
              {!decisionBlocked && failBlocked && (
                <div className="mb-3">
                  <Alert tone="info">{failBlocked}</Alert>
                </div>
              )}
              <TransitionForm kind="fail" {...ref} disabled={Boolean(failBlocked)} defaults={{ decisionDate: today }} />
            </Panel>
          )}
        </div>
      </div>,
    );
  }

  if (has('terminate')) {
    sections.push(
      <Panel key="terminate" tone="danger">
        <TransitionForm kind="terminate" {...ref} />
      </Panel>,
    );
  }

  if (sections.length === 0) return null;
  return (
    <Card title={t('actionsTitle')}>
      <div className="space-y-4" data-testid="task-actions">
        {sections}
      </div>
    </Card>
  );
}
