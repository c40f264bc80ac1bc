import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { load } from '@/lib/server/page';
import { getTaskDossier } from '@/lib/tasks/service';
import { getTaskCouncils, listEvaluatorPool } from '@/lib/councils/service';
import { getSettings } from '@/lib/settings/service';
import { availableActions } from '@/lib/domain/workflow';
import { can } from '@/lib/domain/permissions';
import { Card, PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { StatusBadge } from '@/components/tasks/status-badge';
import { TaskDossier } from '@/components/tasks/dossier';
import { AttachmentList } from '@/components/tasks/attachment-list';
import { Timeline } from '@/components/tasks/timeline';
import { TaskActions } from '@/components/department/task-actions';
import { CouncilPanel } from '@/components/department/council-panel';
import { CouncilForm } from '@/components/department/council-form';
import { ProgressReports } from '@/components/department/progress-reports';
import { ExtensionRequests } from '@/components/department/extension-requests';
import { councilStageOf } from '@/components/department/council-stage';

export default async function DepartmentTaskPage({ params }: { params: Promise<{ taskId: string }> }) {
  const actor = await requireArea('department');
  const { taskId } = await params;
  const dossier = await load(getTaskDossier(actor, taskId));
  const { task } = dossier;
  const stage = councilStageOf(task.status);
  const [councils, settings, pool, t] = await Promise.all([
    load(getTaskCouncils(actor, taskId)),
    getSettings(),
    stage && can(actor.role, 'councils.manage') ? load(listEvaluatorPool(actor, taskId)) : Promise.resolve([]),
    getTranslations(),
  ]);
  const activeCouncil = stage ? (councils.find((c) => c.stage === stage && c.status === 'ACTIVE') ?? null) : null;
  const showCouncilForm = Boolean(stage && !activeCouncil && can(actor.role, 'councils.manage'));
  const onActive = new Set(activeCouncil?.members.map((m) => m.user.id) ?? []);
  const replacements = pool
    .filter((e) => !e.ineligible && !onActive.has(e.id))
    .map((e) => ({ id: e.id, name: e.name, affiliation: e.affiliation }));
  const showReports = dossier.reports.length > 0 || task.status === 'RUNNING';
  const showExtensions = dossier.extensions.length > 0;

  return (
    <>
      <PageHeader
        title={<span data-testid="task-heading">{task.title}</span>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-xs">{task.code ?? t('dossier.noCode')}</span>
            <span>· {task.hostOrganization.name}</span>
            <span data-testid="task-status" data-status={task.status}>
              <StatusBadge status={task.status} />
            </span>
          </span>
        }
        actions={
          <Link href="/department/tasks" className={buttonClass('secondary')}>
            {t('deptTask.backToQueue')}
          </Link>
        }
      />
      <div className="space-y-6">
        <TaskActions dossier={dossier} role={actor.role} activeCouncil={activeCouncil} />
        {showCouncilForm && stage && (
          <div id="council-form">
            <Card title={t('deptCouncil.formTitle', { stage: t(`stages.${stage}`) })}>
              <CouncilForm
                taskId={task.id}
                version={task.version}
                stage={stage}
                pool={pool}
                bounds={{
                  councilSizeMin: settings.councilSizeMin,
                  councilSizeMax: settings.councilSizeMax,
                  councilSizeDefault: settings.councilSizeDefault,
                }}
              />
            </Card>
          </div>
        )}
        {showReports && (
          <Card title={t('deptTask.reports')}>
            <ProgressReports reports={dossier.reports} canReview={can(actor.role, 'reports.review')} />
          </Card>
        )}
        {showExtensions && (
          <Card title={t('deptTask.extensions')}>
            <ExtensionRequests
              extensions={dossier.extensions}
              canDecide={availableActions('RUNNING', actor.role).includes('extend') && task.status === 'RUNNING'}
              version={task.version}
            />
          </Card>
        )}
        {councils.length > 0 && (
          <section className="space-y-4" aria-label={t('deptTask.councils')} data-testid="councils">
            {[...councils].reverse().map((c) => (
              <CouncilPanel
                key={c.id}
                council={c}
                criteria={settings.criteria}
                candidates={c.id === activeCouncil?.id ? replacements : []}
              />
            ))}
          </section>
        )}
        <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
          <TaskDossier dossier={dossier} />
          <div className="space-y-6">
            <Card title={t('attachments.title')}>
              <AttachmentList attachments={task.attachments} />
            </Card>
            <Card title={t('timeline.title')}>
              <Timeline events={dossier.events} />
            </Card>
          </div>
        </div>
      </div>
    </>
  );
}
