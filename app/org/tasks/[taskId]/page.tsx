import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadOrgTaskPage } from '@/lib/tasks/loaders';
import { formatDate, formatDateTime, type Locale } from '@/lib/domain/format';
import { Alert, Card, PageHeader } from '@/components/ui/card';
import { StatusBadge } from '@/components/tasks/status-badge';
import { TaskDossier } from '@/components/tasks/dossier';
import { AttachmentList } from '@/components/tasks/attachment-list';
import { Timeline } from '@/components/tasks/timeline';
import { TaskActions } from '@/components/org/task-actions';
import { AttachmentUpload } from '@/components/org/attachment-upload';
import { DeleteAttachmentButton } from '@/components/org/delete-attachment-button';
import { AcceptanceSection, ExtensionSection, ProgressSection } from '@/components/org/running-sections';
import { AfterAcceptanceSection } from '@/components/after-acceptance/panel';
import { DocumentLinks } from '@/components/documents/document-links';
import { loadTaskDocuments } from '@/lib/documents/loaders';
import { withClientIntl } from '@/components/i18n/client-intl';

export async function generateMetadata() {
  return { title: (await getTranslations('orgTasks'))('detailTitle') };
}

async function OrgTaskPage({ params }: { params: Promise<{ taskId: string }> }) {
  const { taskId } = await params;
  const [page, documents] = await Promise.all([loadOrgTaskPage(taskId), loadTaskDocuments('org', taskId)]);
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  const { dossier, actions, files, running, returned, revision } = page;
  const { task } = dossier;
  return (
    <>
      <PageHeader
        title={<span data-testid="task-heading">{task.title}</span>}
        description={[task.code ?? t('dossier.noCode'), task.hostOrganization.name].join(' · ')}
        actions={
          <>
            <StatusBadge status={task.status} />
            <Link href="/org" className="text-sm text-brand-700 hover:underline">
              {t('orgTasks.backToList')}
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        <p className="text-sm text-slate-700" data-testid="task-status" data-status={task.status}>
          <span className="font-medium">{t('org.nextStep')}:</span> {t(`org.next.${task.status}`)}
        </p>

        {returned && (
          <Alert tone="warning" title={t('orgTasks.returnedTitle', { date: formatDateTime(returned.at, locale) })}>
            <p className="whitespace-pre-line text-base" data-testid="returned-comment">
              {returned.note}
            </p>
            <p className="mt-2 text-xs">{t('orgTasks.returnedHint')}</p>
          </Alert>
        )}

        {revision && (
          <Alert
            tone="warning"
            title={t('orgTasks.revisionTitle', { date: revision.since ? formatDateTime(revision.since, locale) : '—' })}
          >
            <p className="whitespace-pre-line text-base" data-testid="revision-note">
              {revision.note}
            </p>
            <p className="mt-2 text-xs">{t('orgTasks.revisionHint')}</p>
          </Alert>
        )}

        {(actions.submit || actions.withdraw || actions.edit || actions.submitRevision) && (
          <Card title={t('orgTasks.actionsTitle')}>
            <TaskActions taskId={task.id} version={task.version} actions={actions} />
          </Card>
        )}

        {running && (
          <>
            <ProgressSection taskId={task.id} progress={running.progress} />
            <ExtensionSection taskId={task.id} extension={running.extension} />
            {running.acceptance && <AcceptanceSection taskId={task.id} version={task.version} acceptance={running.acceptance} />}
          </>
        )}

        {page.afterAcceptance && <AfterAcceptanceSection taskId={task.id} panel={page.afterAcceptance} />}

        <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <TaskDossier dossier={dossier} />
          <div className="space-y-6">
            <DocumentLinks documents={documents} />
            <Card title={t('attachments.title')}>
              <div className="space-y-4">
                <AttachmentList
                  attachments={task.attachments}
                  actions={(a) =>
                    files.kinds.includes(a.kind) ? <DeleteAttachmentButton attachmentId={a.id} fileName={a.fileName} /> : null
                  }
                />
                {files.kinds.length > 0 && (
                  <AttachmentUpload
                    taskId={task.id}
                    kinds={files.kinds}
                    maxMb={files.maxMb}
                    reports={files.reports.map((r) => ({
                      id: r.id,
                      label: t('orgTasks.upload.reportOf', { date: formatDate(r.dueDate, locale) }),
                    }))}
                  />
                )}
              </div>
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

export default withClientIntl(OrgTaskPage);
