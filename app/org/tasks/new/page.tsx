import { getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { load } from '@/lib/server/page';
import { listCalls } from '@/lib/calls/service';
import { getOwnOrganization, listActiveOrganizationOptions } from '@/lib/organizations/service';
import { PageHeader } from '@/components/ui/card';
import { PendingNotice } from '@/components/org/pending-notice';
import { TaskForm } from '@/components/org/task-form';
import { callOptions } from '@/components/org/call-options';
import { EMPTY_TASK_FORM } from '@/components/org/task-form-values';

export async function generateMetadata() {
  return { title: (await getTranslations('orgTasks'))('newTitle') };
}

export default async function NewTaskPage() {
  const actor = await requireArea('org');
  const t = await getTranslations('orgTasks');
  if (actor.organizationStatus !== 'ACTIVE') {
    const org = await load(getOwnOrganization(actor));
    return (
      <>
        <PageHeader title={t('newTitle')} />
        <PendingNotice organizationName={org.name} />
      </>
    );
  }
  const [calls, organizations] = await Promise.all([listCalls(actor), listActiveOrganizationOptions(actor)]);
  return (
    <>
      <PageHeader title={t('newTitle')} description={t('newDescription')} />
      <TaskForm
        initial={EMPTY_TASK_FORM}
        calls={callOptions(calls, new Date())}
        organizations={organizations.filter((o) => o.id !== actor.organizationId)}
      />
    </>
  );
}
