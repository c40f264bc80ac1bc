import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { DecisionBlock } from '@/lib/domain/decisions';
import { formatDate } from '@/lib/domain/format';
import type { DepartmentTaskPage } from '@/lib/tasks/loaders';
import { Alert, Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { CouncilResultSummary } from './council-result';
import { TransitionForm } from './transition-form';
import { AppraisalForm } from './appraisal-form';

function Panel({ children, tone = 'default' }: { children: ReactNode; tone?: 'default' | 'danger' }) {
  return (
    <div className={tone === 'danger' ? 'rounded-md border border-red-200 bg-red-50/40 p-3' : 'rounded-md border border-slate-200 p-3'}>
      {children}
    </div>
  );
}

/**
 * The decisions the page's loader says this user may take on the task now, each a small form, and why one is
 * not open yet; the leader's decisions stand beside the council result they rest on.
 */
export async function TaskActions({ page }: { page: DepartmentTaskPage }) {
  const t = await getTranslations();
  const { decisions: d, result } = page;
  const ref = { taskId: page.dossier.task.id, version: page.dossier.task.version };
  const why = (block: DecisionBlock | null) => {
    if (!block) return null;
    if (block.code === 'noCouncil') return t('deptTask.blockedNoCouncil');
    if (block.code === 'quorum') return t('deptTask.blockedQuorum', { submitted: block.submitted, required: block.required });
    if (block.code === 'meeting') return t('deptTask.blockedMeeting', { recorded: block.recorded });
    return block.code === 'gradeFail' ? t('deptTask.acceptBlockedGrade') : t('deptTask.failBlockedGrade');
  };
  const resultBox = (
    <Panel>
      <h3 className="mb-1 text-sm font-semibold text-slate-900">{t('deptTask.councilResult')}</h3>
      {result ? (
        <CouncilResultSummary result={result} />
      ) : (
        <p className="text-sm text-slate-600" data-testid="council-result-missing">
          {t('deptTask.noActiveCouncil')}
        </p>
      )}
    </Panel>
  );

  const sections: ReactNode[] = [];
  if (d.return || d.startReview) {
    sections.push(
      <div key="screen" className="grid gap-4 lg:grid-cols-2">
        {d.return && (
          <Panel>
            <TransitionForm kind="return" {...ref} />
          </Panel>
        )}
        {d.startReview && (
          <Panel>
            {d.startReview.needsCouncil ? (
              <div className="space-y-2" data-testid="start-review-blocked">
                <h3 className="text-sm font-semibold text-slate-900">{t('deptTask.startReviewTitle')}</h3>
                <Alert tone="warning">{t('deptTask.startReviewNeedsCouncil')}</Alert>
                <a href="#council-form" className="text-sm font-medium text-brand-700 hover:underline">
                  {t('deptTask.toCouncilForm')}
                </a>
              </div>
            ) : (
              <TransitionForm kind="startReview" {...ref} />
            )}
          </Panel>
        )}
      </div>,
    );
  }
  if (d.decide) {
    const blocked = why(d.decide.blocked);
    sections.push(
      <div key="decide" className="grid gap-4 lg:grid-cols-[20rem_1fr]">
        {resultBox}
        <div className="space-y-4">
          {blocked && <Alert tone="warning">{blocked}</Alert>}
          {d.decide.approve && (
            <Panel>
              <TransitionForm kind="approve" {...ref} disabled={Boolean(blocked)} defaults={d.decide.approve.defaults} />
            </Panel>
          )}
          {d.decide.reject && (
            <Panel tone="danger">
              <TransitionForm kind="reject" {...ref} disabled={Boolean(blocked)} />
            </Panel>
          )}
        </div>
      </div>,
    );
  } else if (d.awaitingLeader) {
    sections.push(
      <div key="await" className="grid gap-4 lg:grid-cols-[20rem_1fr]">
        {resultBox}
        <Alert tone="info">{t('deptTask.awaitingLeader')}</Alert>
      </div>,
    );
  }
  if (d.selection) {
    sections.push(
      <div key="selection" className="grid gap-4 lg:grid-cols-[20rem_1fr]">
        {resultBox}
        <Alert tone="info">
          <span data-testid="selection-elsewhere">{t('deptTask.selectionElsewhere')}</span>{' '}
          <a href={`/department/listed-tasks/${d.selection.listedTaskId}`} className="font-medium text-brand-700 hover:underline">
            {t('deptTask.toSelection')}
          </a>
        </Alert>
      </div>,
    );
  }
  if (d.requireRevision || d.appraise) {
    sections.push(
      <div key="appraisal" className="grid gap-4 lg:grid-cols-[20rem_1fr]">
        {d.requireRevision && (
          <Panel>
            <TransitionForm kind="requireRevision" {...ref} />
          </Panel>
        )}
        {d.appraise && (
          <Panel>
            <AppraisalForm {...ref} appraise={d.appraise} />
          </Panel>
        )}
      </div>,
    );
  }
  if (d.revising) {
    sections.push(
      <Alert
        key="revising"
        tone="info"
        title={t('deptTask.revisingTitle', { date: d.revising.since ? formatDate(d.revising.since) : '—' })}
      >
        <p className="whitespace-pre-line" data-testid="revising-note">
          {d.revising.note}
        </p>
      </Alert>,
    );
  }
  if (d.approveAppraised) {
    sections.push(
      <Panel key="approveAppraised">
        <TransitionForm kind="approveAppraised" {...ref} defaults={d.approveAppraised.defaults} />
      </Panel>,
    );
  }
  if (d.awaitingApproval) {
    sections.push(
      <Alert key="awaitingApproval" tone="info">
        {t('deptTask.awaitingApproval')}
      </Alert>,
    );
  }
  if (d.contract) {
    sections.push(
      <Panel key="contract">
        <TransitionForm kind="contract" {...ref} defaults={d.contract.defaults} />
      </Panel>,
    );
  }
  if (d.acceptance) {
    const { grade, accept, fail } = d.acceptance;
    const blocked = why(d.acceptance.blocked);
    sections.push(
      <div key="acceptance" className="grid gap-4 lg:grid-cols-[20rem_1fr]">
        {resultBox}
        <div className="space-y-4">
          {blocked && <Alert tone="warning">{blocked}</Alert>}
          {accept && (
            <Panel>
              <p className="mb-3 text-sm text-slate-700" data-testid="accept-grade">
                {t('deptTask.gradeFromCouncil')}{' '}
                {grade ? (
                  <Badge tone={grade === 'FAIL' ? 'red' : 'green'}>{t(`ratings.${grade}`)}</Badge>
                ) : (
                  <Badge>{t('deptTask.noGrade')}</Badge>
                )}
              </p>
              {!blocked && accept.blocked && (
                <div className="mb-3">
                  <Alert tone="warning">{why(accept.blocked)}</Alert>
                </div>
              )}
              <TransitionForm kind="accept" {...ref} disabled={Boolean(accept.blocked)} defaults={accept.defaults} />
            </Panel>
          )}
          {fail && (
            <Panel tone="danger">
              {!blocked && fail.blocked && (
                <div className="mb-3">
                  <Alert tone="info">{why(fail.blocked)}</Alert>
                </div>
              )}
              <TransitionForm kind="fail" {...ref} disabled={Boolean(fail.blocked)} defaults={fail.defaults} />
            </Panel>
          )}
        </div>
      </div>,
    );
  }
  if (d.terminate) {
    sections.push(
      <Panel key="terminate" tone="danger">
        <TransitionForm kind="terminate" {...ref} />
      </Panel>,
    );
  }
  if (sections.length === 0) return null;
  return (
    <Card title={t('deptTask.actionsTitle')}>
      <div className="space-y-4" data-testid="task-actions">
        {sections}
      </div>
    </Card>
  );
}
