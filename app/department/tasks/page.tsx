import { getTranslations } from 'next-intl/server';
import { loadQueuePage } from '@/lib/tasks/loaders';
import { SCIENCE_FIELDS, TASK_STATUSES } from '@/lib/domain/task-status';
import Link from 'next/link';
import { Alert, PageHeader } from '@/components/ui/card';
import { periodLabel } from '@/lib/domain/statistics';
import { FilterBar } from '@/components/ui/filter-bar';
import { TaskList } from '@/components/tasks/task-list';
import { ExportLinks } from '@/components/ui/export-links';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function QueuePage({ searchParams }: Props) {
  const page = await loadQueuePage(await searchParams);
  const t = await getTranslations();
  const f = page.filter;
  return (
    <>
      <PageHeader
        title={t('deptQueue.title')}
        description={t('deptQueue.description', { total: page.paging.total })}
        actions={<ExportLinks list="tasks" params={page.query.params} />}
      />
      {page.figure && (
        <div className="mb-4" data-testid="queue-figure" data-figure={page.figure.figure}>
          <Alert tone="info">
            {t('statistics.drillDown', {
              figure: t(`statistics.figures.${page.figure.figure}`),
              period: periodLabel(page.figure.range),
              count: page.paging.total,
            })}{' '}
            ·{' '}
            <Link
              className="font-medium underline"
              href={`/department/statistics?from=${page.figure.range.from}&to=${page.figure.range.to}`}
            >
              {t('statistics.backToStatistics')}
            </Link>
          </Alert>
        </div>
      )}
      <div data-testid="queue-filter">
        <FilterBar
          action="/department/tasks"
          keep={{
            sort: page.query.params.sort,
            dir: page.query.params.dir,
            figure: page.figure?.figure,
            from: page.figure ? String(page.figure.range.from) : undefined,
            to: page.figure ? String(page.figure.range.to) : undefined,
            type: f.type,
            programId: f.programId,
          }}
          q={{ value: f.q, placeholder: t('deptQueue.searchPlaceholder') }}
          selects={[
            {
              name: 'status',
              label: t('taskList.status'),
              value: f.status,
              options: TASK_STATUSES.filter((s) => s !== 'DRAFT').map((s) => ({ value: s, label: t(`status.${s}`) })),
            },
            { name: 'callId', label: t('deptQueue.call'), value: f.callId, options: page.options.calls },
            {
              name: 'field',
              label: t('taskList.field'),
              value: f.field,
              options: SCIENCE_FIELDS.map((x) => ({ value: x, label: t(`fields.${x}`) })),
            },
            { name: 'organizationId', label: t('taskList.organization'), value: f.organizationId, options: page.options.organizations },
            {
              name: 'year',
              label: t('deptQueue.year'),
              value: f.year,
              options: page.options.years.map((y) => ({ value: String(y), label: String(y) })),
            },
          ]}
        />
      </div>
      <TaskList
        variant="queue"
        rows={page.rows}
        href={(r) => `/department/tasks/${r.id}`}
        label={t('deptQueue.title')}
        empty={t('deptQueue.empty')}
        paging={page.paging}
        query={page.query}
      />
    </>
  );
}
