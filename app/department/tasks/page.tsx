import { getLocale, getTranslations } from 'next-intl/server';
import { requireArea } from '@/lib/server/session';
import { load } from '@/lib/server/page';
import { listQueue } from '@/lib/tasks/service';
import { listCalls } from '@/lib/calls/service';
import { listActiveOrganizationOptions } from '@/lib/organizations/service';
import { SCIENCE_FIELDS, TASK_STATUSES } from '@/lib/domain/task-status';
import { yearInVietnam, type Locale } from '@/lib/domain/format';
import { PageHeader } from '@/components/ui/card';
import { FilterBar } from '@/components/ui/filter-bar';
import { Pagination } from '@/components/ui/pagination';
import { QueueTable } from '@/components/department/queue-table';

type Search = { status?: string; callId?: string; field?: string; organizationId?: string; year?: string; q?: string; page?: string };

export default async function QueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireArea('department');
  const params = await searchParams;
  const [queue, calls, organizations, t, locale] = await Promise.all([
    load(listQueue(actor, params)),
    load(listCalls(actor)),
    load(listActiveOrganizationOptions(actor)),
    getTranslations(),
    getLocale(),
  ]);
  const thisYear = yearInVietnam(new Date());
  const years = [...new Set([thisYear + 1, ...Array.from({ length: 6 }, (_, i) => thisYear - i), ...calls.map((c) => c.year)])].sort(
    (a, b) => b - a,
  );
  const value = (v: string | number | undefined) => (v === undefined ? undefined : String(v));
  const f = queue.filter;
  return (
    <>
      <PageHeader title={t('deptQueue.title')} description={t('deptQueue.description', { total: queue.total })} />
      <div data-testid="queue-filter">
        <FilterBar
          action="/department/tasks"
          q={{ value: f.q, placeholder: t('deptQueue.searchPlaceholder') }}
          selects={[
            {
              name: 'status',
              label: t('taskList.status'),
              value: f.status,
              options: TASK_STATUSES.filter((s) => s !== 'DRAFT').map((s) => ({ value: s, label: t(`status.${s}`) })),
            },
            { name: 'callId', label: t('deptQueue.call'), value: f.callId, options: calls.map((c) => ({ value: c.id, label: c.title })) },
            {
              name: 'field',
              label: t('taskList.field'),
              value: f.field,
              options: SCIENCE_FIELDS.map((x) => ({ value: x, label: t(`fields.${x}`) })),
            },
            {
              name: 'organizationId',
              label: t('taskList.organization'),
              value: f.organizationId,
              options: organizations.map((o) => ({ value: o.id, label: o.name })),
            },
            {
              name: 'year',
              label: t('deptQueue.year'),
              value: value(f.year),
              options: years.map((y) => ({ value: String(y), label: String(y) })),
            },
          ]}
        />
      </div>
      <QueueTable rows={queue.rows} locale={locale as Locale} />
      <Pagination page={queue.page} pageSize={queue.pageSize} total={queue.total} basePath="/department/tasks" params={params} />
    </>
  );
}
