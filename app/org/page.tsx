import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { load } from '@/lib/server/page';
import { listOwnTasks } from '@/lib/tasks/queries';
import { getOwnOrganization } from '@/lib/organizations/service';
import { PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { OrgTaskTable } from '@/components/org/org-task-table';
import { PendingNotice } from '@/components/org/pending-notice';
import type { Locale } from '@/lib/domain/format';

export default async function OrgHome({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireArea('org');
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  if (actor.organizationStatus !== 'ACTIVE') {
    const org = await load(getOwnOrganization(actor));
    return (
      <>
        <PageHeader title={t('org.title')} />
        <PendingNotice organizationName={org.name} />
      </>
    );
  }
  const page = Math.max(1, Math.floor(Number((await searchParams).page)) || 1);
  const list = await listOwnTasks(actor, page);
  return (
    <>
      <PageHeader
        title={t('org.title')}
        actions={
          <Link href="/org/tasks/new" className={buttonClass('primary')} data-testid="new-task">
            {t('orgTasks.newTask')}
          </Link>
        }
      />
      <OrgTaskTable rows={list.rows} locale={locale} />
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} basePath="/org" params={{}} />
    </>
  );
}
