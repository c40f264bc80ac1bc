import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadTaskFormPage } from '@/lib/tasks/loaders';
import { Alert, PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { StatusBadge } from '@/components/tasks/status-badge';
import { PendingNotice } from '@/components/org/pending-notice';
import { TaskForm } from '@/components/org/task-form';
import { withClientIntl } from '@/components/i18n/client-intl';

type Props = { params: Promise<{ taskId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations('orgTasks'))('editTitle') };
}

async function EditTaskPage({ params, searchParams }: Props) {
  const page = await loadTaskFormPage((await params).taskId, await searchParams);
  const t = await getTranslations();
  if (page.kind === 'pending') {
    return (
      <>
        <PageHeader title={t('orgTasks.editTitle')} />
        <PendingNotice organizationName={page.organizationName} />
      </>
    );
  }
  const header = (
    <PageHeader
      title={t('orgTasks.editTitle')}
      description={page.task?.title}
      actions={page.task && <StatusBadge status={page.task.status} />}
    />
  );
  if (page.kind === 'notEditable') {
    return (
      <>
        {header}
        <div className="space-y-4">
          <Alert tone="warning">
            <span data-testid="not-editable">{t('errors.notEditable')}</span>
          </Alert>
          <Link href={`/org/tasks/${page.task.id}`} className={buttonClass('secondary')}>
            {t('orgTasks.backToTask')}
          </Link>
        </div>
      </>
    );
  }
  return (
    <>
      {header}
      <TaskForm key={page.task?.version} page={page} />
    </>
  );
}

export default withClientIntl(EditTaskPage);
