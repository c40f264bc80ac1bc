import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadDepartmentTaskPage } from '@/lib/tasks/loaders';
import { Card, PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { StatusBadge } from '@/components/tasks/status-badge';
import { TaskDossier } from '@/components/tasks/dossier';
import { AttachmentList } from '@/components/tasks/attachment-list';
import { PublishAttachmentButton } from '@/components/department/publish-attachment-button';
import { Timeline } from '@/components/tasks/timeline';
import { TaskActions } from '@/components/department/task-actions';
import { CouncilPanel } from '@/components/department/council-panel';
import { CouncilForm } from '@/components/department/council-form';
import { ProgressReports } from '@/components/department/progress-reports';
import { ExtensionRequests } from '@/components/department/extension-requests';
import { AfterAcceptanceSection } from '@/components/after-acceptance/panel';
import { DocumentLinks } from '@/components/documents/document-links';
import { loadTaskDocuments } from '@/lib/documents/loaders';
import { withClientIntl } from '@/components/i18n/client-intl';

async function DepartmentTaskPage({ params }: { params: Promise<{ taskId: string }> }) {
  const { taskId } = await params;
  const [page, documents] = await Promise.all([loadDepartmentTaskPage(taskId), loadTaskDocuments('department', taskId)]);
  const t = await getTranslations();
  const { dossier, councilForm } = page;
  const { task } = dossier;
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
        <TaskActions page={page} />
        {councilForm && (
          <div id="council-form">
            <Card title={t('deptCouncil.formTitle', { stage: t(`stages.${councilForm.stage}`) })}>
              <CouncilForm
                taskId={task.id}
                version={task.version}
                stage={councilForm.stage}
                pool={councilForm.pool}
                bounds={councilForm.bounds}
              />
            </Card>
          </div>
        )}
        {page.afterAcceptance && <AfterAcceptanceSection taskId={task.id} panel={page.afterAcceptance} />}
        {page.reports && (
          <Card title={t('deptTask.reports')}>
            <ProgressReports reports={dossier.reports} canReview={page.reports.canReview} />
          </Card>
        )}
        {page.extensions && (
          <Card title={t('deptTask.extensions')}>
            <ExtensionRequests extensions={dossier.extensions} canDecide={page.extensions.canDecide} version={task.version} />
          </Card>
        )}
        {page.councils.length > 0 && (
          <section className="space-y-4" aria-label={t('deptTask.councils')} data-testid="councils">
            {page.councils.map((c) => (
              <CouncilPanel key={c.id} council={c} criteria={page.criteria} candidates={c.replacementCandidates} />
            ))}
          </section>
        )}
        <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
          <TaskDossier dossier={dossier} />
          <div className="space-y-6">
            <DocumentLinks documents={documents} />
            <Card title={t('attachments.title')}>
              {page.publishable.length > 0 && <p className="mb-3 text-sm text-slate-600">{t('attachments.publishHint')}</p>}
              <AttachmentList
                attachments={task.attachments}
                actions={(a) =>
                  page.publishable.includes(a.id) ? (
                    <PublishAttachmentButton attachmentId={a.id} fileName={a.fileName} published={Boolean(a.publishedAt)} />
                  ) : null
                }
              />
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

export default withClientIntl(DepartmentTaskPage);
