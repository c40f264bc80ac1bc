import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { load } from '@/lib/server/page';
import { getTaskDossier } from '@/lib/tasks/service';
import { listCalls } from '@/lib/calls/service';
import { listActiveOrganizationOptions } from '@/lib/organizations/service';
import { EDITABLE_BY_ORGANIZATION } from '@/lib/domain/workflow';
import { Alert, PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { StatusBadge } from '@/components/tasks/status-badge';
import { TaskForm } from '@/components/org/task-form';
import { callOptions } from '@/components/org/call-options';
import { taskToFormValues } from '@/components/org/task-form-values';

export async function generateMetadata() {
  return { title: (await getTranslations('orgTasks'))('editTitle') };
}

export default async function EditTaskPage({ params }: { params: Promise<{ taskId: string }> }) {
  const actor = await requireArea('org');
  const { taskId } = await params;
  const [dossier, t, tErrors] = await Promise.all([
    load(getTaskDossier(actor, taskId)),
    getTranslations('orgTasks'),
    getTranslations('errors'),
  ]);
  const { task } = dossier;
  const header = <PageHeader title={t('editTitle')} description={task.title} actions={<StatusBadge status={task.status} />} />;
  if (!EDITABLE_BY_ORGANIZATION.includes(task.status)) {
    return (
      <>
        {header}
        <div className="space-y-4">
          <Alert tone="warning">
            <span data-testid="not-editable">{tErrors('notEditable')}</span>
          </Alert>
          <Link href={`/org/tasks/${task.id}`} className={buttonClass('secondary')}>
            {t('backToTask')}
          </Link>
        </div>
      </>
    );
  }
  const [calls, organizations] = await Promise.all([listCalls(actor), listActiveOrganizationOptions(actor)]);
  return (
    <>
      {header}
      <TaskForm
        key={task.version}
        initial={taskToFormValues(task)}
        calls={callOptions(calls, new Date())}
        organizations={organizations.filter((o) => o.id !== actor.organizationId)}
        task={{ id: task.id, version: task.version }}
      />
    </>
  );
}
