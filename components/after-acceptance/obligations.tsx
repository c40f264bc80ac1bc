import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, EmptyState } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDate, type Locale } from '@/lib/domain/format';
import type { ObligationKind } from '@/lib/domain/after-acceptance';

type Row = {
  taskId: string;
  code: string | null;
  title: string;
  organizationName: string;
  kind: ObligationKind;
  dueDate: Date;
  state: 'overdue' | 'dueSoon';
  daysOverdue: number;
  year?: number;
};

type T = Awaited<ReturnType<typeof getTranslations<'afterAcceptance.obligations'>>>;

function what(t: T, row: Row) {
  return row.kind === 'application' && row.year ? t('applicationYear', { n: row.year }) : t(`kinds.${row.kind}`);
}

/** The department's overdue lists: progress reports, acceptances, registrations, liquidations, application reports. */
export async function OverdueLists({ lists }: { lists: { kind: ObligationKind; total: number; rows: Row[] }[] }) {
  const t = await getTranslations('afterAcceptance.obligations');
  const locale = (await getLocale()) as Locale;
  const total = lists.reduce((a, l) => a + l.total, 0);
  return (
    <Card title={t('title')}>
      {total === 0 ? (
        <EmptyState>{t('empty')}</EmptyState>
      ) : (
        <div className="space-y-6" data-testid="overdue-lists">
          {lists
            .filter((l) => l.total > 0)
            .map((l) => (
              <section key={l.kind} data-testid={`overdue-${l.kind}`} data-count={l.total}>
                <h3 className="mb-2 text-sm font-semibold text-slate-800">
                  {t(`kinds.${l.kind}`)} <span className="tabular-nums text-slate-500">({l.total})</span>
                </h3>
                <Table label={t(`kinds.${l.kind}`)}>
                  <thead>
                    <tr>
                      <Th>{t('task')}</Th>
                      <Th>{t('organization')}</Th>
                      <Th>{t('dueDate')}</Th>
                      <Th className="text-right">{t('late')}</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {l.rows.map((r) => (
                      <tr key={`${r.taskId}-${r.dueDate.getTime()}`} data-task-id={r.taskId} data-days={r.daysOverdue}>
                        <Td className="max-w-md">
                          <Link href={`/department/tasks/${r.taskId}`} className="text-brand-700 hover:underline">
                            {r.code ? `${r.code} · ` : ''}
                            {r.title}
                          </Link>
                          {r.kind === 'application' && <p className="text-xs text-slate-500">{what(t, r)}</p>}
                        </Td>
                        <Td>{r.organizationName}</Td>
                        <Td className="whitespace-nowrap">{formatDate(r.dueDate, locale)}</Td>
                        <Td className="whitespace-nowrap text-right tabular-nums text-red-700">{t('lateDays', { days: r.daysOverdue })}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
                {l.total > l.rows.length && <p className="mt-1 text-xs text-slate-500">{t('more', { count: l.total - l.rows.length })}</p>}
              </section>
            ))}
        </div>
      )}
    </Card>
  );
}

/** The organization's "what we owe": overdue and soon-due reports and dossiers of its tasks. */
export async function OwedList({ rows }: { rows: Row[] }) {
  const t = await getTranslations('afterAcceptance.obligations');
  const locale = (await getLocale()) as Locale;
  return (
    <Card title={t('owedTitle')}>
      {rows.length === 0 ? (
        <EmptyState>{t('owedEmpty')}</EmptyState>
      ) : (
        <Table label={t('owedTitle')}>
          <thead>
            <tr>
              <Th>{t('what')}</Th>
              <Th>{t('task')}</Th>
              <Th>{t('dueDate')}</Th>
              <Th>{t('late')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="owed-list">
            {rows.map((r) => (
              <tr key={`${r.taskId}-${r.kind}-${r.dueDate.getTime()}`} data-kind={r.kind} data-state={r.state} data-task-id={r.taskId}>
                <Td>{what(t, r)}</Td>
                <Td className="max-w-md">
                  <Link href={`/org/tasks/${r.taskId}`} className="text-brand-700 hover:underline">
                    {r.code ? `${r.code} · ` : ''}
                    {r.title}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap">{formatDate(r.dueDate, locale)}</Td>
                <Td className="whitespace-nowrap">
                  {r.state === 'overdue' ? (
                    <Badge tone="red">{t('lateDays', { days: r.daysOverdue })}</Badge>
                  ) : (
                    <Badge tone="amber">{t('dueSoon')}</Badge>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
