import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadOrgHome } from '@/lib/tasks/loaders';
import { PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { PendingNotice } from '@/components/org/pending-notice';
import { TaskList } from '@/components/tasks/task-list';
import { OwedList } from '@/components/after-acceptance/obligations';
import { ExportLinks } from '@/components/ui/export-links';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrgHome({ searchParams }: Props) {
  const page = await loadOrgHome(await searchParams);
  const t = await getTranslations();
  if (page.kind === 'pending') {
    return (
      <>
        <PageHeader title={t('org.title')} />
        <PendingNotice organizationName={page.organizationName} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t('org.title')}
        actions={
          <div className="flex flex-wrap gap-2">
            <ExportLinks list="tasks" />
            <Link href="/org/tasks/new" className={buttonClass('primary')} data-testid="new-task">
              {t('orgTasks.newTask')}
            </Link>
          </div>
        }
      />
      <div className="mb-6">
        <OwedList rows={page.owed} />
      </div>
      <TaskList
        variant="own"
        rows={page.rows}
        href={(r) => `/org/tasks/${r.id}`}
        label={t('nav.myTasks')}
        empty={t('org.empty')}
        paging={page.paging}
        query={page.query}
      />
    </>
  );
}
