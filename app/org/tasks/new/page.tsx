import { getTranslations } from 'next-intl/server';
import { loadTaskFormPage } from '@/lib/tasks/loaders';
import { PageHeader } from '@/components/ui/card';
import { PendingNotice } from '@/components/org/pending-notice';
import { TaskForm } from '@/components/org/task-form';
import { withClientIntl } from '@/components/i18n/client-intl';

export async function generateMetadata() {
  return { title: (await getTranslations('orgTasks'))('newTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function NewTaskPage({ searchParams }: Props) {
  const page = await loadTaskFormPage(null, await searchParams);
  const t = await getTranslations('orgTasks');
  if (page.kind !== 'form') {
    return (
      <>
        <PageHeader title={t('newTitle')} />
        {page.kind === 'pending' && <PendingNotice organizationName={page.organizationName} />}
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('newTitle')} description={t('newDescription')} />
      <TaskForm page={page} />
    </>
  );
}

export default withClientIntl(NewTaskPage);
