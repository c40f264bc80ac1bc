import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { load } from '@/lib/server/page';
import { getTaskDossier } from '@/lib/tasks/service';
import { reportPeriods } from '@/lib/reports/service';
import { getSettings } from '@/lib/settings/service';
import { KINDS_BY_STATUS } from '@/lib/attachments/service';
import { availableActions, EDITABLE_BY_ORGANIZATION } from '@/lib/domain/workflow';
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

export async function generateMetadata() {
  return { title: (await getTranslations('orgTasks'))('detailTitle') };
}

export default async function OrgTaskPage({ params }: { params: Promise<{ taskId: string }> }) {
  const actor = await requireArea('org');
  const { taskId } = await params;
  const dossier = await load(getTaskDossier(actor, taskId));
  const { task } = dossier;
  const running = task.status === 'RUNNING';
  const [t, locale, settings, periods] = await Promise.all([
    getTranslations(),
    getLocale() as Promise<Locale>,
    getSettings(),
    running ? load(reportPeriods(actor, task.id)) : Promise.resolve([]),
  ]);
  const actions = availableActions(task.status, 'ORGANIZATION');
  const editable = EDITABLE_BY_ORGANIZATION.includes(task.status);
  const proposalActions = actions.filter((a) => a === 'submit' || a === 'resubmit' || a === 'withdraw');
  const uploadKinds: readonly string[] = KINDS_BY_STATUS[task.status] ?? [];
  const returned = task.status === 'RETURNED' ? dossier.events.filter((e) => e.action === 'return').at(-1) : undefined;

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
          <Alert tone="warning" title={t('orgTasks.returnedTitle', { date: formatDateTime(returned.createdAt, locale) })}>
            <p className="whitespace-pre-line text-base" data-testid="returned-comment">
              {returned.note}
            </p>
            <p className="mt-2 text-xs">{t('orgTasks.returnedHint')}</p>
          </Alert>
        )}

        {(proposalActions.length > 0 || editable) && (
          <Card title={t('orgTasks.actionsTitle')}>
            <TaskActions taskId={task.id} version={task.version} actions={proposalActions} editable={editable} />
          </Card>
        )}

        {running && (
          <>
            <ProgressSection dossier={dossier} periods={periods} settings={settings} />
            <ExtensionSection dossier={dossier} settings={settings} />
            {actions.includes('requestAcceptance') && <AcceptanceSection dossier={dossier} settings={settings} />}
          </>
        )}

        <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <TaskDossier dossier={dossier} />
          <div className="space-y-6">
            <Card title={t('attachments.title')}>
              <div className="space-y-4">
                <AttachmentList
                  attachments={task.attachments}
                  actions={(a) =>
                    uploadKinds.includes(a.kind) ? <DeleteAttachmentButton attachmentId={a.id} fileName={a.fileName} /> : null
                  }
                />
                {uploadKinds.length > 0 && (
                  <AttachmentUpload
                    taskId={task.id}
                    kinds={uploadKinds}
                    maxMb={settings.uploadMaxMb}
                    reports={dossier.reports.map((r) => ({
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
