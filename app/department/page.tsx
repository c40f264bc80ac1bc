import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { getDepartmentOverview } from '@/lib/tasks/queries';
import { TASK_STATUSES } from '@/lib/domain/task-status';
import { Card, PageHeader, Alert } from '@/components/ui/card';
import { TaskTable } from '@/components/tasks/task-table';
import type { Locale } from '@/lib/domain/format';

export default async function DepartmentHome() {
  const actor = await requireArea('department');
  const [overview, t, locale] = await Promise.all([getDepartmentOverview(actor), getTranslations(), getLocale()]);
  const total = Object.values(overview.counts).reduce((a, b) => a + b, 0);
  return (
    <>
      <PageHeader title={t('department.title')} description={`${t('department.total')}: ${total}`} />
      {overview.pendingOrganizations > 0 && (
        <div className="mb-6">
          <Alert tone="warning">
            {t('department.pendingOrganizations', { count: overview.pendingOrganizations })} ·{' '}
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
              <p className="text-xs text-slate-500">{t(`status.${s}`)}</p>
              <p className="text-2xl font-semibold tabular-nums">{overview.counts[s]}</p>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t('department.latest')}>
        <TaskTable rows={overview.latest} locale={locale as Locale} showOrganization />
      </Card>
    </>
  );
}
