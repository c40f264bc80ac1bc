import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadDepartmentHome } from '@/lib/tasks/loaders';
import { TASK_STATUSES } from '@/lib/domain/task-status';
import { Card, PageHeader, Alert } from '@/components/ui/card';
import { TaskList } from '@/components/tasks/task-list';
import { OverdueLists } from '@/components/after-acceptance/obligations';

export default async function DepartmentHome() {
  const home = await loadDepartmentHome();
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t('department.title')} description={`${t('department.total')}: ${home.total}`} />
      {home.pendingOrganizations > 0 && (
        <div className="mb-6">
          <Alert tone="warning">
            {t('department.pendingOrganizations', { count: home.pendingOrganizations })} ·{' '}
            <Link className="font-medium underline" href="/department/organizations?status=PENDING">
              {t('department.reviewOrganizations')}
            </Link>
          </Alert>
        </div>
      )}
      <Card title={t('department.byStatus')} className="mb-6">
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="status-counts">
          {TASK_STATUSES.map((s) => (
            <li key={s} className="rounded-md border border-slate-200 p-3" data-status={s}>
              <p className="text-xs text-slate-600">{t(`status.${s}`)}</p>
              <p className="text-2xl font-semibold tabular-nums">{home.counts[s]}</p>
            </li>
          ))}
        </ul>
      </Card>
      <div className="mb-6">
        <OverdueLists lists={home.overdue} />
      </div>
      <Card title={t('department.latest')}>
        <TaskList
          variant="latest"
          rows={home.latest}
          href={(r) => `/department/tasks/${r.id}`}
          label={t('nav.tasks')}
          empty={t('taskList.empty')}
        />
      </Card>
    </>
  );
}
