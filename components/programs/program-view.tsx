import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { formatVnd } from '@/lib/domain/format';
import type { ProgramPage, ProgramsPage } from '@/lib/programs/loaders';
import { Alert, Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/tasks/status-badge';

// The screens of the province's S&T programs, as their loaders prepared them (lib/programs/loaders.ts).

/** The programs, a page at a time: code and name (a link), period, budget, what names them. */
export async function ProgramTable({ page }: { page: ProgramsPage }) {
  const t = await getTranslations('programs');
  return (
    <DataTable
      label={t('list.title')}
      rows={page.rows}
      rowKey={(r) => r.id}
      rowAttributes={(r) => ({ 'program-id': r.id, code: r.code, active: String(r.active) })}
      empty={t('list.empty')}
      testId="program-rows"
      paging={page.paging}
      query={page.query}
      columns={[
        { key: 'code', header: t('fields.code'), className: 'whitespace-nowrap', cell: (r) => r.code },
        {
          key: 'name',
          header: t('fields.name'),
          className: 'max-w-md',
          cell: (r) => (
            <>
              <Link href={`/department/programs/${r.id}`} className="font-medium text-brand-700 hover:underline" data-testid="program-link">
                {r.name}
              </Link>
              <span className="block text-xs text-slate-600">
                {t('list.counts', { tasks: r._count.tasks, needs: r._count.needs, listed: r._count.listedTasks })}
              </span>
            </>
          ),
        },
        {
          key: 'years',
          header: t('fields.years'),
          className: 'whitespace-nowrap',
          cell: (r) => t('detail.years', { start: r.startYear, end: r.endYear }),
        },
        {
          key: 'budget',
          header: t('fields.budget'),
          align: 'right',
          className: 'whitespace-nowrap tabular-nums',
          cell: (r) => formatVnd(r.budget),
        },
        {
          key: 'state',
          header: t('fields.state'),
          cell: (r) => <Badge tone={r.active ? 'green' : 'slate'}>{r.active ? t('list.active') : t('list.ended')}</Badge>,
        },
      ]}
    />
  );
}

function Figure({ label, value, testId, tone }: { label: string; value: string; testId: string; tone?: 'red' }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="text-sm text-slate-600">{label}</p>
      <p
        className={tone === 'red' ? 'mt-1 text-xl font-semibold text-red-700 tabular-nums' : 'mt-1 text-xl font-semibold tabular-nums'}
        data-testid={testId}
      >
        {value}
      </p>
    </div>
  );
}

/** The program's budget, what its approved tasks used (less refunds) and what remains, with the share used. */
export async function ProgramBudget({ page }: { page: ProgramPage }) {
  const t = await getTranslations('programs.detail');
  const { money, counts } = page;
  return (
    <section aria-label={t('budget')} className="space-y-2">
      <div className="grid gap-3 sm:grid-cols-3">
        <Figure label={t('budget')} value={formatVnd(money.budget)} testId="program-budget" />
        <Figure label={t('used')} value={formatVnd(money.used)} testId="program-used" />
        <Figure
          label={t('remaining')}
          value={formatVnd(money.remaining)}
          testId="program-remaining"
          tone={money.remaining < 0n ? 'red' : undefined}
        />
      </div>
      <meter className="h-2 w-full" min={0} max={100} high={100} value={Math.min(100, Math.max(0, money.share))} aria-hidden />
      <p className="text-sm text-slate-700" data-testid="program-share" data-share={String(money.share)}>
        {t('share', { share: money.share })}
      </p>
      <p className="text-xs text-slate-500">
        {t('usedHint', { count: counts.spending, approved: formatVnd(money.approved), refunded: formatVnd(money.refunded) })}
      </p>
    </section>
  );
}

function Row({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr]">
      <dt className="text-sm font-medium text-slate-500">{label}</dt>
      <dd className="whitespace-pre-line text-sm text-slate-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** What the program is: period, goals, decision, and how many needs proposals and listed tasks name it. */
export async function ProgramSummary({ page }: { page: ProgramPage }) {
  const t = await getTranslations('programs');
  const { program, counts } = page;
  return (
    <Card
      title={t('detail.general')}
      actions={<Badge tone={program.active ? 'green' : 'slate'}>{program.active ? t('list.active') : t('list.ended')}</Badge>}
    >
      <dl className="divide-y divide-slate-100" data-testid="program-summary">
        <Row label={t('fields.code')}>{program.code}</Row>
        <Row label={t('fields.years')} testId="program-years">
          {t('detail.years', { start: program.startYear, end: program.endYear })}
        </Row>
        <Row label={t('fields.goals')}>{program.goals}</Row>
        <Row label={t('detail.decision')}>{program.decisionNo ?? t('detail.noDecision')}</Row>
        <Row label={t('detail.needs')} testId="program-needs-count">
          {counts.needs}
        </Row>
        <Row label={t('detail.listedTasks')} testId="program-listed-count">
          {counts.listedTasks}
        </Row>
        <Row label={t('detail.createdBy')}>{program.createdBy.name}</Row>
      </dl>
      {!page.edit && (
        <div className="mt-3">
          <Alert>{t('detail.readOnly')}</Alert>
        </div>
      )}
    </Card>
  );
}

/** The program's tasks (every dossier but drafts), a page at a time. */
export async function ProgramTasks({ page }: { page: ProgramPage }) {
  const t = await getTranslations();
  const { tasks } = page;
  return (
    <Card title={t('programs.detail.tasksTitle', { count: tasks.total })}>
      <DataTable
        label={t('programs.detail.tasksTitle', { count: tasks.total })}
        rows={tasks.rows}
        rowKey={(r) => r.id}
        rowAttributes={(r) => ({ 'task-id': r.id, status: r.status, type: r.type ?? '' })}
        empty={<span data-testid="program-tasks-empty">{t('programs.detail.noTasks')}</span>}
        testId="program-tasks"
        paging={{ page: tasks.page, pageSize: tasks.pageSize, total: tasks.total }}
        query={tasks.query}
        columns={[
          { key: 'code', header: t('programs.columns.code'), className: 'whitespace-nowrap', cell: (r) => r.code ?? '—' },
          {
            key: 'title',
            header: t('programs.columns.title'),
            className: 'max-w-md',
            cell: (r) => (
              <>
                <Link href={`/department/tasks/${r.id}`} className="font-medium text-brand-700 hover:underline">
                  {r.title}
                </Link>
                {r.beneficiaryEnterprise && (
                  <span className="block text-xs text-slate-600">
                    {t('programs.columns.beneficiary', { name: r.beneficiaryEnterprise })}
                    {r.supportAmount !== null ? ` · ${formatVnd(r.supportAmount)}` : ''}
                  </span>
                )}
              </>
            ),
          },
          { key: 'host', header: t('programs.columns.host'), cell: (r) => r.hostOrganization.name },
          { key: 'kind', header: t('programs.columns.kind'), cell: (r) => (r.type ? t(`taskTypes.${r.type}`) : '—') },
          { key: 'status', header: t('programs.columns.status'), cell: (r) => <StatusBadge status={r.status} /> },
          {
            key: 'approved',
            header: t('programs.columns.approvedBudget'),
            align: 'right',
            className: 'whitespace-nowrap',
            cell: (r) => formatVnd(r.approvedBudget),
          },
        ]}
      />
    </Card>
  );
}
