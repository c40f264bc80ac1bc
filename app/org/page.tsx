import { getLocale, getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { listOwnTasks } from '@/lib/tasks/queries';
import { Alert, PageHeader } from '@/components/ui/card';
import { TaskTable } from '@/components/tasks/task-table';
import { Pagination } from '@/components/ui/pagination';
import type { Locale } from '@/lib/domain/format';
import { getOwnOrganization } from '@/lib/organizations/service';

export default async function OrgHome({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireArea('org');
  const t = await getTranslations('org');
  const locale = (await getLocale()) as Locale;
  if (actor.organizationStatus === 'PENDING') {
    const org = await getOwnOrganization(actor);
    return (
      <>
        <PageHeader title={t('title')} />
        <Alert tone="warning" title={t('pendingTitle')}>
          <span data-testid="pending-verification">{t('pendingBody', { name: org.name })}</span>
        </Alert>
      </>
    );
  }
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const list = await listOwnTasks(actor, page);
  return (
    <>
      <PageHeader title={t('title')} />
      <TaskTable rows={list.rows} locale={locale} nextStep />
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} basePath="/org" params={{}} />
    </>
  );
}
